import { describe, expect, it } from 'vitest';
import { countBetween } from '../../../overlays/graphics/common/text-change';

/** Which text changes on air count their figures in place, and which cross over (issue 13 item 11). */
describe('countBetween', () => {
  it('counts the figures of a text whose words stay the same', () => {
    const count = countBetween('LAB need 321 more', 'LAB need 309 more')!;
    expect(count(0)).toBe('LAB need 321 more');
    expect(count(0.5)).toBe('LAB need 315 more');
    expect(count(1)).toBe('LAB need 309 more');
    expect(countBetween('41 of 650 declared', '53 of 650 declared')!(0.5)).toBe('47 of 650 declared');
  });

  it('keeps thousands separators and decimals as the new text has them', () => {
    expect(countBetween('majority 9,870', 'majority 12,030')!(0.5)).toBe('majority 10,950');
    expect(countBetween('turnout 52.4%', 'turnout 60.0%')!(0.5)).toBe('turnout 56.2%');
    // The last frame is the new text exactly, never a rounding of the count.
    expect(countBetween('turnout 52.4%', 'turnout 60.0%')!(1)).toBe('turnout 60.0%');
  });

  it('crosses over (null) when the text says something else', () => {
    expect(countBetween('LAB need 2 more', 'LAB majority of 2')).toBeNull();
    expect(countBetween('No seats declared yet', 'LAB need 325 more')).toBeNull();
    expect(countBetween('LAB need 5 more', 'CON need 5 more')).toBeNull();
    expect(countBetween('turnout 52%', 'turnout 52.5%')).toBeNull();
    expect(countBetween('Page 1 of 2', 'Page 1 of 2')).toBeNull(); // unchanged: nothing to do
  });
});
