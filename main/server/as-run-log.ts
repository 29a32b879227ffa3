import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Engine } from '../engine/engine';

/**
 * Appends every on-air change to a file, one JSON object a line. Writes are
 * chained so lines land in order, and never block the take path.
 */
export function attachAsRunLog(engine: Engine, file: string, onError: (e: Error) => void): () => void {
  let chain: Promise<void> = mkdir(path.dirname(file), { recursive: true }).then(() => undefined);
  const unsubscribe = engine.subscribe((event) => {
    if (event.type !== 'as-run') return;
    const line = JSON.stringify(event.data) + '\n';
    chain = chain.then(() => appendFile(file, line, 'utf8')).catch(onError);
  });
  return unsubscribe;
}
