import type { LiveTemplates, TemplateDefinition, TemplateListing, TemplatesSnapshot } from '../engine/templates';
import { builtinListing, outsideListing } from './registry-listing';
import { outsideDefinition } from './outside/outside-definition';
import type { ScannedTemplate } from './outside/scanned';

interface OutsideEntry {
  scanned: ScannedTemplate;
  definition: TemplateDefinition;
}

/**
 * The one template registry: the built-ins and every outside template the
 * templates folders hold, by id. The engine asks it for a template at every
 * use (validation, take, binding), so a template that appears, changes or
 * goes during a show is seen at once; the consoles hear of each change (a
 * revision) through the engine. A template whose file has gone is kept,
 * marked missing, so the cues of it stay valid and what is on air plays on.
 */
export class TemplateRegistry implements LiveTemplates {
  private readonly builtins: ReadonlyMap<string, TemplateDefinition>;
  private readonly builtinListings: TemplateListing[];
  private readonly outside = new Map<string, OutsideEntry>();
  private readonly listeners = new Set<() => void>();
  private revision = 1;
  private cached: TemplatesSnapshot | null = null;

  constructor(builtins: readonly TemplateDefinition[]) {
    this.builtins = new Map(builtins.map((d) => [d.id, d]));
    this.builtinListings = builtins.map(builtinListing);
  }

  get(id: string): TemplateDefinition | undefined {
    return this.builtins.get(id) ?? this.outside.get(id)?.definition;
  }

  /** The outside template by id, as read from its folder. */
  scanned(id: string): ScannedTemplate | undefined {
    return this.outside.get(id)?.scanned;
  }

  /**
   * Adds or replaces outside templates (a scan, a file added or changed). An id
   * a built-in has is refused: the built-ins are never shadowed.
   */
  put(templates: readonly ScannedTemplate[]): void {
    let changed = false;
    for (const t of templates) {
      if (this.builtins.has(t.id)) continue;
      const had = this.outside.get(t.id)?.scanned;
      if (had && JSON.stringify(had) === JSON.stringify(t)) continue;
      this.outside.set(t.id, { scanned: t, definition: outsideDefinition(t) });
      changed = true;
    }
    if (changed) this.changed();
  }

  /** The files of these templates have gone: listed as missing, kept for the cues that use them. */
  markMissing(ids: readonly string[]): void {
    const gone = ids.map((id) => this.outside.get(id)?.scanned).filter((t): t is ScannedTemplate => t !== undefined && !t.missing);
    if (gone.length) this.put(gone.map((t) => ({ ...t, missing: true })));
  }

  /** Every outside template, as read: what the big-input worker needs to check a show as the engine would (main/server/big-input-worker.ts). */
  outsideTemplates(): ScannedTemplate[] {
    return [...this.outside.values()].map((e) => e.scanned);
  }

  /** Outside templates from one folder, by source path: the scanner's view of what it already listed. */
  fromFolder(folder: number): ScannedTemplate[] {
    return [...this.outside.values()].map((e) => e.scanned).filter((t) => t.folder === folder);
  }

  snapshot(): TemplatesSnapshot {
    this.cached ??= {
      templatesRevision: this.revision,
      templates: [...this.builtinListings, ...[...this.outside.values()].map((e) => outsideListing(e.scanned)).sort((a, b) => a.id.localeCompare(b.id))],
    };
    return this.cached;
  }

  watch(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  private changed(): void {
    this.revision += 1;
    this.cached = null;
    for (const listener of this.listeners) {
      // A broken listener costs itself the news, never the registry or the other listeners.
      try {
        listener();
      } catch (e) {
        console.error(`template registry listener: ${(e as Error).message}`);
      }
    }
  }
}
