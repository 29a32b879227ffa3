import type { Layer } from '../../engine/show';
import type { OutsideKind } from './contract';

/**
 * One outside template as a templates folder holds it, read but not run: what
 * the registry lists and builds a definition from. Pure data, made by the
 * server's folder scanner (main/server/template-folders.ts).
 */
export interface ScannedTemplate {
  /** Stable across restarts: from the folder and the file's path in it, never a counter. */
  id: string;
  /** Which templates folder (its index among --templates), for templateFileUrl. */
  folder: number;
  /** The manifest or page, relative to its folder, with / between parts. */
  source: string;
  kind: OutsideKind;
  name: string;
  layer: Layer;
  /** OGraf stepCount (-1 dynamic), SPX steps, 1 for CasparCG. */
  steps: number;
  /** JSON Schema of its fields: OGraf's own, SPX's DataFields, a CasparCG page's GDD; open (any object) without one. */
  schema: Record<string, unknown>;
  customActions: { id: string; name: string }[];
  /** The file the output's host loads, relative to the folder: OGraf's main, or the page itself. */
  entry: string;
  /** A hash of what was read: a graphic on air keeps the version it loaded. */
  version: string;
  dataFormat: 'json' | 'xml';
  spxOut?: 'manual' | 'none' | number;
  /** Why it is listed but cannot be cued (unreadable, not a manifest); null when it can. */
  blocked: string | null;
  /** Warnings that do not stop it, each naming the file (and line). */
  warnings: string[];
  /** Its file has gone from the folder: cues of it stay in the show and on air, no new take. */
  missing: boolean;
}
