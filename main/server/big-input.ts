import { Worker, type ResourceLimits } from 'node:worker_threads';
import { deserialize } from 'node:v8';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { IncomingMessage } from 'node:http';
import { fail, type StraplineError } from '../engine/errors';
import type { ImportFormat, ImportOutcome } from '../engine/import';
import type { BaselineSeat, SeatResult } from '../engine/election';
import type { Show } from '../engine/show';
import type { ScannedTemplate } from '../templates/outside/scanned';
import { fromWorkerSchema, type FromWorker, type ShowOutline, type ShowPart, type ToWorker } from './big-input-messages';

type Answer = Exclude<FromWorker, { type: 'failed' }>;
type Failure = { error: StraplineError };

/**
 * The server's side of the big-input worker (main/server/big-input-worker.ts):
 * imports and show files are parsed and validated there, so a take lands on
 * time while a 20 MiB import or a 40 MB show is read. One long-lived worker,
 * started at the first job; if it dies (a crash, out of memory), every job it
 * held is answered with an error, the server carries on, and the next job
 * starts a new one.
 */
export class BigInput {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, (answer: Answer | Failure) => void>();

  constructor(private readonly options: { resourceLimits?: ResourceLimits } = {}) {}

  /**
   * Streams a request body into the worker as it arrives (the cap as readTextBody keeps it),
   * then waits for the import's outcome. Nothing is applied here.
   */
  async importBody(
    req: IncomingMessage,
    maxBytes: number,
    job: { fileName: string; format: ImportFormat; applyValidRows: boolean },
  ): Promise<{ outcome: ImportOutcome<SeatResult | BaselineSeat> } | Failure> {
    const { id, answer } = this.start({ type: 'import-start', id: 0, ...job });
    const drop = () => {
      this.waiting.delete(id);
      this.post({ type: 'import-abort', id });
    };
    let size = 0;
    try {
      for await (const chunk of req) {
        size += (chunk as Buffer).length;
        if (size > maxBytes) {
          req.resume();
          drop();
          return { error: fail('PAYLOAD_TOO_LARGE', `Request body is over ${maxBytes} bytes`) };
        }
        // A copy of its own, moved to the worker: a socket's chunk may share its memory with others.
        const bytes = new Uint8Array(chunk as Buffer);
        this.post({ type: 'import-chunk', id, bytes }, [bytes.buffer as ArrayBuffer]);
      }
    } catch (e) {
      // The client went away mid-upload: the worker lets go of what it had.
      drop();
      throw e;
    }
    this.post({ type: 'import-end', id });
    const done = await answer;
    if ('error' in done) return { error: done.error };
    return done.type === 'import-done' ? { outcome: done.outcome } : { error: unexpected(done.type) };
  }

  /** Reads, migrates and checks a show file against the built-ins and `outside` (the registry's); `keep: false` only checks it (and gives its name). */
  async readShow(file: string, outside: readonly ScannedTemplate[], keep = true): Promise<{ show: Show | null; name: string; fromVersion: number } | Failure> {
    const done = await this.start({ type: 'read-show', id: 0, file, keep, outside: [...outside] }).answer;
    // A refusal (what was wrong, and where) or a failure of the worker's own.
    if ('error' in done) return { error: done.error };
    if (done.type !== 'show-read') return { error: unexpected(done.type) };
    return { show: done.outline && (await assemble(done.outline, done.parts)), name: done.name, fromVersion: done.fromVersion };
  }

  /** Ends the worker; a later job starts another. */
  async stop(): Promise<void> {
    await this.worker?.terminate();
  }

  private start(message: ToWorker): { id: number; answer: Promise<Answer | Failure> } {
    const id = this.nextId++;
    const answer = new Promise<Answer | Failure>((resolve) => this.waiting.set(id, resolve));
    this.post({ ...message, id });
    return { id, answer };
  }

  private post(message: ToWorker, transfer: ArrayBuffer[] = []): void {
    (this.worker ??= this.spawn()).postMessage(message, transfer);
  }

  private spawn(): Worker {
    const fromSource = import.meta.url.endsWith('.ts');
    // Built, the worker is its own entry beside the app's (electron.vite.config.ts); from source it goes through tsx.
    const worker = fromSource
      ? new Worker(new URL('./big-input-boot.mjs', import.meta.url), {
          workerData: { entry: new URL('./big-input-worker.ts', import.meta.url).href },
          resourceLimits: this.options.resourceLimits,
        })
      : new Worker(new URL('./big-input-worker.js', import.meta.url), { resourceLimits: this.options.resourceLimits });
    // Never what keeps a stopping server alive.
    worker.unref();
    let fault = '';
    worker.on('message', (raw: unknown) => {
      const message = fromWorkerSchema.safeParse(raw);
      if (!message.success) return console.error(`big-input worker sent something unreadable: ${String((raw as { type?: unknown })?.type)}`);
      const resolve = this.waiting.get(message.data.id);
      this.waiting.delete(message.data.id);
      if (message.data.type === 'failed') console.error(`big-input worker: ${message.data.message}`);
      resolve?.(message.data.type === 'failed' ? { error: internal(message.data.message.split('\n')[0]!) } : message.data);
    });
    worker.on('error', (e) => {
      fault = e.message;
      console.error(`big-input worker crashed: ${e.stack ?? e.message}`);
    });
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = null;
      const error = internal(`the worker reading big input stopped (exit code ${code}${fault ? `: ${fault}` : ''}); nothing was changed`);
      for (const resolve of this.waiting.values()) resolve({ error });
      this.waiting.clear();
    });
    return worker;
  }
}

/** One for the process, started at its first job: servers that share a process (tests) share its start-up cost. */
export const PROCESS_BIG_INPUT = new BigInput();

function internal(message: string): StraplineError {
  return fail('INTERNAL_ERROR', `Internal error: ${message}`);
}

function unexpected(type: string): StraplineError {
  return internal(`the big-input worker answered with "${type}"`);
}

/** Puts the show back together a slice per turn of the event loop, so a take waits a slice at most. */
async function assemble(outline: ShowOutline, parts: ArrayBuffer[]): Promise<Show> {
  const stacks = outline.stacks.map((s) => ({ id: s.id, name: s.name, cues: [] as Show['stacks'][number]['cues'] }));
  for (const bytes of parts) {
    await nextTurn();
    const part = deserialize(new Uint8Array(bytes)) as ShowPart;
    stacks[part.stack]!.cues.push(...part.cues);
  }
  return { ...outline.head, stacks };
}
