import { parentPort } from 'node:worker_threads';
import { serialize } from 'node:v8';
import { importResults } from '../engine/import';
import { describeIssues } from '../engine/errors';
import type { Show } from '../engine/show';
import { TEMPLATE_DEFINITIONS } from '../templates/definitions';
import { TemplateRegistry } from '../templates/registry';
import { readShowFile } from './show-file';
import { toWorkerSchema, type FromWorker, type ShowOutline, type ShowPart, type ToWorker } from './big-input-messages';

/**
 * The big-input worker: a thread of its own that parses and validates what is
 * too big to parse on the event loop that drives the air (an import up to
 * 20 MiB, a show file up to 50 MiB), with the engine's own pure importers and
 * show schema. The server (main/server/big-input.ts) applies the result with
 * one command. Jobs run one at a time, in the order they are complete.
 */

/** Cues a slice: about 150 KB of show, a millisecond or two for the server to take in. */
export const CUES_PER_PART = 400;

const port = parentPort;
if (!port) throw new Error('big-input-worker runs as a worker thread (main/server/big-input.ts starts it)');

const uploads = new Map<number, { start: Extract<ToWorker, { type: 'import-start' }>; chunks: Uint8Array[] }>();

function reply(message: FromWorker, transfer: ArrayBuffer[] = []): void {
  port!.postMessage(message, transfer);
}

/** Slices a checked show for the trip back; each part is its own buffer, moved, not copied. */
function sliceShow(show: Show): { outline: ShowOutline; parts: ArrayBuffer[] } {
  const { stacks, ...head } = show;
  const parts: ArrayBuffer[] = [];
  stacks.forEach((stack, index) => {
    for (let from = 0; from < stack.cues.length; from += CUES_PER_PART) {
      const part: ShowPart = { stack: index, cues: stack.cues.slice(from, from + CUES_PER_PART) };
      const bytes = serialize(part);
      parts.push(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    }
  });
  return { outline: { head, stacks: stacks.map((s) => ({ id: s.id, name: s.name, cueCount: s.cues.length })) }, parts };
}

async function run(message: ToWorker): Promise<void> {
  switch (message.type) {
    case 'import-start':
      uploads.set(message.id, { start: message, chunks: [] });
      return;
    case 'import-chunk':
      uploads.get(message.id)?.chunks.push(message.bytes);
      return;
    case 'import-abort':
      uploads.delete(message.id);
      return;
    case 'import-end': {
      const upload = uploads.get(message.id);
      uploads.delete(message.id);
      if (!upload) return reply({ type: 'failed', id: message.id, message: `import ${message.id} ended before it started` });
      // Decoded as the server decoded bodies on its own thread (UTF-8, bad bytes replaced).
      const text = Buffer.concat(upload.chunks).toString('utf8');
      const { fileName, format, applyValidRows } = upload.start;
      return reply({ type: 'import-done', id: message.id, outcome: importResults(text, fileName, format, { applyValidRows }) });
    }
    case 'read-show': {
      // The built-ins and the server's outside templates as it has them now: the same table the engine checks against.
      const templates = new TemplateRegistry(TEMPLATE_DEFINITIONS);
      templates.put(message.outside);
      const read = await readShowFile(message.file, templates);
      if ('error' in read) return reply({ type: 'refused', id: message.id, error: read.error });
      if (!message.keep) return reply({ type: 'show-read', id: message.id, name: read.show.name, fromVersion: read.fromVersion, outline: null, parts: [] });
      const { outline, parts } = sliceShow(read.show);
      return reply({ type: 'show-read', id: message.id, name: read.show.name, fromVersion: read.fromVersion, outline, parts }, parts);
    }
  }
}

port.on('message', (raw: unknown) => {
  const message = toWorkerSchema.safeParse(raw);
  if (!message.success) {
    const id = typeof (raw as { id?: unknown })?.id === 'number' ? (raw as { id: number }).id : 0;
    return reply({ type: 'failed', id, message: `big-input worker: bad message: ${describeIssues(message.error.issues)}` });
  }
  run(message.data).catch((e: unknown) => reply({ type: 'failed', id: message.data.id, message: (e as Error).stack ?? String(e) }));
});
