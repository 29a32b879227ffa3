import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Engine } from '../engine/engine';
import { fail, type StraplineError } from '../engine/errors';
import { seatView } from '../engine/results-view';
import { importResults, type ImportFormat, type ImportOutcome } from '../engine/import';
import type { BaselineSeat, Constituency, SeatResult } from '../engine/election';
import type { Command, CommandResult } from '../engine/protocol';
import { MAX_BODY_BYTES, readJsonBody, readTextBody, sendError, sendJson } from './http-util';
import type { BigInput } from './big-input';
import { IMPORT_FORMATS } from './big-input-messages';
import { z } from 'zod';
import { describeIssues } from '../engine/errors';
import { Rehearsal } from './rehearsal';

export interface ResultsApiContext {
  engine: Engine;
  constituencies: readonly Constituency[];
  rehearsal: Rehearsal;
  /** The results file a rehearsal replays. */
  rehearsalSource: string;
  /** Where imports are parsed and validated: off the event loop that drives the air. */
  bigInput: BigInput;
  /** The loaded election's night to replay (main/server/election-session.ts); without it, rehearsalSource. */
  replaySeats?: () => Promise<SeatResult[]>;
  /** An import checked against the loaded election before it is applied (other boundaries refused whole, candidates joined). */
  checkImport?: (outcome: ImportOutcome<SeatResult | BaselineSeat>, format: ImportFormat) => { outcome: ImportOutcome<SeatResult | BaselineSeat> } | { error: StraplineError };
}

const rehearsalRequest = z.discriminatedUnion('action', [
  // mark: the outputs' REHEARSAL mark; on unless the request says false.
  z.strictObject({ action: z.literal('start'), durationSeconds: z.number().min(5).max(36_000).default(600), mark: z.boolean().default(true) }),
  z.strictObject({ action: z.literal('stop') }),
]);

async function handleRehearsal(req: IncomingMessage, res: ServerResponse, ctx: ResultsApiContext): Promise<void> {
  if (req.method === 'GET') return sendJson(res, 200, ctx.rehearsal.status());
  const body = await readJsonBody(req);
  if ('error' in body) return sendError(res, body.status, body.error);
  const parsed = rehearsalRequest.safeParse(body.value);
  if (!parsed.success) return sendError(res, 400, fail('INVALID_REQUEST', `/api/rehearsal: ${describeIssues(parsed.error.issues)}`));
  try {
    if (parsed.data.action === 'stop') ctx.rehearsal.stop();
    else ctx.rehearsal.start(ctx.replaySeats ? await ctx.replaySeats() : await Rehearsal.fromFile(ctx.rehearsalSource), parsed.data.durationSeconds, parsed.data.mark);
  } catch (e) {
    return sendError(res, 400, fail('INVALID_REQUEST', `/api/rehearsal: ${(e as Error).message}`));
  }
  sendJson(res, 200, ctx.rehearsal.status());
}

const FORMATS: readonly ImportFormat[] = IMPORT_FORMATS;
const MAX_IMPORT_BYTES = 20 * MAX_BODY_BYTES;

/** The command an import's rows make; null when there is nothing to apply. */
function importCommand(outcome: ImportOutcome<SeatResult | BaselineSeat>, format: ImportFormat): Command | null {
  if (outcome.report.applied === 'nothing' || outcome.rows.length === 0) return null;
  if (format === 'notional' || format === 'strapline-baseline-json') return { type: 'set-baseline', seats: outcome.rows as BaselineSeat[] };
  return { type: 'declare-results', source: outcome.report.file, seats: outcome.rows as SeatResult[] };
}

/** Applies what an import produced, through the engine's command map like any other input. */
export function applyImport(engine: Engine, outcome: ImportOutcome<SeatResult | BaselineSeat>, format: ImportFormat): CommandResult | null {
  const command = importCommand(outcome, format);
  return command && engine.dispatch(command);
}

/** A bare seat is wrapped as a one-seat results file, so both shapes take the same path. */
export function asResultsFile(text: string): string {
  try {
    const value = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value) && 'onsCode' in value) {
      return JSON.stringify({ format: 'strapline-results', version: 1, election: 'live', seats: [value] });
    }
  } catch {
    /* the importer reports the syntax error with its place */
  }
  return text;
}

export async function handleResultsApi(req: IncomingMessage, res: ServerResponse, url: URL, ctx: ResultsApiContext): Promise<boolean> {
  const { engine, constituencies } = ctx;
  const route = `${req.method} ${url.pathname}`;
  if (url.pathname === '/api/rehearsal' && (req.method === 'GET' || req.method === 'POST')) {
    await handleRehearsal(req, res, ctx);
    return true;
  }
  if (route === 'GET /api/results') {
    const results = engine.resultsState();
    sendJson(res, 200, { ...engine.resultsSnapshot(), seats: [...results.seats.values()].map((s) => seatView(results, s)) });
    return true;
  }
  if (route === 'GET /api/constituencies') {
    sendJson(res, 200, { constituencies });
    return true;
  }
  if (route !== 'POST /api/results' && route !== 'POST /api/import') return false;

  const isImport = url.pathname === '/api/import';
  const format = (isImport ? url.searchParams.get('format') : 'strapline-json') as ImportFormat;
  if (!FORMATS.includes(format)) {
    sendError(res, 400, fail('INVALID_REQUEST', `format must be one of ${FORMATS.join(', ')}; got "${url.searchParams.get('format') ?? ''}"`));
    return true;
  }
  const fileName = url.searchParams.get('name') ?? (isImport ? `import.${format.endsWith('json') ? 'json' : 'csv'}` : 'POST /api/results');
  const applyValidRows = url.searchParams.get('apply') === 'valid-rows';
  // A live declaration (1 MiB at most) is read here, so it never waits behind a big import in the worker.
  const read = isImport
    ? await ctx.bigInput.importBody(req, MAX_IMPORT_BYTES, { fileName, format, applyValidRows })
    : await readTextBody(req, MAX_BODY_BYTES).then((body) => ('error' in body ? body : { outcome: importResults(asResultsFile(body.text), fileName, format, { applyValidRows }) }));
  if ('error' in read) {
    sendError(res, read.status, read.error);
    return true;
  }
  const checked = ctx.checkImport ? ctx.checkImport(read.outcome, format) : { outcome: read.outcome };
  if ('error' in checked) {
    sendJson(res, 400, { error: checked.error, report: read.outcome.report });
    return true;
  }
  const { outcome } = checked;
  // Answered once the declaration is in the results journal, on disk (Engine.commit).
  const command = importCommand(outcome, format);
  const applied = command && (await engine.commit(command));
  if (applied && !applied.ok) {
    sendError(res, 400, applied.error);
    return true;
  }
  const status = outcome.report.applied === 'nothing' ? 400 : 200;
  const written = applied?.ok ? { detail: applied.detail ?? null, resultsRevision: applied.resultsRevision, ...(applied.unsaved ? { unsaved: applied.unsaved } : {}) } : {};
  const payload = { report: outcome.report, ...written };
  if (status === 400) sendJson(res, 400, { error: { ...fail('INVALID_IMPORT', outcome.report.summary) }, ...payload });
  else sendJson(res, 200, payload);
  return true;
}
