import { describe, expect, it } from 'vitest';
import { initialResults } from '../../../main/engine/results';
import { journalRecord, replayJournal, wholeOf } from '../../../main/engine/results-journal';
import type { ResultsState } from '../../../main/engine/results';
import { engineHarness, type EngineHarness } from '../../support/engine-fixture';

/** The journal's records and replay, pure: what a change did to the results, played back onto what a start holds. */

const declared = (onsCode: string, revision: number, con: number, lab: number) => ({
  onsCode,
  revision,
  state: 'declared',
  validVotes: con + lab,
  partyVotes: { con, lab },
});

/** Records every results change of a live engine, as the server's journal does. */
function recording(h: EngineHarness): { lines: string[] } {
  const start = h.engine.resultsState().baseline;
  let last: ResultsState = h.engine.resultsState();
  const lines: string[] = [];
  h.engine.subscribe((e) => {
    if (e.type !== 'results') return;
    const record = journalRecord(last, h.engine.resultsState(), lines.length + 1, h.now(), start);
    last = h.engine.resultsState();
    if (record) lines.push(JSON.stringify(record));
  });
  return { lines };
}

function nightOfChanges(h: EngineHarness): void {
  h.must({ type: 'declare-results', source: 'feed', seats: [declared('E14000001', 1, 40, 60)] });
  h.advance(1000);
  h.must({ type: 'declare-results', source: 'feed', seats: [{ onsCode: 'W07000001', revision: 1, state: 'rush', winner: 'pc' }] });
  // A change to a declared seat waits as a correction; one accepted, one rejected, one left waiting.
  h.must({ type: 'declare-results', source: 'feed', seats: [declared('E14000001', 2, 41, 59)] });
  h.advance(1000);
  h.must({ type: 'accept-correction', onsCode: 'E14000001' });
  h.must({ type: 'declare-results', source: 'feed', seats: [declared('E14000001', 3, 42, 58)] });
  h.must({ type: 'reject-correction', onsCode: 'E14000001' });
  h.must({ type: 'declare-results', source: 'feed', seats: [{ onsCode: 'W07000001', revision: 2, state: 'recount' }] });
  h.must({ type: 'results-settings', holderBasis: 'sitting-mp', speakerCountsWith: null });
}

describe('journalRecord and replayJournal', () => {
  it('replays a night of declarations, corrections held, accepted and rejected, and settings, to exactly what the engine held', () => {
    const h = engineHarness();
    const { lines } = recording(h);
    nightOfChanges(h);
    const held = h.engine.resultsState();
    expect(held.corrections.size).toBe(1);
    const fresh = initialResults(held.baseline);
    const replayed = replayJournal(fresh, 0, lines.join('\n') + '\n', held.baseline);
    expect(replayed.skipped).toEqual([]);
    expect(replayed.applied).toBe(lines.length);
    expect(wholeOf(replayed.results, held.baseline)).toEqual(wholeOf(held, held.baseline));
  });

  it('a rehearsal (mode, reset) and a new baseline are whole records, and replay to the same results', () => {
    const h = engineHarness();
    const { lines } = recording(h);
    const start = h.engine.resultsState().baseline;
    h.must({ type: 'set-mode', mode: 'rehearsal' });
    h.must({ type: 'declare-results', source: 'rehearsal', seats: [declared('E14000001', 1, 40, 60)] });
    h.must({ type: 'reset-results' });
    h.must({ type: 'set-mode', mode: 'live' });
    h.must({ type: 'set-baseline', seats: [{ onsCode: 'E14000001', winner: 'lab', validVotes: 10, partyVotes: { lab: 10 } }] });
    h.must({ type: 'declare-results', source: 'feed', seats: [declared('E14000001', 1, 1, 9)] });
    const kinds = lines.map((l) => (JSON.parse(l) as { kind: string }).kind);
    expect(kinds).toEqual(['change', 'change', 'whole', 'change', 'whole', 'change']);
    const replayed = replayJournal(initialResults(start), 0, lines.join('\n') + '\n', start);
    expect(wholeOf(replayed.results, start)).toEqual(wholeOf(h.engine.resultsState(), start));
    expect([...replayed.results.baseline.seats.keys()]).toEqual(['E14000001']);
  });

  it('passes over a torn last line and a damaged one, reporting each by line, and applies every whole record', () => {
    const h = engineHarness();
    const { lines } = recording(h);
    nightOfChanges(h);
    const start = h.engine.resultsState().baseline;
    const damaged = [...lines];
    damaged.splice(2, 0, '{"seq":99,"kind":"change"'); // a line no writer finished
    const torn = lines.at(-1)!.slice(0, 40); // the last record, cut off mid-write
    const text = `${damaged.slice(0, -1).join('\n')}\n${torn}`;
    const replayed = replayJournal(initialResults(start), 0, text, start);
    expect(replayed.skipped.map((s) => s.line)).toEqual([3, damaged.length]);
    expect(replayed.skipped[1]!.reason).toMatch(/cut off mid-write/);
    expect(replayed.applied).toBe(lines.length - 1);
    // Only the torn settings change is missing.
    expect(replayed.results.holderBasis).toBe('notional');
    // The recount called on a seat with a rush waits as a correction, as it did live.
    expect(replayed.results.corrections.get('W07000001')).toEqual({ onsCode: 'W07000001', revision: 2, state: 'recount' });
  });

  it('passes over records a snapshot already holds (a crash between snapshot and truncation)', () => {
    const h = engineHarness();
    const { lines } = recording(h);
    nightOfChanges(h);
    const held = h.engine.resultsState();
    const replayed = replayJournal(held, lines.length, lines.join('\n') + '\n', held.baseline);
    expect(replayed.applied).toBe(0);
    expect(replayed.results).toBe(held);
    expect(replayed.seq).toBe(lines.length);
  });
});
