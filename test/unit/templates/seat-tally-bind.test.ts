import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../../main/engine/engine';
import type { SeatResult } from '../../../main/engine/election';
import { importResults } from '../../../main/engine/import';
import { emptyShow } from '../../../main/engine/show';
import { REFERENCE_DIR } from '../../../main/server/headless';
import { loadReferenceData, type ReferenceData } from '../../../main/server/reference-data';
import { TEMPLATES } from '../../../main/templates/definitions';
import type { SeatTallyView } from '../../../main/templates/seat-tally/bind';

/**
 * The seat tally resolved by a real engine from the real reference data and the 2024
 * results (seeds/reference), checked against the official figures in shared/data/README.md.
 */
let reference: ReferenceData;
let night: SeatResult[];
beforeAll(async () => {
  reference = await loadReferenceData(REFERENCE_DIR);
  const outcome = importResults(readFileSync(path.join(REFERENCE_DIR, 'ge2024-results.json'), 'utf8'), 'ge2024-results.json', 'strapline-json');
  night = [...outcome.rows];
});

const EAST = 'E12000006';
const WALES = 'W92000004';

function engineWith(fields: Record<string, unknown>[]): Engine {
  const cues = fields.map((f, i) => ({ id: `t${i}`, title: `T${i}`, template: 'seat-tally', layer: 'fullscreen' as const, fields: f }));
  const show = { ...emptyShow('Tally'), stacks: [{ id: 's', name: 'S', cues }] };
  return new Engine({ show, baseline: reference.baseline, constituencies: reference.constituencies, templates: TEMPLATES, now: () => Date.UTC(2024, 6, 5, 5) });
}

function declare(engine: Engine, seats: SeatResult[]): void {
  const r = engine.dispatch({ type: 'declare-results', source: 'test', seats });
  if (!r.ok) throw new Error(r.error.message);
}

/** What the output would draw for a cue, via preview (the engine resolves it there). */
function viewOf(engine: Engine, cueId = 't0'): SeatTallyView {
  const r = engine.dispatch({ type: 'cue', cueId });
  if (!r.ok) throw new Error(r.error.message);
  return engine.programSnapshot().preview!.view as SeatTallyView;
}

const seatsOf = (view: SeatTallyView) => Object.fromEntries(view.columns.map((c) => [c.party, c.seats]));
const changeOf = (view: SeatTallyView) => Object.fromEntries(view.columns.map((c) => [c.party, c.change]));

describe('seat tally bound to the 2024 results', () => {
  it('gives the official House: Lab 411, Con 121, LD 72, majority 174 with the Speaker counted with Labour', () => {
    const engine = engineWith([{}]);
    declare(engine, night);
    const view = viewOf(engine);
    expect(view).toMatchObject({ area: 'UK', total: 650, decided: 650, needed: 326, verdict: { text: 'LAB majority of 174', party: 'lab' } });
    expect(seatsOf(view)).toEqual({ lab: 411, con: 121, ld: 72, snp: 9, reform: 5, green: 4, pc: 4, other: 24 });
    expect(changeOf(view)).toMatchObject({ lab: 211, con: -251, ld: 64, snp: -39, reform: 5 });
    // The board says what those changes are against.
    expect(view.changeAgainst).toBe('Change on 2019 notional');
    // Most seats first, Others last whatever their size.
    expect(view.columns.map((c) => c.party)).toEqual(['lab', 'con', 'ld', 'snp', 'reform', 'green', 'pc', 'other']);
  });

  it('follows the Speaker setting: 172 when the Speaker counts with nobody', () => {
    const engine = engineWith([{}]);
    declare(engine, night);
    expect(engine.dispatch({ type: 'results-settings', speakerCountsWith: null }).ok).toBe(true);
    expect(viewOf(engine).verdict.text).toBe('LAB majority of 172');
  });

  it('says the change is since dissolution when GAIN and HOLD are judged on the sitting MPs', () => {
    const engine = engineWith([{}]);
    declare(engine, night);
    expect(engine.dispatch({ type: 'results-settings', holderBasis: 'sitting-mp' }).ok).toBe(true);
    expect(viewOf(engine).changeAgainst).toBe('Change since dissolution');
  });

  it('counts a region alone: East of England 61 seats, Lab 27 Con 23 LD 7 Reform 3 Green 1, against notional Con 55', () => {
    const engine = engineWith([{ region: EAST }]);
    declare(engine, night);
    const view = viewOf(engine);
    expect(view).toMatchObject({ area: 'East of England', total: 61, decided: 61, needed: null, verdict: { text: 'LAB win 27 of 61', party: 'lab' } });
    expect(seatsOf(view)).toMatchObject({ lab: 27, con: 23, ld: 7, reform: 3, green: 1, snp: 0, pc: 0, other: 0 });
    expect(changeOf(view)).toMatchObject({ lab: 22, con: -32, ld: 6, reform: 3, green: 1 });
  });

  it('counts a nation by its code: Wales 32 seats, Lab 27 PC 4 LD 1 and the Conservatives lose all 12', () => {
    const engine = engineWith([{ region: WALES, parties: ['lab', 'con', 'pc', 'ld'] }]);
    declare(engine, night);
    const view = viewOf(engine);
    expect(view).toMatchObject({ area: 'Wales', total: 32, decided: 32 });
    expect(seatsOf(view)).toEqual({ lab: 27, pc: 4, ld: 1, con: 0, other: 0 });
    expect(changeOf(view)).toMatchObject({ lab: 9, pc: 2, ld: 1, con: -12 });
  });

  it('reads a partial night: declared so far, seats still needed, and a region lead', () => {
    const peterborough = night.find((s) => s.onsCode === 'E14001425')!;
    const clacton = night.find((s) => s.onsCode === 'E14001174')!;
    const engine = engineWith([{}, { region: EAST }]);
    declare(engine, [peterborough, clacton]);
    const uk = viewOf(engine, 't0');
    expect(uk).toMatchObject({ decided: 2, total: 650, verdict: { text: 'LAB and REFORM level on 1', party: 'none' } });
    expect(seatsOf(uk)).toMatchObject({ lab: 1, reform: 1, con: 0 });
    // Peterborough: Lab gain from Con; Clacton: Reform gain from Con.
    expect(changeOf(uk)).toMatchObject({ lab: 1, reform: 1, con: -2 });
    expect(viewOf(engine, 't1').verdict.text).toBe('LAB and REFORM level on 1');
    // One more Labour seat breaks the tie: the House headline counts what is still needed.
    const bedford = night.find((s) => s.onsCode === 'E14001084')!;
    declare(engine, [bedford]);
    expect(viewOf(engine, 't0').verdict).toEqual({ text: 'LAB need 324 more', party: 'lab' });
    expect(viewOf(engine, 't1').verdict).toEqual({ text: 'LAB lead with 2', party: 'lab' });
  });

  it('says so before any seat is in', () => {
    const view = viewOf(engineWith([{}]));
    expect(view).toMatchObject({ decided: 0, verdict: { text: 'Awaiting the first declaration', party: 'none' } });
    expect(view.columns.every((c) => c.seats === 0 && c.change === 0)).toBe(true);
  });

  it('updates on air as seats declare, as an update of the same take', () => {
    const engine = engineWith([{}]);
    viewOf(engine);
    expect(engine.dispatch({ type: 'take', cueId: 't0' }).ok).toBe(true);
    const before = engine.programSnapshot().program.fullscreen!;
    declare(engine, night.slice(0, 10));
    const after = engine.programSnapshot().program.fullscreen!;
    expect(after.takeId).toBe(before.takeId);
    expect(after.updateSeq).toBe(before.updateSeq + 1);
    expect((after.view as SeatTallyView).decided).toBe(10);
  });
});

describe('seat tally fields', () => {
  const fields = TEMPLATES.get('seat-tally')!.fields;

  it('draws the whole House with the main parties by default', () => {
    expect(fields.parse({})).toEqual({ title: 'State of the parties', region: '', parties: ['lab', 'con', 'ld', 'snp', 'reform', 'green', 'pc'] });
  });

  it('refuses bad fields with a message naming the field', () => {
    const region = fields.safeParse({ region: 'Wales' });
    expect(region.success).toBe(false);
    expect(region.error!.issues[0]).toMatchObject({ path: ['region'], message: expect.stringContaining('ONS region or nation code') });
    expect(fields.safeParse({ parties: ['lab', 'lab'] }).error!.issues[0]!.message).toBe('a party is listed twice');
    expect(fields.safeParse({ parties: ['lab', 'other'] }).error!.issues[0]!.path).toEqual(['parties', 1]);
    expect(fields.safeParse({ colour: 'red' }).success).toBe(false);
  });

  it('refuses to take a region with no seats, naming it, and changes nothing', () => {
    const engine = engineWith([{ region: 'E12999999' }]);
    const r = engine.dispatch({ type: 'cue', cueId: 't0' });
    const take = engine.dispatch({ type: 'take', cueId: 't0' });
    expect(r.ok && !take.ok && take.error).toMatchObject({
      code: 'BINDING_FAILED',
      message: expect.stringContaining('no constituency is in region E12999999'),
    });
    expect(engine.programSnapshot().program).toEqual({});
  });
});
