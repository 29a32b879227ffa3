/**
 * How long a bar or column is drawn. Drawn to scale, a party with 2 seats of 650 is a 3 px
 * sliver on a 1000 px track, which reads as nothing (or vanishes under a comparison tick);
 * so any value above zero is drawn at least MIN_MARK_PX long, and zero draws nothing, so
 * "none" and "a few" still look different. Pure: the views and their tests share it.
 */

/** The shortest mark for a value above zero, in stage pixels: three keyline widths and the fill between. */
export const MIN_MARK_PX = 12;

/** A mark's length in pixels for `value` on a track of `trackPx` that `scaleMax` fills. */
export function markLength(value: number, scaleMax: number, trackPx: number): number {
  if (!(value > 0) || !(scaleMax > 0)) return 0;
  return Math.min(trackPx, Math.max(MIN_MARK_PX, (value / scaleMax) * trackPx));
}

/** The same as a scale of the full track (what a transform draws), 0 to 1. */
export const markScale = (value: number, scaleMax: number, trackPx: number): number => markLength(value, scaleMax, trackPx) / trackPx;
