import { gsap } from 'gsap';
import { partyName } from '../../../main/templates/common/parties';
import { hexColour, KEY_OFF, type HexMapParts } from './draw';
import { HEX_MAP_NAME, type HexMapView, type Tally } from '../../../main/templates/hex-map/schema';
import { lineAbovePlace } from '../common/headings';
import { countTo } from '../common/count';
import { DASH, figureOrDash } from '../../../main/templates/common/verdict';

type Timeline = ReturnType<typeof gsap.timeline>;

/** The line over the place: never a place itself ("WALES" over "UNITED KINGDOM" contradicts, over "WALES" repeats). */
const keyTitle = (view: HexMapView): string => lineAbovePlace(view.title, HEX_MAP_NAME);

// The key has the room of a label column: the on-air long names (Lib Dem, Plaid Cymru, Others).
const keyName = (party: string): string => partyName(party);

/** The key shows the whole UK at step 1 and the focus region (when there is one) at step 2. */
export function tallyFor(view: HexMapView, step: number): Tally {
  return step >= 2 && view.focus ? view.focus : view.uk;
}

/**
 * Meters and the progress bar keep 2D transforms: a 3D one would give each its
 * own compositor layer, and every word of the key overlapping it another,
 * which costs the software compositor dearly on every frame of the slide-in.
 */
const FLAT = { force3D: false } as const;

const q = (parts: HexMapParts, selector: string) => parts.key.querySelector<HTMLElement>(selector)!;
const share = (seats: number, total: number) => (total > 0 ? seats / total : 0);

function progressText(view: HexMapView, tally: Tally): [string, string] {
  return view.source === 'baseline' ? [String(tally.total), 'seats before tonight'] : [String(tally.decided), `of ${tally.total} declared`];
}

/** Live results with no seat in yet: the key keeps its rows, each with a dash for its seats. */
const waiting = (view: HexMapView, tally: Tally): boolean => view.source === 'results' && tally.decided === 0;

function fillRow(row: HTMLElement, entry: Tally['parties'][number] | undefined, total: number, dash: boolean): void {
  row.hidden = entry === undefined;
  if (!entry) return;
  row.dataset.party = entry.party;
  row.style.setProperty('--party', hexColour(entry.party));
  row.querySelector('.hex-key-party')!.textContent = keyName(entry.party);
  row.querySelector('.hex-key-seats')!.textContent = figureOrDash(entry.seats, dash);
  gsap.set(row.querySelector('.hex-key-meter'), { scaleX: share(entry.seats, total), ...FLAT });
}

/** Writes a tally into the key as it stands, no animation. */
export function fillKey(parts: HexMapParts, view: HexMapView, tally: Tally): void {
  q(parts, '.hex-key-title').textContent = keyTitle(view);
  q(parts, '.hex-key-name').textContent = tally.name;
  const [count, rest] = progressText(view, tally);
  q(parts, '.hex-key-count').textContent = count;
  q(parts, '.hex-key-of').textContent = rest;
  gsap.set(q(parts, '.hex-key-bar-fill'), { scaleX: view.source === 'baseline' ? 1 : share(tally.decided, tally.total), ...FLAT });
  parts.rows.forEach((row, i) => fillRow(row, tally.parties[i], tally.total, waiting(view, tally)));
}

/** A number counting from what is shown to `to`, inside a timeline. */
function countFromShown(tl: Timeline, el: HTMLElement, to: number, at: number): void {
  const from = Number(el.textContent);
  if (!Number.isFinite(from) || from === to) return void tl.call(() => void (el.textContent = String(to)), [], at);
  tl.add(countTo(el, from, to, String, 0.8), at);
}

/**
 * Moves the key from one tally to the next, in place: numbers count, meters
 * grow, and a row whose party changed (the order moved) cross-fades. A change
 * of place (a new region) swaps the whole key instead.
 */
export function updateKey(tl: Timeline, parts: HexMapParts, view: HexMapView, previous: Tally, next: Tally, at: number): void {
  if (previous.name !== next.name || q(parts, '.hex-key-title').textContent !== keyTitle(view)) {
    // A new place may have a different number of rows: the key slides off, refills and comes back, so its height never jumps on screen.
    tl.to(parts.key, { x: KEY_OFF, duration: 0.3, ease: 'power2.in' }, at)
      .call(() => fillKey(parts, view, next), [], at + 0.3)
      .to(parts.key, { x: 0, duration: 0.45, ease: 'power3.out' }, at + 0.35);
    return;
  }
  const [count, rest] = progressText(view, next);
  countFromShown(tl, q(parts, '.hex-key-count'), Number(count), at);
  tl.call(() => void (q(parts, '.hex-key-of').textContent = rest), [], at);
  if (view.source !== 'baseline')
    tl.to(q(parts, '.hex-key-bar-fill'), { scaleX: share(next.decided, next.total), duration: 0.8, ease: 'power2.out', ...FLAT }, at);
  parts.rows.forEach((row, i) => {
    const was = previous.parties[i];
    const now = next.parties[i];
    if (was && now && was.party === now.party && waiting(view, next)) {
      tl.call(() => void (row.querySelector('.hex-key-seats')!.textContent = DASH), [], at);
    } else if (was && now && was.party === now.party) {
      countFromShown(tl, row.querySelector<HTMLElement>('.hex-key-seats')!, now.seats, at);
      tl.to(row.querySelector('.hex-key-meter'), { scaleX: share(now.seats, next.total), duration: 0.8, ease: 'power2.out', ...FLAT }, at);
    } else {
      tl.to(row, { opacity: 0, duration: 0.2, ease: 'power1.in' }, at)
        .call(() => fillRow(row, now, next.total, waiting(view, next)), [], at + 0.2)
        .to(row, { opacity: 1, duration: 0.3, ease: 'power1.out' }, at + 0.2);
    }
  });
}
