import { gsap } from 'gsap';

type Timeline = ReturnType<typeof gsap.timeline>;

/**
 * Animations run on the engine's clock, not on arrival. Each program snapshot carries `at`,
 * the engine's Date.now() when it was made, and every output that draws it (the key and the
 * fill of one pair, two Electron windows, a browser source) plays its animations as if they
 * had started then. Two pages that got the snapshot some milliseconds apart, or one that was
 * busy, still show the same moment of the same animation on the same frame.
 */

/**
 * Past this, the clock is not trusted: a page on another machine whose clock is off, or one
 * that stalled. It then starts on arrival, as an unaligned output would, rather than skip
 * half an animation.
 */
export const MAX_ALIGN_MS = 500;

/** How far into its animations a snapshot stamped `at` is now, in seconds; 0 when not to be trusted. */
export function lateness(at: number, now: number): number {
  const late = now - at;
  return late >= 0 && late <= MAX_ALIGN_MS ? late / 1000 : 0;
}

/**
 * Plays a paused timeline from where the engine's clock says it is. GSAP counts a timeline
 * from its last tick, not from the call, so the ticker first ticks now (it may also have
 * slept while nothing moved): then "now" is the same instant for GSAP and for Date.now().
 * Events are not suppressed: a call the skipped part holds (text rewritten mid-fade) still runs.
 */
export function playOnEngineClock(tl: Timeline, at: number): Timeline {
  gsap.ticker.tick();
  return tl.play(lateness(at, Date.now()), false);
}
