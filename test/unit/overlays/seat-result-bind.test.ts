import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../../main/engine/engine';
import { importResults } from '../../../main/engine/import';
import type { SeatResult } from '../../../main/engine/election';
import { REPO_ROOT } from '../../../main/server/headless';
import type { ReferenceData } from '../../../main/server/reference-data';
import { engineWithCue, loadReferenceNight, previewViewOf } from '../../support/reference-night';
import { seatResultFields } from '../../../overlays/graphics/seat-result/schema';
import type { SeatResultView } from '../../../overlays/graphics/seat-result/bind';

const PETERBOROUGH = 'E14001425';
const SHARED = path.resolve(REPO_ROOT, '../shared/data');
let reference: ReferenceData;
let night: readonly SeatResult[];

beforeAll(async () => {
  ({ reference, night } = await loadReferenceNight());
});

/** A real engine with the real baseline and constituency list, and one seat-result cue. */
function engine(seats: readonly SeatResult[], fields: Record<string, unknown> = { constituency: PETERBOROUGH }) {
  return engineWithCue(reference, { id: 'card', template: 'seat-result', fields }, seats);
}

/** What the output would draw: the engine's resolved preview of the cue. */
function card(e: Engine): SeatResultView {
  return previewViewOf(e, 'card') as SeatResultView;
}

const only = (...codes: string[]) => night.filter((s) => codes.includes(s.onsCode));

describe('seat-result binding against the 2024 results', () => {
  it('shows Peterborough as a Labour gain from the Conservatives with the published figures', () => {
    const v = card(engine(night));
    expect(v).toMatchObject({
      name: 'Peterborough', region: 'East of England', state: 'declared', winner: 'lab', holder: 'con',
      verdict: 'LAB GAIN FROM CON', gain: true, majority: 118, majorityPercent: 0.3, mp: null,
      // Data README: Butler swing Con to Lab 2.6 points.
      swing: { from: 'con', to: 'lab', points: 2.6 },
    });
    // Valid votes over electorate: 41,872 / 73,378; the notional 2019 was 47,232 / 72,273.
    expect(v.turnout).toBe(57.1);
    expect(v.turnoutChange).toBe(-8.3);
  });

  it('charts the full result with changes that match the Commons Library candidate file', () => {
    const v = card(engine(night));
    expect(v.bars.map((b) => b.party)).toEqual(['lab', 'con', 'reform', 'green', 'ld', 'other']);
    const byParty = Object.fromEntries(v.bars.map((b) => [b.party, b]));
    // Published changes: Lab -9.5, Con -14.7, Reform +8.4 (against the Brexit Party), Green +4.6, LD -0.7.
    expect(byParty.lab).toMatchObject({ share: 32.0, change: -9.5, votes: 13418 });
    expect(byParty.con).toMatchObject({ share: 31.8, change: -14.7 });
    expect(byParty.reform).toMatchObject({ share: 12.8, change: 8.4 });
    expect(byParty.green).toMatchObject({ share: 6.1, change: 4.6 });
    expect(byParty.ld).toMatchObject({ share: 4.2, change: -0.7 });
    expect(v.bars.reduce((a, b) => a + b.votes, 0)).toBe(41872);
  });

  it('folds the smaller parties into Others when fewer bars are asked for', () => {
    const v = card(engine(night, { constituency: PETERBOROUGH, bars: 3 }));
    expect(v.bars.map((b) => b.party)).toEqual(['lab', 'con', 'other']);
    expect(v.bars[2]!.votes).toBe(41872 - 13418 - 13300);
  });

  it('names the new MP when the result carries candidates', async () => {
    const csv = (await readFile(path.join(SHARED, 'ge2024-candidate-results.csv'), 'utf8')).split('\n');
    const text = [csv[0]!, ...csv.filter((l) => l.startsWith(`${PETERBOROUGH},`))].join('\n');
    const seats = importResults(text, 'candidates.csv', 'commons-candidate').rows;
    const v = card(engine(seats));
    expect(v).toMatchObject({ mp: 'Andrew Pakes', verdict: 'LAB GAIN FROM CON', majority: 118 });
  });

  it('agrees with the official Result column for every seat held or gained in Wales', async () => {
    const csv = (await readFile(path.join(SHARED, 'ge2024-constituency-results.csv'), 'utf8')).split('\n').slice(1);
    const welsh = csv.filter((l) => l.startsWith('W07'));
    expect(welsh).toHaveLength(32);
    const e = engine(night);
    for (const line of welsh) {
      const code = line.split(',')[0]!;
      expect(e.dispatch({ type: 'edit-cue', cueId: 'card', fields: { constituency: code } }).ok).toBe(true);
      const v = card(e);
      expect(line.toUpperCase()).toContain(`,${v.verdict},`);
    }
  });

  it('waits for a seat that has not declared on a partial night', () => {
    const v = card(engine(only('W07000081', 'E14001063')));
    expect(v).toMatchObject({ state: 'pending', verdict: 'AWAITING DECLARATION', winner: null, holder: 'con', majority: null, swing: null, bars: [] });
  });

  it('shows a rush winner without figures, then a recount with no winner', () => {
    const e = engine([{ onsCode: PETERBOROUGH, revision: 1, state: 'rush', winner: 'lab' }]);
    expect(card(e)).toMatchObject({ state: 'rush', winner: 'lab', verdict: 'LAB GAIN FROM CON', majority: null, turnout: null, bars: [] });
    const recount = engine([{ onsCode: PETERBOROUGH, revision: 1, state: 'recount' }]);
    expect(card(recount)).toMatchObject({ state: 'recount', winner: null, verdict: 'RECOUNT', gain: null });
  });

  it('says WIN, not GAIN or HOLD, when the holder basis has no holder for the seat', () => {
    const e = engine(night);
    expect(e.dispatch({ type: 'results-settings', holderBasis: 'sitting-mp' }).ok).toBe(true);
    expect(card(e)).toMatchObject({ verdict: 'LAB WIN', gain: null, holder: null, swing: null });
  });
});

describe('seat-result fields', () => {
  it('default to Peterborough and six bars', () => {
    expect(seatResultFields.parse({})).toEqual({ constituency: PETERBOROUGH, bars: 6 });
  });

  it('refuse a name instead of an ONS code, and too many bars, naming the field', () => {
    const bad = seatResultFields.safeParse({ constituency: 'Peterborough', bars: 9 });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toContain('constituency: expected an ONS constituency code like E14001425');
    expect(messages).toContain('bars: at most 7 bars fit the full result');
  });

  it('are refused by the engine with a clear message, leaving the cue as it was', () => {
    const e = engine([]);
    const r = e.dispatch({ type: 'edit-cue', cueId: 'card', fields: { constituency: 'E1400142' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_FIELDS' } });
    expect(!r.ok && r.error.message).toContain('Seat result fields: constituency');
    expect(card(e).name).toBe('Peterborough');
  });

  it('refuse to take a well-formed code that is not a seat, naming it', () => {
    const e = engine(night, { constituency: 'E14009999' });
    e.dispatch({ type: 'cue', cueId: 'card' });
    const r = e.dispatch({ type: 'take', cueId: 'card' });
    expect(r).toMatchObject({ ok: false, error: { code: 'BINDING_FAILED' } });
    expect(!r.ok && r.error.message).toContain('E14009999 is not a constituency');
    expect(e.programSnapshot().program).toEqual({});
  });
});
