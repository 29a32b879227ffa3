import type { Cue, Layer, Show, Stack } from '../../main/engine/show';
import { TEMPLATES } from '../../main/templates/definitions';

/**
 * The stack list as flat rows of known heights (stack headers, cues, a
 * placeholder for an empty stack), so the list can draw only what is in view
 * and find any row's place without measuring the DOM. Pure: no React.
 */
export const ROW_HEIGHT = { stack: 44, cue: 52, empty: 44 } as const;

export type Row =
  | { kind: 'stack'; stack: Stack; shown: number }
  | { kind: 'cue'; cue: Cue; stackId: string; index: number; position: number }
  | { kind: 'empty'; stackId: string };

export interface Filter {
  text: string;
  template: string;
  layer: Layer | '';
}
export const NO_FILTER: Filter = { text: '', template: '', layer: '' };
export const filtering = (f: Filter) => f.text.trim() !== '' || f.template !== '' || f.layer !== '';

export interface RowModel {
  rows: Row[];
  /** offsets[i] is where row i starts; offsets[rows.length] is the whole height. */
  offsets: number[];
  /** The cues shown, in order: what Up and Down walk through. */
  cueIds: string[];
  rowOfCue: Map<string, number>;
  total: number;
}

const haystacks = new WeakMap<Cue, string>();
const words = (v: unknown): string =>
  typeof v === 'string' || typeof v === 'number'
    ? String(v)
    : Array.isArray(v)
      ? v.map(words).join(' ')
      : v && typeof v === 'object'
        ? Object.values(v).map(words).join(' ')
        : '';

/** Everything a search can match in a cue, folded once per cue object (edits make new objects). */
function haystack(cue: Cue): string {
  let text = haystacks.get(cue);
  if (text === undefined) {
    text = [cue.title, cue.id, TEMPLATES.get(cue.template)?.name ?? cue.template, words(cue.fields)].join(' ').toLowerCase();
    haystacks.set(cue, text);
  }
  return text;
}

export function matches(cue: Cue, filter: Filter): boolean {
  if (filter.template && cue.template !== filter.template) return false;
  if (filter.layer && cue.layer !== filter.layer) return false;
  const terms = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  return terms.length === 0 || terms.every((t) => haystack(cue).includes(t));
}

export function buildRows(show: Show, filter: Filter): RowModel {
  const rows: Row[] = [];
  const cueIds: string[] = [];
  const active = filtering(filter);
  for (const stack of show.stacks) {
    const header = { kind: 'stack' as const, stack, shown: 0 };
    const start = rows.push(header);
    stack.cues.forEach((cue, index) => {
      if (active && !matches(cue, filter)) return;
      cueIds.push(cue.id);
      rows.push({ kind: 'cue', cue, stackId: stack.id, index, position: cueIds.length });
    });
    header.shown = rows.length - start;
    // While searching, a stack with nothing to show is left out altogether.
    if (header.shown === 0 && active) rows.pop();
    else if (header.shown === 0) rows.push({ kind: 'empty', stackId: stack.id });
  }
  const offsets = new Array<number>(rows.length + 1);
  offsets[0] = 0;
  const rowOfCue = new Map<string, number>();
  rows.forEach((row, i) => {
    offsets[i + 1] = offsets[i]! + ROW_HEIGHT[row.kind];
    if (row.kind === 'cue') rowOfCue.set(row.cue.id, i);
  });
  return { rows, offsets, cueIds, rowOfCue, total: offsets[rows.length]! };
}

/**
 * A show this short is drawn whole: it costs little, and every cue stays in the
 * page for the browser's find, screen readers and scripts. Longer ones are windowed.
 */
export const DRAW_ALL_ROWS = 250;

/** The rows that meet [top - overscan, top + height + overscan]; all of a short show. */
export function visibleRange(model: RowModel, top: number, height: number, overscan: number): [number, number] {
  if (model.rows.length <= DRAW_ALL_ROWS) return [0, model.rows.length];
  const first = firstRowAt(model.offsets, Math.max(0, top - overscan));
  let end = first;
  while (end < model.rows.length && model.offsets[end]! < top + height + overscan) end++;
  return [first, end];
}

function firstRowAt(offsets: number[], y: number): number {
  let lo = 0;
  let hi = offsets.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid]! <= y) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}

/** Where a dropped cue lands: before or after a cue, or first in a stack. */
export type DropAt = { stackId: string; beforeCueId: string } | { stackId: string; afterCueId: string } | { stackId: string; start: true };

/** move-cue's index counts the stack with the moved cue already taken out. */
export function dropIndex(show: Show, draggedId: string, at: DropAt): { stackId: string; index: number } | null {
  const stack = show.stacks.find((s) => s.id === at.stackId);
  if (!stack) return null;
  if (('beforeCueId' in at && at.beforeCueId === draggedId) || ('afterCueId' in at && at.afterCueId === draggedId)) return null;
  const rest = stack.cues.filter((c) => c.id !== draggedId);
  if ('start' in at) return { stackId: stack.id, index: 0 };
  const anchor = rest.findIndex((c) => c.id === ('beforeCueId' in at ? at.beforeCueId : at.afterCueId));
  if (anchor < 0) return null;
  return { stackId: stack.id, index: 'afterCueId' in at ? anchor + 1 : anchor };
}

/** One place up or down; past a stack's end it crosses into the neighbouring stack. */
export function neighbourMove(show: Show, cueId: string, delta: -1 | 1): { stackId: string; index: number } | null {
  const si = show.stacks.findIndex((s) => s.cues.some((c) => c.id === cueId));
  if (si < 0) return null;
  const stack = show.stacks[si]!;
  const i = stack.cues.findIndex((c) => c.id === cueId);
  const j = i + delta;
  if (j >= 0 && j < stack.cues.length) return { stackId: stack.id, index: j };
  const next = show.stacks[si + delta];
  if (!next) return null;
  return { stackId: next.id, index: delta < 0 ? next.cues.length : 0 };
}

/** A readable id not yet used in the show: "strap-3", "wa-teetering-copy". */
export function uniqueId(show: Show, base: string): string {
  const taken = new Set(show.stacks.flatMap((s) => [s.id, ...s.cues.map((c) => c.id)]));
  const stem = base.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 56) || 'cue';
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n++) if (!taken.has(`${stem}-${n}`)) return `${stem}-${n}`;
}
