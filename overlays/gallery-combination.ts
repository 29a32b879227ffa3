import { compose } from '../main/engine/composition';
import { LAYERS, type Fields, type Layer } from '../main/engine/show';
import { part } from './graphics/dom';
import { cutToStep, type StillGraphic } from './gallery-stage';
import { markPlace, rehearsalMark } from './rehearsal-mark';

/** One layer of a combination, found in the gallery's entries: its still and, for a bug, its corner. */
export interface CombinationPart extends StillGraphic {
  case: string;
}

/** A combination to draw: its id and label from the server, and its layers' stills. */
export interface CombinationStill {
  id: string;
  label: string;
  parts: CombinationPart[];
}

/**
 * A stage with every layer of a combination as the output lays them out: one slot per layer in
 * the output's order, composed by the engine's own rules (a held layer is not drawn, a reserved
 * band is on the stage before any board is laid out, so the board fits its tightened rows), and
 * the REHEARSAL mark where the output would put it when `mark` is asked.
 */
export function combinationStage(host: HTMLElement, still: CombinationStill, mark: boolean): HTMLElement {
  const stage = part('div', 'stage');
  const slots = new Map<Layer, HTMLElement>();
  for (const layer of LAYERS) {
    const slot = part('div', 'layer');
    slot.dataset.layerSlot = layer;
    stage.append(slot);
    slots.set(layer, slot);
  }
  const composition = compose(still.parts.map((p) => p.layer));
  if (composition.reserved.length) stage.dataset.reserved = composition.reserved.join(' ');
  stage.dataset.combination = still.id;
  host.append(stage);
  for (const p of still.parts) {
    if (composition.layers[p.layer]?.visibility !== 'visible') continue;
    const el = cutToStep(slots.get(p.layer)!, p);
    // What the output's rules key on (a strap on air lifts a bottom bug: bug.css): a graphic on air carries its cue id.
    if (el) el.dataset.cueId = `${p.template}-${p.case}`;
  }
  if (mark)
    markStage(
      stage,
      still.parts.map((p) => p.layer),
      still.parts.find((p) => p.layer === 'bug')?.view ?? null,
    );
  return stage;
}

/** Adds the REHEARSAL mark to a stage where the output would put it over these layers (rehearsal-mark.ts). */
export function markStage(stage: HTMLElement, layers: Layer | Layer[], bugView: Fields | null): void {
  const m = rehearsalMark();
  m.hidden = false;
  const corner = bugView?.corner;
  m.dataset.corner = markPlace(compose(Array.isArray(layers) ? layers : [layers]), typeof corner === 'string' ? corner : undefined);
  stage.append(m);
}
