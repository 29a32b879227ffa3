import { gsap } from 'gsap';
import { HOUSE_ACCENT, partyColour } from '../../../main/templates/palette';
import { num, textPlate, type Parts } from '../common/parts';
import { changeBasis, partyName, partyShort } from '../../../main/templates/common/parties';
import type { SeatResultView } from '../../../main/templates/seat-result/bind';
import type { SeatResultBar } from '../../../main/templates/seat-result/result-rows';

/** Rows built for the full result: the schema allows at most this many bars. */
export const MAX_BARS = 7;
const NEUTRAL = '#12254a';

const changeText = (bar: SeatResultBar) => (bar.change === null ? '\u2013' : bar.change === 'new' ? 'new' : num(bar.change, 'signed'));

/** The line under the verdict when there are no figures to show yet. */
function note(v: SeatResultView): string {
  if (v.state === 'recount') return 'A recount has been called';
  if (v.state === 'rush') return 'Full figures to follow';
  if (v.state !== 'pending') return '';
  if (!v.holder) return 'Result expected tonight';
  return `${partyName(v.holder)} seat ${v.holderBasis === 'notional' ? 'on the 2019 notional result' : 'at dissolution'}`;
}

/** Every text and number the card shows, by part name. */
export function seatResultParts(v: SeatResultView): Parts {
  const parts: Parts = {
    name: v.name,
    region: v.region,
    verdict: v.verdict,
    mp: v.mp ?? '',
    note: note(v),
    'maj-label': 'Majority',
    'turnout-label': 'Turnout',
    'swing-label': 'Swing',
    'full-title': 'Full result',
    'full-sub': v.bars.length ? `Share of the vote \u00b7 ${(v.changeLabel ?? changeBasis('notional')).toLowerCase()}` : 'Full result to follow',
  };
  if (v.majority !== null) parts.majority = num(v.majority, 'int');
  if (v.majorityPercent !== null) parts['maj-pct'] = num(v.majorityPercent, 'pct');
  parts.turnout = v.turnout === null ? '\u2013' : num(v.turnout, 'pct');
  if (v.turnoutChange !== null) parts['turnout-sub'] = num(v.turnoutChange, 'signed');
  parts.swing = v.swing ? num(v.swing.points, 'pct') : '\u2013';
  parts['swing-dir'] = v.swing ? `${partyShort(v.swing.from)} to ${partyShort(v.swing.to)}` : 'No two-party swing';
  v.bars.forEach((bar, i) => {
    // A candidate's row leads with the name; a party row (no candidates) with the party.
    parts[`bar${i}-name`] = bar.candidate ?? bar.label;
    parts[`bar${i}-label`] = bar.candidate === null ? '' : bar.label;
    parts[`bar${i}-share`] = num(bar.share, 'pct');
    parts[`bar${i}-change`] = changeText(bar);
    parts[`bar${i}-votes`] = num(bar.votes, 'int');
  });
  return parts;
}

/** The colour of the verdict panel: the winner's, amber for a recount, navy while pending. */
export function verdictColour(v: SeatResultView): string {
  if (v.state === 'recount') return HOUSE_ACCENT;
  return v.winner ? partyColour(v.winner) : NEUTRAL;
}

/** Bars are drawn against a round scale just above the largest share, so the winner nearly fills the track. */
export function barScales(v: SeatResultView): number[] {
  const top = Math.max(10, ...v.bars.map((b) => b.share));
  const scale = Math.ceil(top / 10) * 10;
  return Array.from({ length: MAX_BARS }, (_, i) => (v.bars[i] ? Math.max(0.004, v.bars[i]!.share / scale) : 0));
}

/**
 * States, colours and which rows are used; texts are written by writeParts and fitted to their
 * boxes by fitText (common/fit-text.ts). Updates blend the colours themselves.
 */
export function styleSeatResult(el: HTMLElement, v: SeatResultView, colours = true): void {
  el.dataset.state = v.state;
  el.classList.toggle('has-mp', v.mp !== null);
  el.classList.toggle(
    'has-candidates',
    v.bars.some((b) => b.candidate !== null),
  );
  el.classList.toggle('has-figures', v.state === 'declared');
  const win = verdictColour(v);
  if (colours) el.style.setProperty('--win', win);
  if (colours) el.style.setProperty('--win-plate', textPlate(win).plate);
  el.style.setProperty('--win-text', textPlate(win).text);
  el.querySelectorAll<HTMLElement>('.sr-row').forEach((row, i) => {
    const bar = v.bars[i];
    row.classList.toggle('is-empty', bar === undefined);
    row.classList.toggle('is-winner', i === 0 && bar !== undefined && bar.party === v.winner);
    if (bar && colours) row.style.setProperty('--party', partyColour(bar.party));
  });
}

/** Puts the bars at their lengths at once (create, cut). */
export function setBars(el: HTMLElement, v: SeatResultView): void {
  const bars = el.querySelectorAll('.sr-bar');
  barScales(v).forEach((s, i) => gsap.set(bars[i]!, { scaleX: s }));
}
