import { describe, expect, it } from 'vitest';
import { compose, type Composition } from '../../../main/engine/composition';
import { LAYERS, SHOW_FORMAT_VERSION, type Layer, type Show } from '../../../main/engine/show';
import type { AsRunEntry } from '../../../main/engine/protocol';
import { engineHarness } from '../../support/engine-fixture';

const V = { visibility: 'visible' } as const;
const H = { visibility: 'held', by: 'fullscreen' } as const;

/** Written out by hand, not derived from the rules: every pair and triple of layers (and one, four and none). */
const EXPECTED: Record<string, Composition> = {
  '': { layers: {}, reserved: [] },
  fullscreen: { layers: { fullscreen: V }, reserved: [] },
  'lower-third': { layers: { 'lower-third': V }, reserved: [] },
  ticker: { layers: { ticker: V }, reserved: [] },
  bug: { layers: { bug: V }, reserved: [] },
  'fullscreen+lower-third': { layers: { fullscreen: V, 'lower-third': H }, reserved: [] },
  'fullscreen+ticker': { layers: { fullscreen: V, ticker: V }, reserved: ['ticker'] },
  'fullscreen+bug': { layers: { fullscreen: V, bug: H }, reserved: [] },
  'lower-third+ticker': { layers: { 'lower-third': V, ticker: V }, reserved: [] },
  'lower-third+bug': { layers: { 'lower-third': V, bug: V }, reserved: [] },
  'ticker+bug': { layers: { ticker: V, bug: V }, reserved: [] },
  'fullscreen+lower-third+ticker': { layers: { fullscreen: V, 'lower-third': H, ticker: V }, reserved: ['ticker'] },
  'fullscreen+lower-third+bug': { layers: { fullscreen: V, 'lower-third': H, bug: H }, reserved: [] },
  'fullscreen+ticker+bug': { layers: { fullscreen: V, ticker: V, bug: H }, reserved: ['ticker'] },
  'lower-third+ticker+bug': { layers: { 'lower-third': V, ticker: V, bug: V }, reserved: [] },
  'fullscreen+lower-third+ticker+bug': { layers: { fullscreen: V, 'lower-third': H, ticker: V, bug: H }, reserved: ['ticker'] },
};

function subsets(): Layer[][] {
  return Array.from({ length: 1 << LAYERS.length }, (_, mask) => LAYERS.filter((_, i) => mask & (1 << i)));
}

describe('composition rules: every combination of layers on air', () => {
  it('covers every subset of the four layers', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(
      subsets()
        .map((s) => s.join('+'))
        .sort(),
    );
  });
  for (const layers of subsets()) {
    it(`${layers.join(' + ') || 'nothing'}`, () => {
      const expected = EXPECTED[layers.join('+')]!;
      expect(compose(layers)).toEqual(expected);
      // Whatever order they were taken in.
      expect(compose([...layers].reverse())).toEqual(expected);
    });
  }
});

const show: Show = {
  format: 'strapline-show',
  version: SHOW_FORMAT_VERSION,
  name: 'Compose',
  stacks: [
    {
      id: 's',
      name: 'S',
      cues: [
        { id: 'strap', title: 'Strap', template: 'strap', layer: 'lower-third', fields: { headline: 'A' } },
        { id: 'strap-2', title: 'Strap 2', template: 'strap', layer: 'lower-third', fields: { headline: 'B' } },
        { id: 'bug', title: 'Bug', template: 'bug', layer: 'bug', fields: {} },
        { id: 'tick', title: 'Ticker', template: 'ticker', layer: 'ticker', fields: { source: 'items', items: 'One' } },
        { id: 'board', title: 'Board', template: 'two-step', layer: 'fullscreen', fields: { label: 'b' } },
        { id: 'board-2', title: 'Board 2', template: 'two-step', layer: 'fullscreen', fields: { label: 'c' } },
      ],
    },
  ],
};

/** The engine, with the strap, bug and ticker on air, and the as-run lines of what follows. */
function upWithStrapBugTicker() {
  const h = engineHarness(show);
  const take = (cueId: string) => {
    h.advance(1000);
    h.must({ type: 'cue', cueId });
    h.must({ type: 'take', cueId });
  };
  for (const id of ['strap', 'bug', 'tick']) take(id);
  const mark = h.events.length;
  const asRun = () => h.events.slice(mark).flatMap((e) => (e.type === 'as-run' ? [e.data] : []));
  const lines = () => asRun().map((e: AsRunEntry) => (e.action === 'mode' ? e.action : `${e.action} ${e.layer}`));
  return { ...h, take, asRun, lines, layers: () => h.engine.programSnapshot().composition.layers };
}

describe('the engine composes the program on every take, out and clear', () => {
  it('a board over a strap, a bug and a ticker holds the strap and bug, keeps the ticker and reserves its band', () => {
    const h = upWithStrapBugTicker();
    h.take('board');
    expect(h.engine.programSnapshot().composition).toEqual(EXPECTED['fullscreen+lower-third+ticker+bug']);
    expect(h.lines()).toEqual(['take fullscreen', 'hold lower-third', 'hold bug']);
    expect(h.asRun()[1]).toMatchObject({ action: 'hold', layer: 'lower-third', by: 'fullscreen', cueId: 'strap', step: 1 });
    // Held graphics stay in the program.
    expect(Object.keys(h.engine.programSnapshot().program).sort()).toEqual(['bug', 'fullscreen', 'lower-third', 'ticker']);
  });

  it('a held graphic keeps taking updates, and stays held', () => {
    const h = upWithStrapBugTicker();
    h.take('board');
    h.must({ type: 'update', layer: 'lower-third', fields: { headline: 'Changed' } });
    expect(h.engine.programSnapshot().program['lower-third']).toMatchObject({ view: { headline: 'Changed' }, updateSeq: 1 });
    expect(h.layers()['lower-third']).toEqual(H);
    expect(h.lines()).toEqual(['take fullscreen', 'hold lower-third', 'hold bug', 'update lower-third']);
  });

  it('the board out releases the strap and bug, at the step they had', () => {
    const h = upWithStrapBugTicker();
    h.take('board');
    h.must({ type: 'next', layer: 'fullscreen' });
    h.must({ type: 'out', layer: 'fullscreen' });
    expect(h.engine.programSnapshot().composition).toEqual(EXPECTED['lower-third+ticker+bug']);
    expect(h.lines()).toEqual(['take fullscreen', 'hold lower-third', 'hold bug', 'next fullscreen', 'out fullscreen', 'release lower-third', 'release bug']);
  });

  it('out of a held layer just goes: no release line', () => {
    const h = upWithStrapBugTicker();
    h.take('board');
    h.must({ type: 'out', layer: 'lower-third' });
    expect(h.layers()).toEqual({ fullscreen: V, ticker: V, bug: H });
    h.must({ type: 'out', layer: 'fullscreen' });
    expect(h.lines()).toEqual(['take fullscreen', 'hold lower-third', 'hold bug', 'out lower-third', 'out fullscreen', 'release bug']);
  });

  it('a strap taken under a board is held from its take; a new one replacing a held one is held again', () => {
    const h = upWithStrapBugTicker();
    h.must({ type: 'out', layer: 'lower-third' });
    h.take('board');
    h.take('strap');
    expect(h.layers()['lower-third']).toEqual(H);
    h.take('strap-2');
    expect(h.layers()['lower-third']).toEqual(H);
    expect(h.lines()).toEqual([
      'out lower-third',
      'take fullscreen',
      'hold bug',
      'take lower-third',
      'hold lower-third',
      'take lower-third',
      'hold lower-third',
    ]);
  });

  it('CLEAR ALL clears everything, held included, with no release lines', () => {
    const h = upWithStrapBugTicker();
    h.take('board');
    h.must({ type: 'clear-all' });
    expect(h.engine.programSnapshot().program).toEqual({});
    expect(h.engine.programSnapshot().composition).toEqual(EXPECTED['']);
    expect(h.lines().slice(3).sort()).toEqual(['clear-all bug', 'clear-all fullscreen', 'clear-all lower-third', 'clear-all ticker']);
  });

  it('a board taken over a board leaves the held layers held, with no new lines', () => {
    const h = upWithStrapBugTicker();
    h.take('board');
    h.take('board-2');
    expect(h.layers()).toEqual(EXPECTED['fullscreen+lower-third+ticker+bug']!.layers);
    expect(h.lines()).toEqual(['take fullscreen', 'hold lower-third', 'hold bug', 'take fullscreen']);
  });

  it('a program restored after a crash is composed too', () => {
    const h = engineHarness(show);
    const graphic = (cueId: string, template: string, fields: Record<string, unknown>) => ({ cueId, title: cueId, template, fields, view: fields, step: 1 });
    h.must({
      type: 'restore-program',
      program: { fullscreen: graphic('board', 'two-step', { label: 'b' }), 'lower-third': graphic('strap', 'strap', { headline: 'A' }) },
    });
    expect(h.engine.programSnapshot().composition).toEqual(EXPECTED['fullscreen+lower-third']);
  });
});
