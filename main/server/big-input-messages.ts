import { z } from 'zod';
import type { StraplineError } from '../engine/errors';
import { IMPORT_FORMATS, type ImportOutcome } from '../engine/import';
import type { BaselineSeat, SeatResult } from '../engine/election';
import type { Cue, Show } from '../engine/show';
import type { ScannedTemplate } from '../templates/outside/scanned';

/**
 * What the server and its big-input worker (main/server/big-input-worker.ts) say
 * to each other. Envelopes are checked on both sides; the payloads the worker
 * sends back (seats, a show) are the output of the engine's own schemas run in
 * the worker, so they are not parsed a second time: that second parse is the
 * very work the worker exists to keep off the event loop.
 */

const jobId = z.number().int().min(0);

export const toWorkerSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('import-start'), id: jobId, fileName: z.string().max(4096), format: z.enum(IMPORT_FORMATS), applyValidRows: z.boolean() }),
  z.strictObject({ type: z.literal('import-chunk'), id: jobId, bytes: z.instanceof(Uint8Array) }),
  z.strictObject({ type: z.literal('import-end'), id: jobId }),
  z.strictObject({ type: z.literal('import-abort'), id: jobId }),
  /**
   * keep false: only whether it reads as a show, and its name (Save checks its target so).
   * outside: the registry's outside templates, so a show holding their cues is checked as the engine checks it.
   */
  z.strictObject({
    type: z.literal('read-show'),
    id: jobId,
    file: z.string().min(1).max(4096),
    keep: z.boolean(),
    outside: z.array(z.custom<ScannedTemplate>((v) => typeof v === 'object' && v !== null && typeof (v as ScannedTemplate).id === 'string')),
  }),
]);
export type ToWorker = z.infer<typeof toWorkerSchema>;

/** A show sent back in slices, so the server never takes in 40 MB in one piece. */
export interface ShowOutline {
  head: Omit<Show, 'stacks'>;
  stacks: { id: string; name: string; cueCount: number }[];
}
/** One slice: some of one stack's cues, in order (v8-serialized, transferred). */
export interface ShowPart {
  stack: number;
  cues: Cue[];
}

const errorSchema = z.custom<StraplineError>((v) => typeof v === 'object' && v !== null && typeof (v as StraplineError).message === 'string');
const objectOf = <T>() => z.custom<T>((v) => typeof v === 'object' && v !== null);

export const fromWorkerSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('import-done'), id: jobId, outcome: objectOf<ImportOutcome<SeatResult | BaselineSeat>>() }),
  z.strictObject({
    type: z.literal('show-read'),
    id: jobId,
    name: z.string(),
    fromVersion: z.number().int(),
    outline: objectOf<ShowOutline>().nullable(),
    parts: z.array(z.instanceof(ArrayBuffer)),
  }),
  /** The input was refused: what was wrong, and where. */
  z.strictObject({ type: z.literal('refused'), id: jobId, error: errorSchema }),
  /** The job threw: a fault of ours, reported as one, never a refusal of the input. */
  z.strictObject({ type: z.literal('failed'), id: jobId, message: z.string() }),
]);
export type FromWorker = z.infer<typeof fromWorkerSchema>;
