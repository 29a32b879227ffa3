import { LAYERS, type Layer } from './show';
import type { AsRunEntry, OmitEach, OnAir } from './protocol-on-air';

/**
 * How the layers on air make one picture. A full-screen board is drawn at the
 * back, so without these rules the strap and the bug would sit on top of it
 * (the bug over the exit poll's clock, the strap across the board).
 *
 * - `hold`: the other layer stays in the program (it keeps its step and takes
 *   updates) but is not drawn while this one is on air; outputs take it off
 *   with a quick out and cut it back at its steady state when this one goes.
 * - `make-room`: the other layer stays drawn, and this one keeps out of its
 *   band (a board's foot rises above the ticker's band).
 *
 * A pair not named here draws both as they are (a bottom bug already steps up
 * above a strap in bug.css).
 */
export type LayerRule = 'hold' | 'make-room';

/** Rows: the layer on air. Columns: what it does to each other layer on air. */
export const COMPOSITION_RULES: Readonly<Record<Layer, Readonly<Partial<Record<Layer, LayerRule>>>>> = {
  fullscreen: { 'lower-third': 'hold', bug: 'hold', ticker: 'make-room' },
  'lower-third': {},
  ticker: {},
  bug: {},
};

export type LayerShown = { visibility: 'visible' } | { visibility: 'held'; by: Layer };

/** The picture the outputs draw, for the layers on air. */
export interface Composition {
  /** Every layer on air: drawn, or held (in the program, not drawn) by the layer named. */
  layers: Partial<Record<Layer, LayerShown>>;
  /** Layers drawn whose band the layers behind them keep clear of (the ticker's, under a board). */
  reserved: Layer[];
}

/** Pure: the same layers on air always compose the same way, whatever order they were taken in. */
export function compose(onAir: Iterable<Layer>): Composition {
  const present = new Set(onAir);
  const layers: Composition['layers'] = {};
  for (const layer of LAYERS) {
    if (!present.has(layer)) continue;
    const holder = LAYERS.find((other) => other !== layer && present.has(other) && COMPOSITION_RULES[other][layer] === 'hold');
    layers[layer] = holder ? { visibility: 'held', by: holder } : { visibility: 'visible' };
  }
  const drawn = (layer: Layer) => layers[layer]?.visibility === 'visible';
  const reserved = LAYERS.filter(
    (layer) => drawn(layer) && LAYERS.some((other) => other !== layer && drawn(other) && COMPOSITION_RULES[other][layer] === 'make-room'),
  );
  return { layers, reserved };
}

/** How the console and the as-run name what holds a layer: "the board" for the full-screen layer. */
export function holderName(by: Layer): string {
  return by === 'fullscreen' ? 'the board' : `the ${by.replace('-', ' ')}`;
}

export function composeProgram(program: Partial<Record<Layer, OnAir>>): Composition {
  return compose(Object.keys(program) as Layer[]);
}

/**
 * The as-run lines for graphics that left or came back to the picture without
 * leaving the program: `hold` when one is held (taken under a board, or a
 * board taken over it), `release` when it is drawn again. Graphics that left
 * the program (out, clear-all) have their own lines already.
 */
export function compositionAsRun(before: Partial<Record<Layer, OnAir>>, after: Partial<Record<Layer, OnAir>>, now: number): OmitEach<AsRunEntry, 'revision'>[] {
  const was = composeProgram(before).layers;
  const is = composeProgram(after).layers;
  const entries: OmitEach<AsRunEntry, 'revision'>[] = [];
  for (const layer of LAYERS) {
    const onAir = after[layer];
    const shown = is[layer];
    if (!onAir || !shown) continue;
    const sameGraphic = before[layer]?.takeId === onAir.takeId;
    const wasHeld = sameGraphic && was[layer]?.visibility === 'held';
    let action: 'hold' | 'release' | null = null;
    if (shown.visibility === 'held' && !wasHeld) action = 'hold';
    else if (shown.visibility === 'visible' && wasHeld) action = 'release';
    if (!action) continue;
    const by = shown.visibility === 'held' ? shown.by : (was[layer] as { by: Layer }).by;
    entries.push({ at: new Date(now).toISOString(), action, layer, by, cueId: onAir.cueId, template: onAir.template, title: onAir.title, step: onAir.step });
  }
  return entries;
}
