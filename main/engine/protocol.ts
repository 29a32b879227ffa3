import { z } from 'zod';
import { playoutCommandSchemas } from './playout-commands';
import { showCommandSchemas } from './show-commands';
import { resultsCommandSchemas } from './results-commands';
import type { StraplineError } from './errors';
import type { AsRunEntry } from './protocol-on-air';
import type { CommandResult, ProgramSnapshot, ResultsSnapshot, ShowSnapshot } from './protocol-snapshots';
import type { OutputsSnapshot } from './protocol-health';
import type { DropSnapshot, StorageSnapshot } from './protocol-alerts';
import type { TemplatesSnapshot } from './templates';

// The one typed contract (design guide, point 3): the command map, gathered from the features that own their schemas
// (playout, show edits, results), and the event map. The wire types live beside it, in protocol-*.ts, and are
// re-exported here so that every view imports the contract from this one module.
export { restoredGraphicSchema, type RestoredGraphic } from './playout-commands';
export type { AsRunEntry, OnAir, PreviewCue } from './protocol-on-air';
export type { CommandResult, Correction, HistorySummary, ProgramSnapshot, ResultsSnapshot, ShowSnapshot } from './protocol-snapshots';
export { MAX_REPORTED_FAULTS, OUTPUT_REPORT_INTERVAL_MS, OUTPUT_STALE_AFTER_MS, outputFaultSchema, outputReportSchema } from './protocol-health';
export type { CasparcgOutputStatus, CasparcgServerStatus, OutputFault, OutputReport, OutputStatus, OutputsSnapshot } from './protocol-health';
export type { DropProblem, DropSnapshot, StorageFault, StorageSnapshot } from './protocol-alerts';

/**
 * The command map: every way to change state, on every transport (IPC,
 * WebSocket, HTTP). One schema per command; the engine's handler table is
 * keyed by the same names, so the compiler checks it covers them all.
 */
export const commandSchemas = {
  ...playoutCommandSchemas,
  ...showCommandSchemas,
  ...resultsCommandSchemas,
} as const;

export type CommandType = keyof typeof commandSchemas;
export type CommandOf<K extends CommandType> = z.infer<(typeof commandSchemas)[K]>;
export type Command = { [K in CommandType]: CommandOf<K> }[CommandType];

export const commandSchema = z.discriminatedUnion(
  'type',
  Object.values(commandSchemas) as unknown as [(typeof commandSchemas)[CommandType], ...(typeof commandSchemas)[CommandType][]],
);

export const COMMAND_TYPES = Object.keys(commandSchemas) as CommandType[];

/** The event map: everything a view is told. */
export interface EventMap {
  program: ProgramSnapshot;
  show: ShowSnapshot;
  'as-run': AsRunEntry;
  results: ResultsSnapshot;
  /** Connected outputs and their health: consoles only. */
  outputs: OutputsSnapshot;
  /** Drop-folder files that were not taken: consoles only. */
  drop: DropSnapshot;
  /** Writes that are failing now (the disk full, the data folder read-only): consoles only. */
  storage: StorageSnapshot;
  /** The template registry, built-in and outside, whenever a templates folder changes: consoles only. */
  templates: TemplatesSnapshot;
  error: StraplineError;
}
export type EventType = keyof EventMap;
export type ServerEvent = { [K in EventType]: { type: K; data: EventMap[K] } }[EventType];

/** Messages a client sends over the WebSocket. */
export const clientMessageSchema = z.strictObject({
  id: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  command: z.unknown(),
});

/** Messages the server sends: events, and the answer to each command. */
export type ServerMessage = ServerEvent | { type: 'result'; id: number; result: CommandResult };
