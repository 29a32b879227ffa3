import { z } from 'zod';

// What the module reads of Strapline's snapshot stream (/ws; main/engine/protocol.ts is the whole contract). The module
// is its own package, so it keeps its own narrow schemas: only the fields it uses, every one checked, the rest ignored.

/** Strapline's layers; test/unit/companion/companion-state.test.ts holds this to the engine's own list. */
export const LAYERS = ['fullscreen', 'lower-third', 'ticker', 'bug'] as const;
export type Layer = (typeof LAYERS)[number];
export const layerSchema = z.enum(LAYERS);

const onAirSchema = z.object({
  takeId: z.number(),
  cueId: z.string(),
  title: z.string(),
  step: z.number().int(),
  steps: z.number().int(),
});
export type OnAir = z.infer<typeof onAirSchema>;

const programSchema = z.object({
  revision: z.number(),
  program: z.partialRecord(layerSchema, onAirSchema),
  preview: z.object({ cueId: z.string(), layer: layerSchema }).nullable(),
});
export type Program = z.infer<typeof programSchema>;

const cueSchema = z.object({ id: z.string(), title: z.string(), layer: layerSchema });
const stackSchema = z.object({ id: z.string(), name: z.string(), cues: z.array(cueSchema) });
export type Stack = z.infer<typeof stackSchema>;
const showSnapshotSchema = z.object({ showRevision: z.number(), show: z.object({ name: z.string(), stacks: z.array(stackSchema) }) });
export type ShowSummary = z.infer<typeof showSnapshotSchema>['show'];

const resultsSnapshotSchema = z.object({
  resultsRevision: z.number(),
  totals: z.object({ declared: z.number().int(), seatCount: z.number().int() }),
  corrections: z.array(z.object({ onsCode: z.string() })),
});
export type ResultsSummary = z.infer<typeof resultsSnapshotSchema>;

/** The messages the module acts on; everything else the stream carries (as-run, outputs, drop, storage) is not its business. */
export type StreamMessage =
  { type: 'program'; data: Program } | { type: 'show'; data: z.infer<typeof showSnapshotSchema> } | { type: 'results'; data: ResultsSummary };

const schemas = { program: programSchema, show: showSnapshotSchema, results: resultsSnapshotSchema } as const;

/** A frame of the stream: a message the module uses, null for one it ignores, or an error saying what was wrong where. */
export function parseStreamMessage(raw: string): { ok: true; message: StreamMessage | null } | { ok: false; error: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { ok: false, error: 'a message from Strapline is not JSON' };
  }
  const type = typeof parsed === 'object' && parsed !== null && 'type' in parsed ? parsed.type : undefined;
  if (type !== 'program' && type !== 'show' && type !== 'results') return { ok: true, message: null };
  const data = schemas[type].safeParse((parsed as { data?: unknown }).data);
  if (!data.success) {
    const where = data.error.issues.map((i) => `${i.path.join('.') || '(data)'}: ${i.message}`).join('; ');
    return { ok: false, error: `Strapline's "${type}" message was refused: ${where}` };
  }
  return { ok: true, message: { type, data: data.data } as StreamMessage };
}

/** The answer to POST /api/command: the engine's CommandResult, or the route's `{error}` (with a 4xx status). */
export const commandAnswerSchema = z.union([
  z.object({ ok: z.literal(true), revision: z.number() }),
  z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
]);
