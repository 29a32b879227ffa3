/**
 * The pure side of the declaration form and the correction alerts: what the operator typed,
 * turned into a seat the engine accepts, plus the live figures shown while typing. The maths is
 * the engine's own (rankSeat, seatMajority, turnoutPercent), so the console can never disagree
 * with what goes to air.
 */
import {
  PARTY_TABLE,
  partyInfo,
  roundTo,
  seatMajority,
  seatResultSchema,
  seatWinner,
  turnoutPercent,
  type Constituency,
  type DeclaredSeat,
  type PartyId,
  type SeatResult,
} from '../main/engine/election';

export interface DraftRow {
  /** Stable key for React, so removing a row never moves typed votes to another party. */
  key: number;
  partyId: PartyId;
  votes: string;
}

export interface Draft {
  onsCode: string;
  electorate: string;
  invalidVotes: string;
  state: 'declared' | 'rush';
  /** Only for a rush: the winner as announced before the figures. */
  rushWinner: PartyId;
  rows: DraftRow[];
}

/** Where a message is shown: a named field, or `row:<key>` beside one party's votes. */
export type FieldErrors = Record<string, string>;

export const DEFAULT_PARTIES: readonly PartyId[] = ['lab', 'con', 'ld', 'reform', 'green'];

let rowKey = 1;
export function newRow(partyId: PartyId, votes = ''): DraftRow {
  return { key: rowKey++, partyId, votes };
}

export function emptyDraft(onsCode = '', parties: readonly PartyId[] = DEFAULT_PARTIES, electorate = ''): Draft {
  return { onsCode, electorate, invalidVotes: '', state: 'declared', rushWinner: parties[0] ?? 'lab', rows: parties.map((p) => newRow(p)) };
}

/** Whole non-negative counts only; spaces and thousands commas as read aloud are allowed. */
export function parseCount(text: string): number | 'empty' | 'invalid' {
  const cleaned = text.replace(/[\s,]/g, '');
  if (cleaned === '') return 'empty';
  if (!/^\d{1,9}$/.test(cleaned)) return 'invalid';
  return Number(cleaned);
}

export interface BuiltSeat {
  seat: SeatResult | null;
  errors: FieldErrors;
}

/**
 * The seat the Declare button would send, checked by the engine's own schema so the console
 * refuses exactly what the engine would refuse. `strict` adds "required" messages, which are
 * only shown once the operator has tried to declare (not while the form is still blank).
 */
export function buildSeat(draft: Draft, revision: number, strict: boolean): BuiltSeat {
  const errors: FieldErrors = {};
  const count = (field: string, text: string, required: boolean): number | undefined => {
    const value = parseCount(text);
    if (value === 'invalid') errors[field] = 'whole number of votes only';
    else if (value === 'empty' && required && strict) errors[field] = 'required';
    return typeof value === 'number' ? value : undefined;
  };
  if (draft.onsCode === '' && strict) errors.onsCode = 'choose a constituency';
  let candidate: unknown;
  if (draft.state === 'rush') {
    candidate = { onsCode: draft.onsCode, revision, state: 'rush', winner: draft.rushWinner };
  } else {
    const electorate = count('electorate', draft.electorate, false);
    const invalidVotes = count('invalidVotes', draft.invalidVotes, false);
    const partyVotes: Record<PartyId, number> = {};
    const seen = new Set<PartyId>();
    for (const row of draft.rows) {
      const votes = count(`row:${row.key}`, row.votes, true);
      if (seen.has(row.partyId)) errors[`row:${row.key}`] = `${partyName(row.partyId)} is listed twice`;
      else if (votes !== undefined) partyVotes[row.partyId] = votes;
      seen.add(row.partyId);
    }
    if (draft.rows.length === 0 && strict) errors.rows = 'add at least one party';
    const validVotes = Object.values(partyVotes).reduce((a, b) => a + b, 0);
    candidate = { onsCode: draft.onsCode, revision, state: 'declared', electorate, invalidVotes, validVotes, partyVotes };
  }
  const parsed = seatResultSchema.safeParse(candidate);
  if (parsed.success) return { seat: Object.keys(errors).length ? null : parsed.data, errors };
  for (const issue of parsed.error.issues) {
    const field = fieldFor(issue.path, draft);
    // Our own messages (typed text, required) are plainer than the schema's; keep them.
    if (field !== 'onsCode' || strict || draft.onsCode !== '') errors[field] ??= issue.message;
  }
  return { seat: null, errors };
}

function fieldFor(path: readonly PropertyKey[], draft: Draft): string {
  const [head, party] = path;
  if (head === 'partyVotes' && typeof party === 'string') {
    const row = draft.rows.find((r) => r.partyId === party);
    if (row) return `row:${row.key}`;
  }
  if (head === 'validVotes') return 'electorate';
  if (head === 'winner') return 'rushWinner';
  return typeof head === 'string' ? head : 'form';
}

export interface LiveFigures {
  validVotes: number;
  winner: PartyId | null;
  tie: boolean;
  majorityVotes: number | null;
  /** Percentages rounded to one decimal, as broadcasters quote them. */
  majorityPercent: number | null;
  turnoutPercent: number | null;
}

/** What the form shows as the operator types; ignores rows that do not parse yet. */
export function liveFigures(draft: Draft): LiveFigures {
  const partyVotes: Record<PartyId, number> = {};
  for (const row of draft.rows) {
    const votes = parseCount(row.votes);
    if (typeof votes === 'number') partyVotes[row.partyId] = (partyVotes[row.partyId] ?? 0) + votes;
  }
  const validVotes = Object.values(partyVotes).reduce((a, b) => a + b, 0);
  const electorate = parseCount(draft.electorate);
  const seat: DeclaredSeat = { onsCode: draft.onsCode, revision: 0, state: 'declared', validVotes, partyVotes };
  const majority = seatMajority(seat);
  const winner = seatWinner(seat) ?? null;
  const turnout = turnoutPercent(validVotes, typeof electorate === 'number' ? electorate : undefined);
  return {
    validVotes,
    winner,
    tie: winner === null && majority !== undefined && majority.votes === 0,
    majorityVotes: majority?.votes ?? null,
    majorityPercent: majority ? roundTo(majority.percent, 1) : null,
    turnoutPercent: turnout === undefined ? null : roundTo(turnout, 1),
  };
}

export function partyName(id: PartyId): string {
  return partyInfo(id)?.name ?? id;
}

export const PARTY_CHOICES = PARTY_TABLE.map((p) => ({ id: p.id, name: p.name }));

/**
 * Type-ahead over the 650 names, best guess first: the name starts with the text ("peter"), then
 * a later word does ("north" finds "Birmingham Northfield"), then anywhere. A full ONS code
 * matches its seat, for operators reading codes off a feed.
 */
export function searchConstituencies(list: readonly Constituency[], query: string, limit = 8): Constituency[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  const rank = (c: Constituency): number => {
    const name = c.name.toLowerCase();
    if (c.onsCode.toLowerCase() === q || name.startsWith(q)) return 0;
    if (name.split(/[\s,-]+/).some((w) => w.startsWith(q))) return 1;
    return name.includes(q) ? 2 : 3;
  };
  return list
    .map((c) => ({ c, r: rank(c) }))
    .filter((x) => x.r < 3)
    .sort((a, b) => a.r - b.r || a.c.name.localeCompare(b.c.name))
    .slice(0, limit)
    .map((x) => x.c);
}

/** HH:MM:SS on this machine's clock, as the status bar's clock shows it. */
export function formatClock(ms: number): string {
  const d = new Date(ms);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

const count = (n: number | undefined): string => (n === undefined ? '—' : n.toLocaleString('en-GB'));

export interface Change {
  label: string;
  from: string;
  to: string;
  /** A change of winner is the one that changes the graphics: shown loudest. */
  major: boolean;
}

function majorityText(seat: SeatResult): string {
  const m = seat.state === 'declared' ? seatMajority(seat) : undefined;
  return m === undefined ? '—' : `${count(m.votes)} (${roundTo(m.percent, 1).toFixed(1)}%)`;
}

function turnoutText(seat: SeatResult): string {
  const t = seat.state === 'declared' ? turnoutPercent(seat.validVotes, seat.electorate) : undefined;
  return t === undefined ? '—' : `${roundTo(t, 1).toFixed(1)}%`;
}

/** What accepting a correction would change, field by field; unchanged figures are left out. */
export function describeCorrection(current: SeatResult, proposed: SeatResult): Change[] {
  const changes: Change[] = [];
  const push = (label: string, from: string, to: string, major = false) => {
    if (from !== to) changes.push({ label, from, to, major });
  };
  push('State', current.state, proposed.state);
  const winner = (s: SeatResult) => {
    const w = seatWinner(s);
    return w === undefined ? '—' : partyName(w);
  };
  push('Winner', winner(current), winner(proposed), true);
  const votesOf = (s: SeatResult): Record<PartyId, number> => (s.state === 'declared' ? s.partyVotes : {});
  const before = votesOf(current);
  const after = votesOf(proposed);
  for (const party of new Set([...Object.keys(before), ...Object.keys(after)])) {
    push(partyName(party), count(before[party]), count(after[party]));
  }
  push('Majority', majorityText(current), majorityText(proposed));
  push('Turnout', turnoutText(current), turnoutText(proposed));
  const field = (s: SeatResult, key: 'electorate' | 'invalidVotes') => count(s.state === 'declared' ? s[key] : undefined);
  push('Electorate', field(current, 'electorate'), field(proposed, 'electorate'));
  push('Invalid votes', field(current, 'invalidVotes'), field(proposed, 'invalidVotes'));
  return changes;
}

export interface DeclareOutcome {
  tone: 'ok' | 'warn' | 'error';
  text: string;
}

/** The engine's verdict on one declared seat, from the counts in the command result's detail. */
export function describeDeclareOutcome(detail: Record<string, unknown> | undefined, seatName: string): DeclareOutcome {
  const n = (key: string): number => (typeof detail?.[key] === 'number' ? (detail[key] as number) : 0);
  if (n('applied') > 0) return { tone: 'ok', text: `${seatName} declared: now in the results.` };
  if (n('correction') > 0) {
    return { tone: 'warn', text: `${seatName} was already declared: this is waiting as a correction. Accept it under Corrections to apply it.` };
  }
  if (n('unchanged') > 0) return { tone: 'warn', text: `${seatName}: identical to the result already held; nothing changed.` };
  if (n('stale') > 0) return { tone: 'error', text: `${seatName}: stale. The engine holds a newer revision; nothing changed.` };
  if (n('unknown-seat') > 0) return { tone: 'error', text: `${seatName}: not a seat in the baseline; nothing changed.` };
  return { tone: 'error', text: `${seatName}: the engine did not say what happened; check the results.` };
}
