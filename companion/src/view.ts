import { LAYERS, type Layer, type OnAir, type Program, type ResultsSummary, type ShowSummary, type StreamMessage } from './wire.js';

// What the module knows of Strapline, and what a button shows of it: pure functions of the last snapshots, so what is
// on air becomes feedback and variables the same way in the tests as in Companion.

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'unauthorised' | 'stopped';

export interface StraplineView {
  connection: ConnectionState;
  program: Program | null;
  show: ShowSummary | null;
  results: ResultsSummary | null;
}

export const EMPTY_VIEW: StraplineView = { connection: 'connecting', program: null, show: null, results: null };

export function applyMessage(view: StraplineView, message: StreamMessage): StraplineView {
  if (message.type === 'program') return { ...view, program: message.data };
  if (message.type === 'show') return { ...view, show: message.data.show };
  return { ...view, results: message.data };
}

/**
 * A dropped connection forgets what it knew: a button must not stay lit for a graphic that may have gone while the
 * link was down. The server greets every (re)connection with the whole state, so the resync is its first messages.
 */
export function withConnection(view: StraplineView, connection: ConnectionState): StraplineView {
  return connection === 'connected' ? { ...view, connection } : { connection, program: null, show: null, results: null };
}

export function onAir(view: StraplineView, layer: Layer): OnAir | undefined {
  return view.program?.program[layer];
}

export function cueOnAir(view: StraplineView, cueId: string): boolean {
  return LAYERS.some((layer) => onAir(view, layer)?.cueId === cueId);
}

export function cueInPreview(view: StraplineView, cueId: string): boolean {
  return view.program?.preview?.cueId === cueId;
}

export function layerOccupied(view: StraplineView, layer: Layer): boolean {
  return onAir(view, layer) !== undefined;
}

/** The advanced feedback's text: the title on air and its step, or the layer's name and OFF. */
export function onAirText(view: StraplineView, layer: Layer): string {
  const graphic = onAir(view, layer);
  if (!graphic) return `${layer.toUpperCase()}\nOFF`;
  return graphic.steps > 1 ? `${graphic.title}\n${graphic.step}/${graphic.steps}` : graphic.title;
}

const variableId = (layer: Layer, what: string) => `${layer.replace('-', '_')}_${what}`;

export function variableDefinitions(): { variableId: string; name: string }[] {
  return [
    ...LAYERS.flatMap((layer) => [
      { variableId: variableId(layer, 'title'), name: `On air title, ${layer}` },
      { variableId: variableId(layer, 'step'), name: `On air step, ${layer} (0 when off)` },
    ]),
    { variableId: 'preview_cue', name: 'Cue in preview (its id)' },
    { variableId: 'preview_title', name: 'Cue in preview (its title)' },
    { variableId: 'seats_declared', name: 'Seats declared' },
    { variableId: 'corrections_waiting', name: 'Corrections waiting' },
    { variableId: 'connection', name: 'Connection to Strapline' },
  ];
}

export function cueTitle(show: ShowSummary | null, cueId: string): string | undefined {
  for (const stack of show?.stacks ?? []) for (const cue of stack.cues) if (cue.id === cueId) return cue.title;
  return undefined;
}

/** Every variable's value; unknown while disconnected (empty, so a button never shows a stale figure). */
export function variableValues(view: StraplineView): Record<string, string | number | undefined> {
  const values: Record<string, string | number | undefined> = { connection: view.connection };
  for (const layer of LAYERS) {
    const graphic = onAir(view, layer);
    values[variableId(layer, 'title')] = graphic?.title ?? '';
    values[variableId(layer, 'step')] = graphic?.step ?? 0;
  }
  const preview = view.program?.preview ?? null;
  values.preview_cue = preview?.cueId ?? '';
  values.preview_title = preview ? (cueTitle(view.show, preview.cueId) ?? preview.cueId) : '';
  values.seats_declared = view.results?.totals.declared ?? '';
  values.corrections_waiting = view.results?.corrections.length ?? '';
  return values;
}

/** Only what moved, so Companion redraws only the buttons that use it. */
export function changedValues(before: Record<string, string | number | undefined>, after: Record<string, string | number | undefined>) {
  return Object.fromEntries(Object.entries(after).filter(([id, value]) => before[id] !== value));
}
