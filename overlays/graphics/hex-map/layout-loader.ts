import { hexJsonSchema } from '../../../main/engine/election';
import type { ProgramSnapshot } from '../../../main/engine/protocol';
import { hasHexLayout, setHexLayout } from './layout';

/** A hex map view without a key is the gallery's own night: the 2024 layout, served as this. */
export const DEFAULT_HEX_LAYOUT = 'default';

export const hexLayoutKeyOf = (view: unknown): string =>
  view !== null && typeof view === 'object' && 'layout' in view && typeof view.layout === 'string' ? view.layout : DEFAULT_HEX_LAYOUT;

const loading = new Map<string, Promise<void>>();

/** Fetches one layout (once, however many ask); a failed fetch may be tried again by the next snapshot. */
export function loadHexLayout(key: string): Promise<void> {
  const known = loading.get(key);
  if (known) return known;
  const load = fetch(`/api/hex-layout?key=${encodeURIComponent(key)}`, { credentials: 'same-origin' })
    .then(async (res) => {
      if (!res.ok) throw new Error(`hex layout ${key}: HTTP ${res.status}`);
      setHexLayout(key, hexJsonSchema.parse(await res.json()));
    })
    .catch((e: unknown) => {
      loading.delete(key);
      console.error(e);
    });
  loading.set(key, load);
  return load;
}

/**
 * The layouts the snapshot's hex maps (on air or in preview) need that have not arrived:
 * null when none is missing, so every other snapshot is drawn at once, with no await.
 * The engine puts a hex map's layout key in its view from the cue on, so this runs when
 * the map is loaded into preview, never first on the take.
 */
export function whenHexLayoutsReady(snapshot: ProgramSnapshot): Promise<void> | null {
  const views = [
    ...Object.values(snapshot.program)
      .filter((o) => o?.template === 'hex-map')
      .map((o) => o!.view),
  ];
  if (snapshot.preview?.template === 'hex-map') views.push(snapshot.preview.view);
  const missing = [...new Set(views.map(hexLayoutKeyOf))].filter((key) => !hasHexLayout(key));
  return missing.length === 0 ? null : Promise.all(missing.map(loadHexLayout)).then(() => undefined);
}
