import { countNumber, countText } from './text-change';

/** A whole number counting on air from one value to another: the one counter (countText), for the boards' figures. */
export function countTo(el: HTMLElement, from: number, to: number, format: (n: number) => string, duration = 0.6) {
  return countText(
    el,
    countNumber(from, to, (n) => format(Math.round(n))),
    duration,
  );
}
