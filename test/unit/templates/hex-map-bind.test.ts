import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../../main/engine/engine';
import type { SeatResult } from '../../../main/engine/election';
import { importResults } from '../../../main/engine/import';
import { SHOW_FORMAT_VERSION, type Show } from '../../../main/engine/show';
import { REFERENCE_DIR } from '../../../main/server/headless';
import { loadReferenceData, type ReferenceData } from '../../../main/server/reference-data';
import { TEMPLATES } from '../../../main/templates/definitions';
import { hexMapFields, type HexMapView, type Tally } from '../../../main/templates/hex-map/schema';

/**
 * The hex map resolved by a real engine from seeds/reference and the 2024
 * results, against the official figures in shared/data/README.md.
 */
let reference: ReferenceData;
let night: SeatResult[];
beforeAll(async () => {
  reference = await loadReferenceData(REFERENCE_DIR);
  night = [...importResults(readFileSync(path.join(REFERENCE_DIR, 'ge2024-results.json'), 'utf8'), 'ge2024-results.json', 'strapline-json').rows];
});

const EAST = 'E12000006';
const WALES = 'W92000004';
const code = (name: string) => reference.constituencies.find((c) => c.name === name)!.onsCode;
const inRegion = (region: string) => night.filter((s) => reference.constituencies.find((c) => c.onsCode === s.onsCode)?.regionCode === region);

function engineWith(fields: Record<string, unknown>): Engine {
  const cues = [{ id: 'map', title: 'Map', template: 'hex-map', layer: 'fullscreen' as const, fields }];
  const show: Show = { format: 'strapline-show', version: SHOW_FORMAT_VERSION, name: 'Map', stacks: [{ id: 's', name: 'S', cues }] };
  return new Engine({ show, baseline: reference.baseline, constituencies: reference.constituencies, templates: TEMPLATES, now: () => Date.UTC(2024, 6, 5, 5) });
}

function must(engine: Engine, command: unknown): void {
  const r = engine.dispatch(command);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
}

function viewOf(engine: Engine): HexMapView {
  must(engine, { type: 'cue', cueId: 'map' });
  return engine.programSnapshot().preview!.view as HexMapView;
}

const seats = (tally: Tally | null) => Object.fromEntries((tally?.parties ?? []).map((p) => [p.party, p.seats]));

describe('hex map bound to the 2024 results', () => {
  it('colours all 650 seats and keys the official UK totals (others folded: SF, DUP, Ind, Speaker and the rest)', () => {
    const engine = engineWith({});
    must(engine, { type: 'declare-results', source: 'test', seats: night });
    const view = viewOf(engine);
    expect(Object.keys(view.winners)).toHaveLength(650);
    expect(view.winners[code('Peterborough')]).toBe('lab');
    expect(view.winners[code('Clacton')]).toBe('reform');
    expect(view.uk).toMatchObject({ name: 'United Kingdom', decided: 650, total: 650 });
    expect(seats(view.uk)).toEqual({ lab: 411, con: 121, ld: 72, snp: 9, reform: 5, green: 4, pc: 4, other: 7 + 5 + 2 + 1 + 1 + 1 + 6 + 1 });
    expect(view.uk.parties.map((p) => p.party)).toEqual(['lab', 'con', 'ld', 'snp', 'reform', 'green', 'pc', 'other']);
    expect(view.focus).toBeNull();
  });

  it('keys the focus region: East of England 61 (Lab 27, Con 23, LD 7, Reform 3, Green 1), Wales 32 (Lab 27, PC 4, LD 1)', () => {
    const east = engineWith({ region: EAST });
    must(east, { type: 'declare-results', source: 'test', seats: night });
    expect(viewOf(east).focus).toMatchObject({ name: 'East of England', decided: 61, total: 61 });
    expect(seats(viewOf(east).focus)).toEqual({ lab: 27, con: 23, ld: 7, reform: 3, green: 1, other: 0 });

    const wales = engineWith({ region: WALES });
    must(wales, { type: 'declare-results', source: 'test', seats: night });
    const view = viewOf(wales);
    expect(view.focus).toMatchObject({ name: 'Wales', decided: 32, total: 32 });
    expect(seats(view.focus)).toEqual({ lab: 27, pc: 4, ld: 1, con: 0, reform: 0, green: 0, other: 0 });
    expect(view.focus!.parties.slice(0, 3).map((p) => p.party)).toEqual(['lab', 'pc', 'ld']);
  });

  it('draws the notional 2019 holders with the baseline source, before any result', () => {
    const view = viewOf(engineWith({ source: 'baseline', region: EAST }));
    expect(Object.keys(view.winners)).toHaveLength(650);
    expect(seats(view.uk)).toMatchObject({ lab: 200, con: 372, ld: 8, snp: 48, green: 1, pc: 2, reform: 0 });
    expect(seats(view.focus)).toMatchObject({ con: 55, lab: 5, ld: 1 });
    const wales = viewOf(engineWith({ source: 'baseline', region: WALES }));
    expect(seats(wales.focus)).toMatchObject({ lab: 18, con: 12, pc: 2 });
  });

  it('on a partial night draws only the declared seats, and re-resolves on air as more declare', () => {
    const engine = engineWith({ region: EAST });
    const view0 = viewOf(engine);
    expect(view0.winners).toEqual({});
    expect(view0.focus).toMatchObject({ decided: 0, total: 61 });
    must(engine, { type: 'take', cueId: 'map' });

    const wales = inRegion(WALES);
    must(engine, { type: 'declare-results', source: 'test', seats: wales });
    const onAir = engine.programSnapshot().program.fullscreen!;
    const view = onAir.view as HexMapView;
    expect(onAir.updateSeq).toBe(1);
    expect(Object.keys(view.winners).sort()).toEqual(wales.map((s) => s.onsCode).sort());
    expect(view.uk).toMatchObject({ decided: 32, total: 650 });
    expect(seats(view.uk)).toMatchObject({ lab: 27, pc: 4, ld: 1 });
    // Nothing in the focus region yet: its key stays at zero.
    expect(view.focus).toMatchObject({ decided: 0 });

    must(engine, { type: 'declare-results', source: 'test', seats: night.filter((s) => s.onsCode === code('Peterborough')) });
    const next = engine.programSnapshot().program.fullscreen!;
    expect(next.updateSeq).toBe(2);
    expect((next.view as HexMapView).winners[code('Peterborough')]).toBe('lab');
    expect((next.view as HexMapView).focus).toMatchObject({ decided: 1 });
  });

  it('holds a correction back until the operator accepts it', () => {
    const engine = engineWith({});
    const peterborough = night.find((s) => s.onsCode === code('Peterborough'))!;
    must(engine, { type: 'declare-results', source: 'test', seats: [peterborough] });
    must(engine, { type: 'cue', cueId: 'map' });
    must(engine, { type: 'take', cueId: 'map' });
    const flipped = { onsCode: peterborough.onsCode, revision: 2, state: 'rush', winner: 'con' };
    must(engine, { type: 'declare-results', source: 'test', seats: [flipped] });
    expect((engine.programSnapshot().program.fullscreen!.view as HexMapView).winners[peterborough.onsCode]).toBe('lab');
    must(engine, { type: 'accept-correction', onsCode: peterborough.onsCode });
    expect((engine.programSnapshot().program.fullscreen!.view as HexMapView).winners[peterborough.onsCode]).toBe('con');
  });
});

describe('hex map fields', () => {
  it("default to the whole UK coloured by tonight's results", () => {
    expect(hexMapFields.parse({})).toEqual({ title: 'General election 2024', region: 'all', source: 'results' });
  });

  it('refuse an unknown region with the codes it accepts, and the engine changes nothing', () => {
    const bad = hexMapFields.safeParse({ region: 'E12000099' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]).toMatchObject({ path: ['region'] });
    expect(bad.error!.issues[0]!.message).toContain('E12000006');

    const engine = engineWith({ region: EAST });
    must(engine, { type: 'cue', cueId: 'map' });
    must(engine, { type: 'take', cueId: 'map' });
    const before = engine.programSnapshot();
    const r = engine.dispatch({ type: 'update', layer: 'fullscreen', fields: { region: 'Wales' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_FIELDS' } });
    expect(!r.ok && r.error.message).toMatch(/Hex map fields: region: region must be "all" or one of/);
    expect(engine.programSnapshot()).toEqual(before);
  });

  it('refuse a title too long for the key, or an unknown colour source', () => {
    expect(hexMapFields.safeParse({ title: 'x'.repeat(41) }).error?.issues[0]?.message).toBe('at most 40 characters fit above the key');
    expect(hexMapFields.safeParse({ source: 'exit-poll' }).error?.issues[0]?.path).toEqual(['source']);
    expect(hexMapFields.safeParse({ zoom: 3 }).success).toBe(false);
  });
});
