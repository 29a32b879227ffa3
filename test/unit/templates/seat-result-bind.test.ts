import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../../main/engine/engine';
import { importResults } from '../../../main/engine/import';
import type { SeatResult } from '../../../main/engine/election';
import { REPO_ROOT } from '../../../main/server/headless';
import type { ReferenceData } from '../../../main/server/reference-data';
import { engineWithCue, loadReferenceNight, onAirWording, previewViewOf } from '../../support/reference-night';
import { seatResultFields } from '../../../main/templates/seat-result/schema';
import type { SeatResultView } from '../../../main/templates/seat-result/bind';

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
      name: 'Peterborough',
      region: 'East of England',
      state: 'declared',
      winner: 'lab',
      holder: 'con',
      verdict: 'LAB GAIN FROM CON',
      gain: true,
      majority: 118,
      majorityPercent: 0.3,
      mp: 'Andrew Pakes',
      // Data README: Butler swing Con to Lab 2.6 points.
      swing: { from: 'con', to: 'lab', points: 2.6 },
    });
    // Valid votes over electorate: 41,872 / 73,378; the notional 2019 was 47,232 / 72,273.
    expect(v.turnout).toBe(57.1);
    expect(v.turnoutChange).toBe(-8.3);
  });

  it('lists the candidates with name, party, votes and share, with changes that match the Commons Library candidate file', () => {
    const v = card(engine(night));
    // Eight candidates: the top five, then the Lib Dem, CPA and independent added up as Others.
    expect(v.bars.map((b) => b.party)).toEqual(['lab', 'con', 'reform', 'wpb', 'green', 'other']);
    const byParty = Object.fromEntries(v.bars.map((b) => [b.party, b]));
    // Published changes: Lab -9.5, Con -14.7, Reform +8.4 (against the Brexit Party), Green +4.6; the Workers Party new.
    expect(byParty.lab).toMatchObject({ candidate: 'Andrew Pakes', label: 'Labour', share: 32.0, change: -9.5, votes: 13418 });
    expect(byParty.con).toMatchObject({ candidate: 'Paul Bristow', label: 'Conservative', share: 31.8, change: -14.7 });
    expect(byParty.reform).toMatchObject({ label: 'Reform UK', share: 12.8, change: 8.4 });
    expect(byParty.wpb).toMatchObject({ candidate: 'Amjad Hussain', label: 'Workers Party', votes: 5051, change: 'new' });
    expect(byParty.green).toMatchObject({ share: 6.1, change: 4.6 });
    // The rest of the candidates, added up: no one party's change to give them.
    expect(byParty.other).toMatchObject({ candidate: null, label: 'Others', votes: 1746 + 225 + 211, change: null });
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

  it('agrees with the official Result column, in the house style, for every seat in Wales and Northern Ireland', async () => {
    const csv = (await readFile(path.join(SHARED, 'ge2024-constituency-results.csv'), 'utf8')).split('\n').slice(1);
    const lines = csv.filter((l) => l.startsWith('W07') || l.startsWith('N05'));
    expect(lines).toHaveLength(32 + 18);
    const e = engine(night);
    for (const line of lines) {
      // Names may be quoted with commas inside; the member and Result columns never are.
      const [, first, surname, result] = /,([^,]*),([^,]*),(?:Male|Female),(\w+ (?:hold|gain from \w+)),/.exec(line)!;
      expect(e.dispatch({ type: 'edit-cue', cueId: 'card', fields: { constituency: line.slice(0, 9) } }).ok).toBe(true);
      const v = card(e);
      expect(v.verdict, v.name).toBe(onAirWording(result!));
      expect(v.mp, v.name).toBe(`${first} ${surname}`);
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

describe('seat-result: the winner named, and swing only between the two parties that mattered', () => {
  const at = (code: string, bars = 6) => card(engine(night, { constituency: code, bars }));
  /** Butler swing from the Commons Library's own Change column (points against the notional result). */
  const publishedSwing = (changeFrom: number, changeTo: number) => Math.round(((changeTo - changeFrom) / 2) * 1000) / 10;

  it('Clacton: REFORM GAIN FROM CON with Nigel Farage named, and no swing (no Reform or Brexit Party there in 2019)', () => {
    const v = at('E14001174');
    expect(v).toMatchObject({ verdict: 'REFORM GAIN FROM CON', mp: 'Nigel Farage', winner: 'reform', holder: 'con', swing: null });
    expect(v.bars[0]).toMatchObject({ candidate: 'Nigel Farage', label: 'Reform UK', votes: 21225, share: 46.2, change: 'new' });
  });

  it("Chorley: SPEAKER RE-ELECTED with Lindsay Hoyle, and no swing for the Speaker's seat", () => {
    const v = at('E14001170');
    expect(v).toMatchObject({ verdict: 'SPEAKER RE-ELECTED', mp: 'Lindsay Hoyle', winner: 'speaker', swing: null });
    expect(v.bars.map((b) => `${b.candidate} (${b.label})`)).toEqual([
      'Lindsay Hoyle (Speaker)',
      'Mark Tebbutt (Green)',
      'Ben Holden-Crowther (Democracy for Chorley)',
      'Graham Moore (English Constitution Party)',
      'Martin Powell-Davies (Trade Unionist and Socialist Coalition)',
    ]);
  });

  it('Northern Ireland: Alliance, Sinn Féin and the DUP by name, with the swing the published changes give', () => {
    const lagan = at('N05000009');
    expect(lagan).toMatchObject({ verdict: 'ALLIANCE GAIN FROM DUP', mp: 'Sorcha-Lucy Eastwood', gain: true });
    // Published: APNI +10.8805, DUP -11.5025 points.
    expect(lagan.swing).toEqual({ from: 'dup', to: 'alliance', points: publishedSwing(-0.115025, 0.108805) });
    expect(lagan.bars.slice(0, 4).map((b) => [b.label, b.change])).toEqual([
      ['Alliance', 10.9],
      ['DUP', -11.5],
      ['UUP', 4.2],
      ['TUV', 'new'],
    ]);
    const north = at('N05000002');
    expect(north).toMatchObject({ verdict: 'SINN FÉIN HOLD', mp: 'John Finucane' });
    // A hold: between the winner and tonight's runner-up (SF -4.4142, DUP -10.5205).
    expect(north.swing).toEqual({ from: 'dup', to: 'sf', points: publishedSwing(-0.105205, -0.044142) });
    expect(at('N05000012')).toMatchObject({ verdict: 'TUV GAIN FROM DUP', mp: 'Jim Allister', swing: null });
    expect(at('N05000013')).toMatchObject({ verdict: 'IND GAIN FROM ALLIANCE', mp: 'Alex Easton', swing: null });
  });

  it("a hold where the old runner-up came fourth: swing to tonight's runner-up (Hampstead and Highgate: Con, not the Lib Dems)", () => {
    const v = at('E14001265');
    expect(v.verdict).toBe('LAB HOLD');
    expect(v.bars.map((b) => b.party).slice(0, 4)).toEqual(['lab', 'con', 'green', 'ld']);
    // Published: Lab +0.6257, Con -5.7396 (the old card showed LD to LAB 6.1).
    expect(v.swing).toEqual({ from: 'con', to: 'lab', points: publishedSwing(-0.057396, 0.006257) });
  });

  it('a gain from a holder that came fourth: swing from the old holder to the winner (Ashfield: Con to Reform)', () => {
    const v = at('E14001068');
    expect(v).toMatchObject({ verdict: 'REFORM GAIN FROM CON', mp: 'Lee Anderson' });
    expect(v.bars.map((b) => b.party).slice(0, 4)).toEqual(['reform', 'lab', 'ash', 'con']);
    // Published: Reform +37.8055 (against the Brexit Party), Con -31.0029.
    expect(v.swing).toEqual({ from: 'con', to: 'reform', points: publishedSwing(-0.310029, 0.378055) });
  });

  it('no swing to or from an independent: Bradford West is a Labour hold with an independent second', () => {
    expect(at('E14001120')).toMatchObject({ verdict: 'LAB HOLD', swing: null });
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
