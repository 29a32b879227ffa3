import { partyColour } from '../../../main/templates/palette';
import type { StrapFields } from '../../../main/templates/strap/schema';
import { fitText, setBoxText } from '../common/fit-text';
import { textPlate } from '../common/parts';

const VARIANT_LABEL: Record<StrapFields['variant'], string> = { standard: '', breaking: 'Breaking', analysis: 'Analysis' };

/** Writes field values into an existing strap element (no animation). */
export function fillStrap(el: HTMLElement, fields: StrapFields): void {
  el.dataset.variant = fields.variant;
  const accent = textPlate(partyColour(fields.party));
  el.style.setProperty('--accent', partyColour(fields.party));
  // The BREAKING / ANALYSIS label carries words: the party's plate shade and its type.
  el.style.setProperty('--accent-plate', accent.plate);
  el.style.setProperty('--accent-text', accent.text);
  el.querySelector('.strap-label')!.textContent = VARIANT_LABEL[fields.variant];
  setBoxText(el.querySelector<HTMLElement>('.strap-headline')!, fields.headline);
  setBoxText(el.querySelector<HTMLElement>('.strap-subline')!, fields.subline);
  el.classList.toggle('has-subline', fields.subline !== '');
  // On an update the strap is on air: fit the new text now (at build the renderer fits it once attached).
  fitText(el);
}
