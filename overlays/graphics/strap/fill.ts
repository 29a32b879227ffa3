import { partyColour } from '../palette';
import type { StrapFields } from './schema';

const VARIANT_LABEL: Record<StrapFields['variant'], string> = { standard: '', breaking: 'Breaking', analysis: 'Analysis' };

/** Writes field values into an existing strap element (no animation). */
export function fillStrap(el: HTMLElement, fields: StrapFields): void {
  el.dataset.variant = fields.variant;
  el.style.setProperty('--accent', partyColour(fields.party));
  el.querySelector('.strap-label')!.textContent = VARIANT_LABEL[fields.variant];
  el.querySelector('.strap-headline')!.textContent = fields.headline;
  el.querySelector('.strap-subline')!.textContent = fields.subline;
  el.classList.toggle('has-subline', fields.subline !== '');
}

