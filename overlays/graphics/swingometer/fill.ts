import { gsap } from 'gsap';
import { partyColour } from '../../../main/templates/palette';
import { formatNumber, num, textPlate, type Parts } from '../common/parts';
import { partyName, partyShort } from '../../../main/templates/common/parties';
import { AWAITING, DASH } from '../../../main/templates/common/verdict';
import { LISTED, type SwingometerView } from '../../../main/templates/swingometer/bind';
import { dialFace, needleAngle } from './dial';

const name = partyName;
const abbr = partyShort;

/** Under each side's projection: what it is (at this swing), and the real change once seats are in. */
function sideNote(v: SwingometerView, side: 'from' | 'to'): string {
  if (v.actual === null) return 'at this swing';
  return `at this swing \u00b7 actual ${formatNumber(v.actual[side], 'signed-int')}`;
}

/** Seats a party wins (+) or loses (-) at this swing. */
function seatChange(v: SwingometerView, party: string): number {
  if (v.changing === 0) return 0;
  return party === v.gainer ? v.changing : -v.changing;
}

export function swingParts(v: SwingometerView): Parts {
  const s = v.swing;
  // No seat in yet: the dial stands at zero and every figure is a dash, not a projection of nothing.
  const waiting = s === null;
  const seats = (party: string) => (waiting ? DASH : num(seatChange(v, party), 'signed-int'));
  const parts: Parts = {
    title: v.title,
    subtitle: v.subtitle,
    value: s === null ? DASH : num(Math.abs(s), 'pct'),
    direction: s === null ? AWAITING : s === 0 ? 'No swing' : `${abbr(s > 0 ? v.from : v.to)} to ${abbr(s > 0 ? v.to : v.from)}`,
    'from-name': name(v.from),
    'to-name': name(v.to),
    'from-seats': seats(v.from),
    'to-seats': seats(v.to),
    'from-unit': 'seats',
    'to-unit': 'seats',
    'from-note': sideNote(v, 'from'),
    'to-note': sideNote(v, 'to'),
    changing: waiting ? DASH : num(v.changing, 'int'),
    'changing-label': v.changing === 1 ? 'seat changes hands' : 'seats change hands',
    'changing-dir': `${abbr(v.loser)} to ${abbr(v.gainer)} at this swing`,
    'last-title': 'Last to fall',
    'next-title': 'Next to fall',
  };
  for (let i = 0; i < LISTED; i++) {
    const last = v.lastToFall[i];
    const next = v.nextToFall[i];
    if (last) Object.assign(parts, { [`l${i}-name`]: last.name, [`l${i}-need`]: num(last.need, 'pct') });
    if (next) Object.assign(parts, { [`n${i}-name`]: next.name, [`n${i}-need`]: num(next.need, 'pct') });
  }
  if (v.lastToFall.length === 0) parts['l0-name'] = waiting ? AWAITING : 'None at this swing';
  return parts;
}

/** Party colours, signed seat figures and the dial face for this pair and range. */
export function styleSwing(el: HTMLElement, v: SwingometerView): void {
  for (const [side, party] of [
    ['from', v.from],
    ['to', v.to],
  ] as const) {
    el.style.setProperty(`--${side}`, partyColour(party));
    el.style.setProperty(`--${side}-text`, textPlate(partyColour(party)).text);
  }
  const gainer = textPlate(partyColour(v.gainer));
  el.style.setProperty('--gainer', partyColour(v.gainer));
  el.style.setProperty('--gainer-plate', gainer.plate);
  el.style.setProperty('--gainer-text', gainer.text);
  const key = `${v.from}/${v.to}/${v.range}`;
  if (el.dataset.face !== key) {
    el.dataset.face = key;
    el.querySelector('.sw-face')?.replaceChildren(dialFace(v.from, v.to, v.range));
  }
}

export function setNeedle(el: HTMLElement, v: SwingometerView): void {
  gsap.set(el.querySelector('.sw-needle'), { rotation: needleAngle(v.swing, v.range) });
}
