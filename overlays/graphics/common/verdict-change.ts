import type { gsap } from 'gsap';
import type { Verdict } from '../../../main/templates/common/verdict';
import { changeText } from './text-change';
import { blendVar, textPlate } from './parts';

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
