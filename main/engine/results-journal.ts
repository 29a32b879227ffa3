import { z } from 'zod';
import { describeIssues } from './errors';
import { baselineFromSeats, baselineSeatSchema, onsCodeSchema, partyIdSchema, seatResultSchema, type Baseline, type SeatResult } from './election';
import type { ResultsState } from './results-state';

/**
 * The results journal's records, and their replay: pure, so the server's file
 * handling (main/server/results-journal.ts) is all that touches the disk. A
 * record is what a change did to the results, not the command that made it, so
 * a replay never re-judges anything: a correction that was waiting comes back
 * waiting, an accepted one accepted.
 */

const MAX_SEATS = 2000;
const seats = z.array(seatResultSchema).max(MAX_SEATS);
const receivedAt = z.array(z.tuple([onsCodeSchema, z.number()])).max(MAX_SEATS);

/** Carried whole by every record: small, and a replay then never looks back for them. */
const settings = {
  holderBasis: z.enum(['notional', 'sitting-mp']),
  speakerCountsWith: partyIdSchema.nullable(),
  mode: z.enum(['live', 'rehearsal']),
  /** Whether outputs draw the REHEARSAL mark; absent in records written before it existed. */
  rehearsalMark: z.boolean().default(false),
  lastDeclarationAt: z.number().nullable(),
};

const wholeSchema = z.strictObject({
  /** null: the baseline this server starts with (the reference data), which a night's journal need not carry. */
  baseline: z.array(baselineSeatSchema).max(MAX_SEATS).nullable(),
  seats,
  corrections: seats,
  receivedAt,
  ...settings,
});
export type WholeResults = z.infer<typeof wholeSchema>;

const seq = z.number().int().positive();
export const journalRecordSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    seq,
    at: z.number(),
    kind: z.literal('change'),
    seats,
    receivedAt,
    corrections: seats,
    withdrawn: z.array(onsCodeSchema).max(MAX_SEATS),
    ...settings,
  }),
  /** After a new baseline or a reset (a rehearsal's start and stop): the whole results. */
  z.strictObject({ seq, at: z.number(), kind: z.literal('whole'), results: wholeSchema }),
]);
export type JournalRecord = z.infer<typeof journalRecordSchema>;

/** The compacted journal: every record up to `seq`, as one state. */
export const journalSnapshotSchema = z.strictObject({
  format: z.literal('strapline-results-snapshot'),
  version: z.literal(1),
  seq: z.number().int().nonnegative(),
  at: z.iso.datetime(),
  results: wholeSchema,
});
export type JournalSnapshot = z.infer<typeof journalSnapshotSchema>;

type Settings = Pick<ResultsState, 'holderBasis' | 'speakerCountsWith' | 'mode' | 'rehearsalMark' | 'lastDeclarationAt'>;
const settingsOf = (r: Settings): Settings => ({
  holderBasis: r.holderBasis,
  speakerCountsWith: r.speakerCountsWith,
  mode: r.mode,
  rehearsalMark: r.rehearsalMark,
  lastDeclarationAt: r.lastDeclarationAt,
});

export function wholeOf(r: ResultsState, startBaseline: Baseline): WholeResults {
  return {
    baseline: r.baseline === startBaseline ? null : [...r.baseline.seats.values()],
    seats: [...r.seats.values()],
    corrections: [...r.corrections.values()],
    receivedAt: [...r.receivedAt],
    ...settingsOf(r),
  };
}

export function resultsOf(whole: WholeResults, startBaseline: Baseline): ResultsState {
  return {
    baseline: whole.baseline === null ? startBaseline : baselineFromSeats(whole.baseline),
    seats: new Map(whole.seats.map((s) => [s.onsCode, s])),
    corrections: new Map(whole.corrections.map((s) => [s.onsCode, s])),
    receivedAt: new Map(whole.receivedAt),
    ...settingsOf(whole),
  };
}

const changedValues = <V>(before: ReadonlyMap<string, V>, after: ReadonlyMap<string, V>): V[] =>
  [...after].filter(([k, v]) => before.get(k) !== v).map(([, v]) => v);

/** What turned `before` into `after`; null when nothing did. Seats are compared by identity: the engine copies only what changes. */
export function journalRecord(before: ResultsState, after: ResultsState, seqNo: number, at: number, startBaseline: Baseline): JournalRecord | null {
  if (before === after) return null;
  // A new baseline or a reset rebuilds every seat: one whole record says that more plainly than 650 changes.
  if (after.baseline !== before.baseline || after.seats.size !== before.seats.size || after.receivedAt.size < before.receivedAt.size) {
    return { seq: seqNo, at, kind: 'whole', results: wholeOf(after, startBaseline) };
  }
  return {
    seq: seqNo,
    at,
    kind: 'change',
    seats: changedValues(before.seats, after.seats),
    receivedAt: [...after.receivedAt].filter(([k, v]) => before.receivedAt.get(k) !== v),
    corrections: changedValues(before.corrections, after.corrections),
    withdrawn: [...before.corrections.keys()].filter((k) => !after.corrections.has(k)),
    ...settingsOf(after),
  };
}

export interface Replayed {
  results: ResultsState;
  /** The last record applied (or the snapshot's), so the journal numbers on from it. */
  seq: number;
  applied: number;
  /** Lines passed over, with where and why: damage, never a reason to stop the start. */
  skipped: { line: number; reason: string }[];
}

/** Applies the journal's text to the results it starts from; records at or below `fromSeq` are already in them. */
export function replayJournal(start: ResultsState, fromSeq: number, text: string, startBaseline: Baseline): Replayed {
  let results = start;
  let last = fromSeq;
  let applied = 0;
  const skipped: Replayed['skipped'] = [];
  const lines = text.split('\n');
  // Text after the last newline is a line cut off mid-write (or nothing).
  const torn = lines.pop()!;
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const record = parseRecord(line);
    if ('reason' in record) return void skipped.push({ line: i + 1, reason: record.reason });
    if (record.value.seq <= last) return;
    results = applyRecord(results, record.value, startBaseline);
    last = record.value.seq;
    applied += 1;
  });
  if (torn.trim() !== '') skipped.push({ line: lines.length + 1, reason: `cut off mid-write (${torn.length} characters, no end of line)` });
  return { results, seq: last, applied, skipped };
}

function parseRecord(line: string): { value: JournalRecord } | { reason: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (e) {
    return { reason: `not JSON (${(e as Error).message})` };
  }
  const parsed = journalRecordSchema.safeParse(raw);
  return parsed.success ? { value: parsed.data } : { reason: describeIssues(parsed.error.issues) };
}

function applyRecord(r: ResultsState, record: JournalRecord, startBaseline: Baseline): ResultsState {
  if (record.kind === 'whole') return resultsOf(record.results, startBaseline);
  const put = <V extends SeatResult | number>(map: ReadonlyMap<string, V>, entries: [string, V][]) => (entries.length ? new Map([...map, ...entries]) : map);
  const corrections = new Map(
    put(
      r.corrections,
      record.corrections.map((s) => [s.onsCode, s]),
    ),
  );
  for (const code of record.withdrawn) corrections.delete(code);
  return {
    baseline: r.baseline,
    seats: put(
      r.seats,
      record.seats.map((s) => [s.onsCode, s]),
    ),
    corrections,
    receivedAt: put(r.receivedAt, record.receivedAt),
    ...settingsOf(record),
  };
}
