import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Engine } from '../../../main/engine/engine';
import { baselineFromSeats } from '../../../main/engine/election';
import { SHOW_FORMAT_VERSION, type Show } from '../../../main/engine/show';
import { attachSpxAutoOut } from '../../../main/server/spx-auto-out';
import { TEMPLATE_DEFINITIONS } from '../../../main/templates/definitions';
import { TemplateRegistry } from '../../../main/templates/registry';
import type { ScannedTemplate } from '../../../main/templates/outside/scanned';
import { BASELINE_SEATS } from '../../support/engine-fixture';

/** An SPX template as the folder scanner reads one whose definition says `"out": "2000"`. */
const spx = (id: string, spxOut: ScannedTemplate['spxOut']): ScannedTemplate => ({
  id,
  folder: 0,
  source: `spx/${id}.html`,
  kind: 'spx',
  name: id,
  layer: 'lower-third',
  steps: 1,
  schema: { type: 'object' },
  customActions: [],
  entry: `spx/${id}.html`,
  version: 'v1',
  dataFormat: 'json',
  spxOut,
  blocked: null,
  warnings: [],
  missing: false,
});

/**
 * The engine's side of an SPX auto-out, with the real engine and registry and
 * the clock and timers faked (vitest), so the 2 s are exact and instant.
 */
describe('an SPX graphic with an out in ms leaves the program when it leaves the picture', () => {
  let engine: Engine;
  let stop: () => void;
  const must = (command: unknown) => {
    const r = engine.dispatch(command);
    if (!r.ok) throw new Error(`${JSON.stringify(command)}: ${r.error.message}`);
  };
  const onAir = () => engine.programSnapshot().program['lower-third'];
  const take = (cueId: string) => {
    must({ type: 'cue', cueId });
    must({ type: 'take', cueId });
  };

  beforeEach(() => {
    vi.useFakeTimers({ now: Date.UTC(2024, 6, 4, 22, 0, 0) });
    const templates = new TemplateRegistry(TEMPLATE_DEFINITIONS);
    templates.put([spx('auto', 2000), spx('manual', 'manual')]);
    const show: Show = { format: 'strapline-show', version: SHOW_FORMAT_VERSION, name: 'SPX', stacks: [{ id: 's', name: 'S', cues: [] }] };
    engine = new Engine({ show, baseline: baselineFromSeats(BASELINE_SEATS), templates, now: () => Date.now() });
    for (const [cueId, template] of [
      ['a1', 'auto'],
      ['a2', 'auto'],
      ['m', 'manual'],
    ])
      must({ type: 'add-cue', stackId: 's', template, cueId, fields: {} });
    stop = attachSpxAutoOut(engine, () => Date.now());
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  it('is taken out that long after its take, and not before', () => {
    take('a1');
    vi.advanceTimersByTime(1999);
    expect(onAir()?.cueId).toBe('a1');
    vi.advanceTimersByTime(1);
    expect(onAir()).toBeUndefined();
  });

  it('a new take on the layer starts its own time; the first timer takes nothing off', () => {
    take('a1');
    vi.advanceTimersByTime(1500);
    take('a2');
    vi.advanceTimersByTime(600);
    expect(onAir()?.cueId).toBe('a2');
    vi.advanceTimersByTime(1400);
    expect(onAir()).toBeUndefined();
  });

  it('an out `manual` stays until the operator takes it off, and an out before the time leaves no timer behind', () => {
    take('m');
    vi.advanceTimersByTime(60_000);
    expect(onAir()?.cueId).toBe('m');
    must({ type: 'out', layer: 'lower-third' });
    take('a1');
    must({ type: 'out', layer: 'lower-third' });
    expect(vi.getTimerCount()).toBe(0);
  });
});
