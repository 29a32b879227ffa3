import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import type { Engine } from '../engine/engine';
import { fail, type StraplineError } from '../engine/errors';
import { seatView } from '../engine/results-view';
import { IMPORT_FORMATS, importApplies, importPaXml, importResults, type ImportFormat, type ImportOutcome } from '../engine/import';
import type { BaselineSeat, Constituency, SeatResult } from '../engine/election';
import type { Command, CommandResult } from '../engine/protocol';
import { MAX_BODY_BYTES, readTextBody } from './http-util';
import type { BigInput } from './big-input';
import { feedStateOfParties, holdStateOfParties } from './pa-feed';
import { Rehearsal } from './rehearsal';
import { ok, route, type Answer, type Route } from './route-table';

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
  checkImport?: (
    outcome: ImportOutcome<SeatResult | BaselineSeat>,
    format: ImportFormat,
  ) => { outcome: ImportOutcome<SeatResult | BaselineSeat> } | { error: StraplineError };
}

const rehearsalRequest = z.discriminatedUnion('action', [
  // mark: the outputs' REHEARSAL mark; on unless the request says false.
  z.strictObject({ action: z.literal('start'), durationSeconds: z.number().min(5).max(36_000).default(600), mark: z.boolean().default(true) }),
  z.strictObject({ action: z.literal('stop') }),
]);

async function rehearse(request: z.infer<typeof rehearsalRequest>, ctx: ResultsApiContext): Promise<Answer> {
  if (request.action === 'stop') {
    ctx.rehearsal.stop();
    return ok(ctx.rehearsal.status());
  }
  // A results file of ours that cannot be read is our fault (500), not the caller's; thrown, the dispatcher says so.
  const seats = ctx.replaySeats ? await ctx.replaySeats() : await Rehearsal.fromFile(ctx.rehearsalSource);
  try {
    ctx.rehearsal.start(seats, request.durationSeconds, request.mark);
  } catch (e) {
    return { error: fail('REHEARSAL_REFUSED', `/api/rehearsal: ${(e as Error).message}`) };
  }
  return ok(ctx.rehearsal.status());
}

const MAX_IMPORT_BYTES = 20 * MAX_BODY_BYTES;

/** The command an import's rows make; null when there is nothing to apply. */
function importCommand(outcome: ImportOutcome<SeatResult | BaselineSeat>, format: ImportFormat): Command | null {
  if (outcome.report.applied === 'nothing' || outcome.rows.length === 0) return null;
  if (importApplies(format) === 'set-baseline') return { type: 'set-baseline', seats: outcome.rows as BaselineSeat[] };
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

const importQuery = z.object({
  format: z.enum(IMPORT_FORMATS, { error: (issue) => `format must be one of ${IMPORT_FORMATS.join(', ')}; got "${String(issue.input ?? '')}"` }),
  name: z.string().max(4096).optional(),
  apply: z.string().optional(),
});
const resultsQuery = importQuery.omit({ format: true });

/**
 * A declaration (POST /api/results: one seat or a results file, read here, 1 MiB at most, so it
 * never waits behind a big import) or an import (streamed into the worker as it arrives).
 * Answered once the declaration is in the results journal, on disk (Engine.commit).
 */
type DeclareCall = { req: IncomingMessage; query: z.infer<typeof resultsQuery> };

async function declare(ctx: ResultsApiContext, call: DeclareCall, format: ImportFormat | null): Promise<Answer> {
  const isImport = format !== null;
  const as = format ?? 'strapline-json';
  const fileName = call.query.name ?? (isImport ? `import.${as.endsWith('json') ? 'json' : as === 'pa-xml' ? 'xml' : 'csv'}` : 'POST /api/results');
  const applyValidRows = call.query.apply === 'valid-rows';
  if (as === 'pa-xml') return declarePa(ctx, call, fileName);
  const read = isImport
    ? await ctx.bigInput.importBody(call.req, MAX_IMPORT_BYTES, { fileName, format: as, applyValidRows })
    : await readTextBody(call.req, MAX_BODY_BYTES).then((body) =>
        'error' in body ? body : { outcome: importResults(asResultsFile(body.text), fileName, as, { applyValidRows }) },
      );
  if ('error' in read) return read;
  return applyChecked(ctx, read.outcome, as);
}

/**
 * A PA file is one seat or one state of parties (kilobytes), read here within the 1 MiB body
 * cap rather than in the worker, because its seats join to ONS codes through the loaded
 * election's PA numbers, which the engine holds.
 */
async function declarePa(ctx: ResultsApiContext, call: DeclareCall, fileName: string): Promise<Answer> {
  const body = await readTextBody(call.req, MAX_BODY_BYTES);
  if ('error' in body) return body;
  const outcome = importPaXml(body.text, fileName, { paNumbers: ctx.engine.paNumbers(), applyValidRows: call.query.apply === 'valid-rows' });
  if (outcome.stateOfParties === undefined || outcome.report.applied === 'nothing') return applyChecked(ctx, outcome, 'pa-xml');
  const held = holdStateOfParties(ctx.engine, outcome.stateOfParties, Date.now());
  const report = held ? outcome.report : { ...outcome.report, summary: `${fileName}: an older revision than the state of parties held; kept the newer one` };
  return ok({ report, feedStateOfParties: feedStateOfParties(ctx.engine) });
}

async function applyChecked(ctx: ResultsApiContext, read: ImportOutcome<SeatResult | BaselineSeat>, as: ImportFormat): Promise<Answer> {
  const checked = ctx.checkImport ? ctx.checkImport(read, as) : { outcome: read };
  if ('error' in checked) return { error: checked.error, extra: { report: read.report } };
  const { outcome } = checked;
  // Answered once the declaration is in the results journal, on disk (Engine.commit).
  const command = importCommand(outcome, as);
  const applied = command && (await ctx.engine.commit(command));
  if (applied && !applied.ok) return { error: applied.error };
  const written = applied?.ok
    ? { detail: applied.detail ?? null, resultsRevision: applied.resultsRevision, ...(applied.unsaved ? { unsaved: applied.unsaved } : {}) }
    : {};
  const payload = { report: outcome.report, ...written };
  return outcome.report.applied === 'nothing' ? { error: fail('INVALID_IMPORT', outcome.report.summary), extra: payload } : ok(payload);
}

export function resultsRoutes(ctx: ResultsApiContext): Route[] {
  const { engine } = ctx;
  return [
    route({ method: 'GET', path: '/api/rehearsal', access: 'watch', handle: () => ok(ctx.rehearsal.status()) }),
    route({ method: 'POST', path: '/api/rehearsal', access: 'control', body: rehearsalRequest, handle: ({ body }) => rehearse(body, ctx) }),
    route({
      method: 'GET',
      path: '/api/results',
      access: 'watch',
      handle: () => {
        const results = engine.resultsState();
        return ok({
          ...engine.resultsSnapshot(),
          seats: [...results.seats.values()].map((s) => seatView(results, s)),
          feedStateOfParties: feedStateOfParties(engine),
        });
      },
    }),
    route({ method: 'GET', path: '/api/constituencies', access: 'watch', handle: () => ok({ constituencies: ctx.constituencies }) }),
    route({ method: 'POST', path: '/api/results', access: 'control', body: 'stream', query: resultsQuery, handle: (call) => declare(ctx, call, null) }),
    // The format is checked before a byte of the body is read.
    route({
      method: 'POST',
      path: '/api/import',
      access: 'control',
      body: 'stream',
      query: importQuery,
      handle: (call) => declare(ctx, call, call.query.format),
    }),
  ];
}
