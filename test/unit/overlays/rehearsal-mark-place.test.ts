import { describe, expect, it } from 'vitest';
import { compose } from '../../../main/engine/composition';
import type { Layer } from '../../../main/engine/show';
import { markPlace } from '../../../overlays/rehearsal-mark';

/** Every set of layers on air, from one layer to all four. */
const LAYER_SETS: Layer[][] = [[], ['fullscreen'], ['lower-third'], ['ticker'], ['bug']];
for (let mask = 1; mask < 16; mask++) {
  const set = (['fullscreen', 'lower-third', 'ticker', 'bug'] as const).filter((_, i) => mask & (1 << i));
  if (set.length > 1) LAYER_SETS.push(set);
}

/**
 * Where the REHEARSAL mark goes, from the composition alone (the e2e test,
 * test/e2e/rehearsal-mark.test.ts, measures it against every word drawn).
 */
describe('the REHEARSAL mark place', () => {
  it.each(LAYER_SETS.map((layers) => ({ layers, label: layers.join(' + ') || 'nothing' })))('$label', ({ layers }) => {
    for (const corner of ['top-left', 'top-right', 'bottom-left', 'bottom-right', undefined]) {
      const place = markPlace(compose(layers), layers.includes('bug') ? corner : undefined);
      // A drawn board fills title-safe: the mark leaves it for the frame's top margin, whatever else is on air.
      if (layers.includes('fullscreen')) expect(place).toBe('frame-top');
      // Without one, a top corner of title-safe, never the drawn bug's.
      else expect(place).toBe(layers.includes('bug') && corner === 'top-left' ? 'top-right' : 'top-left');
    }
  });
});
