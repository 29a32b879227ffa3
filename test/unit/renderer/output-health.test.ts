import { describe, expect, it } from 'vitest';
import { OUTPUT_STALE_AFTER_MS, type OutputStatus } from '../../../main/engine/protocol';
import { outputState } from '../../../renderer/components/OutputHealth';

const T = Date.UTC(2024, 6, 4, 23, 0, 0);
const output = (over: Partial<OutputStatus>): OutputStatus => ({
  id: 1,
  peer: '127.0.0.1',
  connectedSince: T,
  disconnectedAt: null,
  layers: null,
  fps: null,
  revision: null,
  lastReportAt: null,
  ...over,
});

/** How the console judges an output, on the server's clock. */
describe('outputState', () => {
  it('is ok while reports keep coming at a broadcast frame rate', () => {
    expect(outputState(output({ fps: 59.9, lastReportAt: T }), T + 2000)).toBe('ok');
    expect(outputState(output({ fps: 50, lastReportAt: T }), T + OUTPUT_STALE_AFTER_MS)).toBe('ok');
  });

  it('is slow when the page draws fewer than 45 frames a second', () => {
    expect(outputState(output({ fps: 30, lastReportAt: T }), T + 1000)).toBe('slow');
  });

  it('is stale once a reporting output has been silent past the limit', () => {
    expect(outputState(output({ fps: 60, lastReportAt: T }), T + OUTPUT_STALE_AFTER_MS + 1)).toBe('stale');
  });

  it('waits for a first report, then calls a page that never reports a viewer, not a fault', () => {
    expect(outputState(output({}), T + 1000)).toBe('waiting');
    expect(outputState(output({}), T + OUTPUT_STALE_AFTER_MS + 1)).toBe('viewer');
  });

  it('is disconnected once closed, whatever it last reported', () => {
    expect(outputState(output({ fps: 60, lastReportAt: T, disconnectedAt: T + 10 }), T + 20)).toBe('disconnected');
  });
});
