import { gsap } from 'gsap';
import { HOUSE_ACCENT, partyColour } from '../../../main/templates/palette';
import { needsKeyline, num, textPlate, type Parts } from '../common/parts';
import { partyShort } from '../../../main/templates/common/parties';
import { DASH } from '../../../main/templates/common/verdict';
import { TARGET_PAGES, type TargetRow, type TargetSeatsView } from '../../../main/templates/target-seats/bind';

/** Every text and number on the board, by part name. */
export function targetParts(v: TargetSeatsView): Parts {
  const parts: Parts = {
    title: v.title,
    subtitle: v.subtitle,
    'gains-label': `${partyShort(v.party)} gains`,
    // No seat in yet: a dash, not a score of nothing (each row says TO DECLARE).
    gains: v.declared === 0 ? DASH : num(v.gains, 'int'),
    'gains-of': `of ${v.rows.length}`,
    declared: `${v.declared} of ${v.rows.length} declared`,
    'col-seat': 'Seat',
    'col-holder': 'Held by',
    'col-maj': 'Majority',
    'col-swing': 'Swing needed',
  };
  for (let p = 0; p < TARGET_PAGES; p++) parts[`page${p}`] = v.pages > 1 ? `Page ${Math.min(p + 1, v.pages)} of ${v.pages}` : '';
  v.rows.forEach((r, i) => {
    parts[`r${i}-rank`] = String(i + 1);
    parts[`r${i}-seat`] = r.name;
    parts[`r${i}-holder`] = partyShort(r.holder);
    parts[`r${i}-maj`] = num(r.majority, 'int');
    parts[`r${i}-swing`] = r.swing === null ? '\u2013' : num(r.swing, 'pct');
    parts[`r${i}-status`] = r.status;
  });
  return parts;
}

export function chipColour(r: TargetRow): string {
  if (r.tone === 'recount') return HOUSE_ACCENT;
  return r.winner ? partyColour(r.winner) : 'rgba(255, 255, 255, 0)';
}

/** The chip's ground: the winner's plate shade, since the chip carries words (GAIN, HOLD). */
export function chipPlate(r: TargetRow): string {
  const chip = chipColour(r);
  return chip.startsWith('#') ? textPlate(chip).plate : chip;
}

/** The page a step shows: lists shorter than three pages stay on their last page. */
export const pageForStep = (v: { pages: number }, step: number): number => Math.min(Math.max(step, 1), v.pages);

/** Classes and colours; `colours` false leaves the chip colours to an update's blend. */
export function styleTargets(el: HTMLElement, v: TargetSeatsView, colours = true): void {
  el.dataset.pages = String(v.pages);
  const attacker = textPlate(partyColour(v.party));
  if (colours) el.style.setProperty('--attacker', partyColour(v.party));
  if (colours) el.style.setProperty('--attacker-plate', attacker.plate);
  el.style.setProperty('--attacker-text', attacker.text);
  el.querySelectorAll<HTMLElement>('.ts-row').forEach((row, i) => {
    const r = v.rows[i];
    row.classList.toggle('is-empty', r === undefined);
    row.dataset.tone = r?.tone ?? 'waiting';
    if (!r) return;
    const holder = textPlate(partyColour(r.holder));
    row.style.setProperty('--holder', partyColour(r.holder));
    row.style.setProperty('--holder-plate', holder.plate);
    row.style.setProperty('--holder-text', holder.text);
    const chip = chipColour(r);
    // A chip too dark for the navy row (Plaid Cymru, Sinn Féin, TUV) gets the light keyline.
    row.querySelector('.ts-chip')?.classList.toggle('keyline', needsKeyline(holder.plate));
    row.querySelector('.ts-result')?.classList.toggle('keyline', chip.startsWith('#') && needsKeyline(chipPlate(r)));
    if (colours) row.style.setProperty('--chip', chipPlate(r));
    row.style.setProperty('--chip-text', chip.startsWith('#') ? textPlate(chip).text : '#ffffff');
  });
}

/**
 * Shows one page at once (create, cut, a list that got shorter on air). Hidden pages use
 * content-visibility, so the take styles, lays out and paints only the page on screen.
 */
export function showPage(el: HTMLElement, page: number): void {
  el.dataset.page = String(page);
  el.querySelectorAll<HTMLElement>('.ts-page').forEach((p, i) => gsap.set(p, { contentVisibility: i + 1 === page ? 'visible' : 'hidden' }));
}
