import { gsap } from 'gsap';
import { HOUSE_ACCENT, partyColour } from '../../../main/templates/palette';
import { textPlate } from '../common/parts';
import type { BugFields } from '../../../main/templates/bug/schema';
import { secondsToNextTick, ukClock } from './clock';

/** The breaking red of the design tokens (--breaking), for LIVE. */
const LIVE_RED = '#d0021b';

export function accentColour(accent: string): string {
  return accent === 'live' ? LIVE_RED : accent === 'none' ? HOUSE_ACCENT : partyColour(accent);
}

interface Clock {
  fields: BugFields;
  next: ReturnType<typeof gsap.delayedCall> | null;
}
const clocks = new WeakMap<HTMLElement, Clock>();

/** Writes the fields into the bug (no animation); the clock shows its fixed time or the UK time now. */
export function fillBug(el: HTMLElement, fields: BugFields): void {
  const clock = clocks.get(el) ?? { fields, next: null };
  clock.fields = fields;
  clocks.set(el, clock);
  el.dataset.corner = fields.corner;
  el.dataset.mode = fields.mode;
  // The one text-on-colour rule every template uses: white on the live red, ink on gold, white
  // on a darker plate of the mid party colours.
  const accent = textPlate(accentColour(fields.accent));
  el.style.setProperty('--accent', accentColour(fields.accent));
  el.style.setProperty('--accent-plate', accent.plate);
  el.style.setProperty('--accent-text', accent.text);
  el.classList.toggle('is-live', fields.accent === 'live');
  el.querySelector('.bug-text')!.textContent = fields.text.toUpperCase();
  el.classList.toggle('has-text', fields.text !== '');
  el.querySelector('.bug-time')!.textContent = fields.time || ukClock(new Date());
}

/**
 * Ticks the running clock once a second with a GSAP delayedCall (not a timer
 * of our own), so pausing GSAP freezes it with everything else. Stops itself
 * once the bug has left the page, or when the fields fix the time.
 */
export function runClock(el: HTMLElement): void {
  const clock = clocks.get(el);
  if (!clock || clock.next) return;
  const tick = () => {
    clock.next = null;
    if (!el.isConnected || clock.fields.mode !== 'clock' || clock.fields.time !== '') return;
    el.querySelector('.bug-time')!.textContent = ukClock(new Date());
    clock.next = gsap.delayedCall(secondsToNextTick(Date.now()), tick);
  };
  tick();
}

export function stopClock(el: HTMLElement): void {
  const clock = clocks.get(el);
  clock?.next?.kill();
  if (clock) clock.next = null;
}
