import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../../main/engine/engine';
import type { SeatResult } from '../../../main/engine/election';
import { onAirWording } from '../../support/reference-night';
import { importResults } from '../../../main/engine/import';
import { SHOW_FORMAT_VERSION, type Show } from '../../../main/engine/show';
import { REFERENCE_DIR, REPO_ROOT } from '../../../main/server/headless';
import { loadReferenceData, type ReferenceData } from '../../../main/server/reference-data';
import { TEMPLATES } from '../../../main/templates/definitions';
import { tickerFields, type TickerView } from '../../../main/templates/ticker/schema';

/** The ticker resolved by a real engine from seeds/reference and the 2024 results. */
let reference: ReferenceData;
let night: SeatResult[];
/** The Commons Library's own Result and Majority columns, to check the wording and figures against. */
let official: Map<string, { result: string; majority: number }>;
beforeAll(async () => {
  reference = await loadReferenceData(REFERENCE_DIR);
  night = [...importResults(readFileSync(path.join(REFERENCE_DIR, 'ge2024-results.json'), 'utf8'), 'ge2024-results.json', 'strapline-json').rows];
  const csv = readFileSync(path.resolve(REPO_ROOT, '../shared/data/ge2024-constituency-results.csv'), 'utf8').trim().split('\n');
  const header = csv[0]!.split(',');
  const col = (name: string) => header.indexOf(name);
  official = new Map(
    csv
      .slice(1)
      .map((line) => line.split(','))
      .map((f) => [f[0]!, { result: f[col('Result')]!, majority: Number(f[col('Majority')]) }]),
  );
});

const code = (name: string) => reference.constituencies.find((c) => c.name === name)!.onsCode;
/** A seat from the night, declared at a given UK time on 5 July 2024 (the file itself carries no times). */
const at = (name: string, hhmm: string): SeatResult =>
  ({ ...night.find((s) => s.onsCode === code(name))!, declaredAt: `2024-07-05T${hhmm}:00.000Z` }) as SeatResult;

function engineWith(fields: Record<string, unknown>): Engine {
  const cues = [{ id: 'tick', title: 'Ticker', template: 'ticker', layer: 'ticker' as const, fields }];
  const show: Show = { format: 'strapline-show', version: SHOW_FORMAT_VERSION, name: 'Ticker', stacks: [{ id: 's', name: 'S', cues }] };
  return new Engine({ show, baseline: reference.baseline, constituencies: reference.constituencies, templates: TEMPLATES, now: () => Date.UTC(2024, 6, 5, 5) });
}

function must(engine: Engine, command: unknown): void {
  const r = engine.dispatch(command);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
}

function viewOf(engine: Engine): TickerView {
  must(engine, { type: 'cue', cueId: 'tick' });
  return engine.programSnapshot().preview!.view as TickerView;
}

describe('ticker bound to the results', () => {
  it("runs the operator's own lines until the first seat declares", () => {
    const view = viewOf(engineWith({ items: 'Polls have closed\n\n  Exit poll: Labour 410  \n' }));
    expect(view.label).toBe('LATEST');
    expect(view.items.map((i) => i.body)).toEqual(['Polls have closed', 'Exit poll: Labour 410']);
  });

  it('words each declaration in the house style, with the official majority', () => {
    const engine = engineWith({});
    must(engine, { type: 'declare-results', source: 'test', seats: [at('Peterborough', '01:10'), at('Clacton', '01:40')] });
    const [clacton, peterborough] = viewOf(engine).items;
    expect(clacton).toMatchObject({
      head: 'CLACTON',
      party: 'reform',
      body: `REFORM GAIN FROM CON · MAJ ${official.get(code('Clacton'))!.majority.toLocaleString('en-GB')}`,
    });
    expect(peterborough).toMatchObject({ head: 'PETERBOROUGH', party: 'lab', body: 'LAB GAIN FROM CON · MAJ 118' });
    expect(official.get(code('Peterborough'))!.result).toBe('Lab gain from Con');
  });

  it("says SPEAKER RE-ELECTED for Chorley and names Northern Ireland's parties, not their codes", () => {
    const engine = engineWith({});
    must(engine, { type: 'declare-results', source: 'test', seats: [at('Chorley', '02:00'), at('Lagan Valley', '03:00'), at('Belfast North', '04:00')] });
    const bodies = viewOf(engine).items.map((i) => `${i.head}: ${i.body.replace(/ · MAJ .*$/, '')}`);
    expect(bodies).toEqual(['BELFAST NORTH: SINN FÉIN HOLD', 'LAGAN VALLEY: ALLIANCE GAIN FROM DUP', 'CHORLEY: SPEAKER RE-ELECTED']);
    // The Commons Library's own words for the three: the codes the house style replaces.
    expect(['Chorley', 'Lagan Valley', 'Belfast North'].map((n) => official.get(code(n))!.result)).toEqual(['Spk hold', 'APNI gain from DUP', 'SF hold']);
  });

  it('keeps the latest N, newest first by declaration time, and updates on air as seats declare', () => {
    const engine = engineWith({ count: 3 });
    must(engine, { type: 'declare-results', source: 'test', seats: [at('Clacton', '01:40'), at('Peterborough', '01:10'), at('Ynys Môn', '05:20')] });
    expect(viewOf(engine).items.map((i) => i.head)).toEqual(['YNYS MÔN', 'CLACTON', 'PETERBOROUGH']);
    must(engine, { type: 'take', cueId: 'tick' });
    must(engine, { type: 'declare-results', source: 'test', seats: [at('Monmouthshire', '03:05')] });
    const onAir = engine.programSnapshot().program.ticker!;
    expect(onAir.updateSeq).toBe(1);
    expect((onAir.view as TickerView).items.map((i) => i.head)).toEqual(['YNYS MÔN', 'MONMOUTHSHIRE', 'CLACTON']);
    expect((onAir.view as TickerView).items[0]!.body).toMatch(/^PLAID GAIN FROM CON · MAJ /);
  });

  it('without declaration times keeps a stable choice and order, and agrees with every official Result', () => {
    const engine = engineWith({ count: 30 });
    must(engine, { type: 'declare-results', source: 'test', seats: night });
    const first = viewOf(engine).items;
    expect(first).toHaveLength(30);
    expect(new Set(first.map((i) => i.key)).size).toBe(30);
    const sorted = [...first].sort((a, b) => (a.key < b.key ? -1 : 1));
    expect(first).toEqual(sorted);
    for (const item of first) {
      const seat = official.get(item.key.split('|')[0]!)!;
      expect(item.body).toBe(`${onAirWording(seat.result)} · MAJ ${seat.majority.toLocaleString('en-GB')}`);
    }
    expect(viewOf(engine).items).toEqual(first);
  });

  it('without declaration times puts the seat the engine took last first, whatever its ONS code', () => {
    let clock = Date.UTC(2024, 6, 5, 1);
    const cues = [{ id: 'tick', title: 'Ticker', template: 'ticker', layer: 'ticker' as const, fields: { count: 3 } }];
    const show: Show = { format: 'strapline-show', version: SHOW_FORMAT_VERSION, name: 'Ticker', stacks: [{ id: 's', name: 'S', cues }] };
    const engine = new Engine({ show, baseline: reference.baseline, constituencies: reference.constituencies, templates: TEMPLATES, now: () => clock });
    const seat = (name: string) => night.find((s) => s.onsCode === code(name))!;
    // They arrive in ONS order, so newest first is the reverse of what the ONS code alone would give.
    for (const name of ['Basildon and Billericay', 'Peterborough', 'Wrexham']) {
      expect((seat(name) as { declaredAt?: string }).declaredAt).toBeUndefined();
      clock += 60_000;
      must(engine, { type: 'declare-results', source: 'feed', seats: [seat(name)] });
    }
    expect(viewOf(engine).items.map((i) => i.head)).toEqual(['WREXHAM', 'PETERBOROUGH', 'BASILDON AND BILLERICAY']);
    // A correction accepted later is news again: it moves to the front.
    clock += 60_000;
    const basildon = seat('Basildon and Billericay');
    must(engine, { type: 'declare-results', source: 'feed', seats: [{ ...basildon, revision: basildon.revision + 1 }] });
    must(engine, { type: 'accept-correction', onsCode: code('Basildon and Billericay') });
    expect(viewOf(engine).items.map((i) => i.head)).toEqual(['BASILDON AND BILLERICAY', 'WREXHAM', 'PETERBOROUGH']);
  });

  it('ignores the results with the items source', () => {
    const engine = engineWith({ source: 'items', items: 'Exit poll at 22:00' });
    must(engine, { type: 'declare-results', source: 'test', seats: night });
    expect(viewOf(engine).items).toEqual([{ key: 'item0|Exit poll at 22:00', head: '', body: 'Exit poll at 22:00', party: 'none' }]);
  });
});

describe('ticker fields', () => {
  it('refuse what cannot fit, saying what and where', () => {
    const message = (fields: unknown) => tickerFields.safeParse(fields).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(message({ count: 0 })).toEqual(['count: show at least 1 declaration']);
    expect(message({ speed: 1000 })).toEqual(['speed: at most 400 pixels a second']);
    expect(message({ items: Array.from({ length: 31 }, (_, i) => `Item ${i}`).join('\n') })).toEqual(['items: at most 30 items (one a line), not 31']);
    expect(message({ items: `ok\n${'x'.repeat(141)}` })).toEqual(['items: item 2 is 141 characters; at most 140']);
    expect(message({ label: '' })).toEqual(['label: the ticker needs a label']);
  });

  it('refuse a bad update on air and leave the air as it was', () => {
    const engine = engineWith({});
    must(engine, { type: 'cue', cueId: 'tick' });
    must(engine, { type: 'take', cueId: 'tick' });
    const before = engine.programSnapshot();
    const r = engine.dispatch({ type: 'update', layer: 'ticker', fields: { speed: 'fast' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_FIELDS' } });
    expect(!r.ok && r.error.message).toContain('Ticker fields: speed:');
    expect(engine.programSnapshot()).toEqual(before);
  });
});
