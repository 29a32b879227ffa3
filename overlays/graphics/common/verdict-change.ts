import type { gsap } from 'gsap';
import type { Verdict } from '../../../main/templates/common/verdict';
import { changeText } from './text-change';
import { blendVar, paintPartyPlate, textPlate } from './parts';
import { fitText, setBoxText } from './fit-text';
import { partyColour } from '../../../main/templates/palette';

type Timeline = ReturnType<typeof gsap.timeline>;

/**
 * A board's verdict box (exit poll, seat tally, hemicycle) on an update. The same headline
 * with new figures ("LAB need 12 more" to "LAB need 11 more") counts in place and the box
 * stays as it is; a new headline ("LAB majority of 2") crosses over once, and the box's colour
 * blends only if the party changed. `fill` writes the new verdict (text, --party, --party-plate, --party-ink).
 */
export function changeVerdict(tl: Timeline, box: HTMLElement, before: Verdict, after: Verdict, colour: string, fill: () => void): void {
  const text = box.querySelector<HTMLElement>('.board-verdict-text')!;
  const sameParty = before.party === after.party;
  // The figures count in place only while the colour stays: a new party is a new headline.
  const shown = sameParty ? before.text : `\u0000${before.text}`;
  const at = changeText(tl, text, shown, after.text, fill);
  if (sameParty) return;
  blendVar(tl, box, '--party', colour, at);
  blendVar(tl, box, '--party-plate', textPlate(colour).plate, at);
}

/**
 * Writes a board's verdict at its value: the words, the party's colour (--party), the plate
 * shade behind the words (--party-plate) and the ink that reads on it (--party-ink). The box is
 * the board's `.board-verdict`; returned for a template's own touches (the hemicycle's waiting size).
 */
export function fillVerdict(root: HTMLElement, verdict: Verdict): HTMLElement {
  const box = root.querySelector<HTMLElement>('.board-verdict')!;
  paintPartyPlate(box, partyColour(verdict.party));
  setBoxText(box.querySelector<HTMLElement>('.board-verdict-text')!, verdict.text);
  // Only a verdict in a fitted box (the exit poll's) has anything to fit.
  fitText(box);
  return box;
}
