import { z } from 'zod';
import { describeIssues } from '../../engine/errors';
import { parseJsonText } from './source-text';

/**
 * An EBU OGraf v1 manifest (`*.ograf.json`), narrowed to what Strapline uses.
 * Loose on purpose: vendor keys (`v_*`) and fields of later minor versions are
 * kept, not refused; what is required (`id`, `name`, `main`) is checked and a
 * missing one named. stepCount: absent means 1, -1 means dynamic (the graphic
 * says when it has finished).
 */
const customActionSchema = z.looseObject({
  id: z.string().min(1).max(200),
  name: z.string().max(200).optional(),
  description: z.string().optional(),
  schema: z.record(z.string(), z.unknown()).nullable().optional(),
});

export const ografManifestSchema = z.looseObject({
  id: z.string().min(1).max(200),
  name: z.string().min(1).max(200),
  description: z.string().optional(),
  version: z.string().optional(),
  main: z.string().min(1).max(500),
  /** JSON Schema of the graphic's data (GDD types in `gddType`); may be absent. */
  schema: z.record(z.string(), z.unknown()).optional(),
  stepCount: z.number().int().min(-1).optional(),
  supportsRealTime: z.boolean().optional(),
  supportsNonRealTime: z.boolean().optional(),
  customActions: z.array(customActionSchema).max(100).optional(),
});

export interface ReadManifest {
  name: string;
  /** The module, relative to the manifest's folder. */
  main: string;
  steps: number;
  schema: Record<string, unknown> | null;
  customActions: { id: string; name: string }[];
  /** A vendor key of ours: `"v_strapline": {"layer": "bug"}` picks the default layer. */
  layer: string | null;
  problems: string[];
}

export function readOgrafManifest(file: string, text: string): ReadManifest | { problem: string } {
  const json = parseJsonText(file, text);
  if ('problem' in json) return json;
  const parsed = ografManifestSchema.safeParse(json.value);
  if (!parsed.success) return { problem: `${file}: not an OGraf manifest (${describeIssues(parsed.error.issues)})` };
  const m = parsed.data;
  const problems: string[] = [];
  if (m.supportsRealTime === false) problems.push(`${file}: supportsRealTime is false, and Strapline plays graphics in real time only`);
  if (/^[a-z][a-z0-9+.-]*:/i.test(m.main) || m.main.startsWith('/') || m.main.split(/[\\/]/).includes('..')) {
    return { problem: `${file}: main "${m.main}" must be a path inside the template's folder` };
  }
  const vendor = z.object({ layer: z.string() }).safeParse(m.v_strapline);
  return {
    name: m.name,
    main: m.main,
    steps: m.stepCount ?? 1,
    schema: m.schema ?? null,
    customActions: (m.customActions ?? []).map((a) => ({ id: a.id, name: a.name ?? a.id })),
    layer: vendor.success ? vendor.data.layer : null,
    problems,
  };
}
