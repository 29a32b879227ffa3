import { z } from 'zod';
import type { Engine } from '../engine/engine';
import type { AsRunEntry } from '../engine/protocol';
import { ok, route, type Route } from './route-table';

/** A night's as-run is a few thousand lines; past this the oldest go (the JSONL file keeps them all). */
export const AS_RUN_MEMORY_LIMIT = 20_000;

/**
 * This session's as-run entries, kept in memory from the moment the server
 * starts, so a console that (re)loads can show what went to air before it
 * arrived. The as-run JSONL file stays the record of the whole night.
 */
export class AsRunMemory {
  private readonly entries: AsRunEntry[] = [];
  private dropped = 0;
  private readonly unsubscribe: () => void;

  constructor(
    engine: Engine,
    private readonly limit = AS_RUN_MEMORY_LIMIT,
  ) {
    this.unsubscribe = engine.subscribe((event) => {
      if (event.type !== 'as-run') return;
      this.entries.push(event.data);
      if (this.entries.length > this.limit) {
        this.entries.shift();
        this.dropped += 1;
      }
    });
  }

  /** The newest `limit` entries, oldest first. */
  latest(limit: number): { entries: AsRunEntry[]; total: number; dropped: number } {
    return { entries: this.entries.slice(-limit), total: this.entries.length + this.dropped, dropped: this.dropped };
  }

  close(): void {
    this.unsubscribe();
  }
}

const querySchema = z.strictObject({
  limit: z.coerce.number().int('limit must be a whole number').min(1).max(AS_RUN_MEMORY_LIMIT).optional(),
});

/** GET /api/as-run[?limit=N]: the newest N entries this session, oldest first. */
export function asRunRoutes(memory: AsRunMemory): Route[] {
  return [
    route({
      method: 'GET',
      path: '/api/as-run',
      access: 'watch',
      query: querySchema,
      handle: ({ query }) => ok(memory.latest(query.limit ?? AS_RUN_MEMORY_LIMIT)),
    }),
  ];
}
