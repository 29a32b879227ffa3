import { z } from 'zod';
import { LAYERS, fieldsSchema, idSchema, layerSchema, showSchema, type Fields, type Layer, type Show } from './show';
import type { StraplineError } from './errors';
import type { HistorySummary } from './show-history';
import { resultsCommandSchemas } from './results';
import type { ElectionTotals, HolderBasis, PartyId, SeatResult } from './election';
import type { Composition } from './composition';

/** One graphic as it was on air, as the server persists it (main/server/session-state.ts) and restore-program takes it back. */
export const restoredGraphicSchema = z.strictObject({
  cueId: idSchema,
  title: z.string().min(1).max(200),
  template: z.string().min(1).max(64),
  fields: fieldsSchema,
  /** What the output drew: restored as it was, since the results it was resolved from may not be back yet. */
  view: fieldsSchema,
  step: z.number().int().min(1).max(100),
});
export type RestoredGraphic = z.infer<typeof restoredGraphicSchema>;

/**
 * The command map: every way to change state, on every transport (IPC,
 * WebSocket, HTTP). One schema per command; the engine's handler table is
 * keyed by the same names, so the compiler checks it covers them all.
 */
export const commandSchemas = {
  cue: z.strictObject({ type: z.literal('cue'), cueId: idSchema }),
  /** cueId is the cue the operator expects to put on air: if preview moved on, the take is stale. */
  take: z.strictObject({ type: z.literal('take'), cueId: idSchema }),
  next: z.strictObject({ type: z.literal('next'), layer: layerSchema }),
  update: z.strictObject({ type: z.literal('update'), layer: layerSchema, fields: fieldsSchema.optional() }),
  out: z.strictObject({ type: z.literal('out'), layer: layerSchema }),
  'clear-all': z.strictObject({ type: z.literal('clear-all') }),
  'add-stack': z.strictObject({ type: z.literal('add-stack'), name: z.string().min(1).max(120), stackId: idSchema.optional() }),
  'rename-stack': z.strictObject({ type: z.literal('rename-stack'), stackId: idSchema, name: z.string().min(1).max(120) }),
  'delete-stack': z.strictObject({ type: z.literal('delete-stack'), stackId: idSchema }),
  'add-cue': z.strictObject({
    type: z.literal('add-cue'),
    stackId: idSchema,
    template: z.string().min(1).max(64),
    cueId: idSchema.optional(),
    title: z.string().min(1).max(200).optional(),
    layer: layerSchema.optional(),
    fields: fieldsSchema.optional(),
    index: z.number().int().min(0).optional(),
  }),
  'edit-cue': z.strictObject({
    type: z.literal('edit-cue'),
    cueId: idSchema,
    /** The operator's name for the cue: it sticks, whatever the fields become. */
    title: z.string().min(1).max(200).optional(),
    /** Back to the automatic title, which follows the fields (not with a title). */
    autoTitle: z.literal(true).optional(),
    layer: layerSchema.optional(),
    fields: fieldsSchema.optional(),
  }),
  'delete-cue': z.strictObject({ type: z.literal('delete-cue'), cueId: idSchema }),
  'move-cue': z.strictObject({
    type: z.literal('move-cue'),
    cueId: idSchema,
    stackId: idSchema,
    index: z.number().int().min(0),
  }),
  'load-show': z.strictObject({ type: z.literal('load-show'), show: showSchema }),
  /** After a crash, on the operator's word: puts back what was on air, cut to its steady state (main/engine/restore-program.ts). */
  'restore-program': z.strictObject({ type: z.literal('restore-program'), program: z.partialRecord(layerSchema, restoredGraphicSchema) }),
  /** Step back or forward through edits to the show; never touches the air or the results. */
  undo: z.strictObject({ type: z.literal('undo') }),
  redo: z.strictObject({ type: z.literal('redo') }),
  ...resultsCommandSchemas,
} as const;

export type CommandType = keyof typeof commandSchemas;
export type CommandOf<K extends CommandType> = z.infer<(typeof commandSchemas)[K]>;
export type Command = { [K in CommandType]: CommandOf<K> }[CommandType];

export const commandSchema = z.discriminatedUnion(
  'type',
  Object.values(commandSchemas) as unknown as [
    (typeof commandSchemas)[CommandType],
    ...(typeof commandSchemas)[CommandType][],
  ],
);

export const COMMAND_TYPES = Object.keys(commandSchemas) as CommandType[];

/** What is on one layer of the program. */
export interface OnAir {
  /** Unique per take, so a re-take of the same cue is seen as a new graphic. */
  takeId: number;
  cueId: string;
  title: string;
  template: string;
  /** The cue's fields as the operator set them. */
  fields: Fields;
  /** What the output draws: the fields, with bound sources resolved from the accepted results. */
  view: Fields;
  step: number;
  steps: number;
  /** Bumped by every update, so outputs know to animate the change. */
  updateSeq: number;
  since: number;
  /** Put back after a crash: outputs mount it in its steady state, with no in-animation. */
  restored?: true;
  /** Outside (OGraf) graphics: the last custom action sent, applied by outputs when its seq moves (main/templates/outside/contract.ts). */
  customAction?: { seq: number; id: string; payload: unknown };
}

export interface PreviewCue {
  cueId: string;
  template: string;
  layer: Layer;
  fields: Fields;
  view: Fields;
}

/** What outputs need: the program, and the preview so they can preload it. */
export interface ProgramSnapshot {
  revision: number;
  program: Partial<Record<Layer, OnAir>>;
  preview: PreviewCue | null;
  /** Which layers on air are drawn and which are held by a board, and the bands kept clear (main/engine/composition.ts). */
  composition: Composition;
  at: number;
  /** A rehearsal is running with its mark on: every output draws REHEARSAL over the picture, so no replayed figure airs unmarked. */
  rehearsalMark?: true;
}

export interface ShowSnapshot {
  showRevision: number;
  show: Show;
  /** What Undo and Redo would do now (main/engine/show-history.ts). */
  history: HistorySummary;
}

export type AsRunEntry =
  | {
      at: string;
      revision: number;
      action: 'take' | 'next' | 'update' | 'out' | 'clear-all';
      layer: Layer;
      cueId: string;
      template: string;
      title: string;
      step: number;
      /** Set when it went out during a rehearsal, not on the night. */
      rehearsal?: true;
      /** Set on a take that put back what was on air before a crash (restore-program). */
      restored?: true;
    }
  | {
      at: string;
      revision: number;
      /** Held: still in the program, no longer drawn, because `by` is on air; released: drawn again. */
      action: 'hold' | 'release';
      layer: Layer;
      by: Layer;
      cueId: string;
      template: string;
      title: string;
      step: number;
      rehearsal?: true;
    }
  | { at: string; revision: number; action: 'mode'; mode: 'live' | 'rehearsal' };

/** Omit that keeps a union a union. */
export type OmitEach<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export type CommandResult =
  | {
      ok: true;
      revision: number;
      showRevision: number;
      resultsRevision: number;
      detail?: Record<string, unknown>;
      /** Set when the change is in force but could not be written to disk (a full disk, say): why. The server keeps trying. */
      unsaved?: string;
    }
  | { ok: false; error: StraplineError };

export interface Correction {
  onsCode: string;
  current: SeatResult;
  proposed: SeatResult;
}

/** The night so far, for the console's status and for graphics bound to totals. */
export interface ResultsSnapshot {
  resultsRevision: number;
  mode: 'live' | 'rehearsal';
  holderBasis: HolderBasis;
  speakerCountsWith: PartyId | null;
  lastDeclarationAt: number | null;
  totals: ElectionTotals;
  corrections: Correction[];
}

/** How often an output reports what it measures, and how long a silent one is trusted. */
export const OUTPUT_REPORT_INTERVAL_MS = 2000;
export const OUTPUT_STALE_AFTER_MS = 3 * OUTPUT_REPORT_INTERVAL_MS;

/**
 * The one message an output may send: its measured frame rate, the layers it
 * draws and the revision it shows. The server only records it; no state changes.
 */
export const outputReportSchema = z.strictObject({
  type: z.literal('output-report'),
  fps: z.number().min(0).max(1000),
  layers: z.array(layerSchema).min(1).max(LAYERS.length),
  revision: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});
export type OutputReport = z.infer<typeof outputReportSchema>;

/** One output page as the server sees it; a closed one stays listed a while, so the gallery sees it drop. */
export interface OutputStatus {
  id: number;
  peer: string;
  connectedSince: number;
  disconnectedAt: number | null;
  layers: Layer[] | null;
  fps: number | null;
  revision: number | null;
  lastReportAt: number | null;
}

export interface OutputsSnapshot {
  /** The server's clock when sent, so consoles judge staleness on the server's time. */
  at: number;
  outputs: OutputStatus[];
  /** The CasparCG outputs configured (main/server/casparcg/), each with its main and backup servers. */
  casparcg?: CasparcgOutputStatus[];
}

/** One CasparCG Server as the consoles see it: connected, how far behind, what it last refused. */
export interface CasparcgServerStatus {
  role: 'main' | 'backup';
  host: string;
  port: number;
  connected: boolean;
  /** How long the oldest unanswered command has waited, or the last one took; null before any. */
  lagMs: number | null;
  lastError: { message: string; at: number } | null;
  /** The last program revision whose every command this server answered OK. */
  revision: number | null;
  /** False once a command failed, until the server is re-asserted: it may not show what the engine says. */
  inSync: boolean;
}

export interface CasparcgOutputStatus {
  id: string;
  mode: 'strapline' | 'templates';
  channel: number;
  servers: CasparcgServerStatus[];
  /** Set when main and backup may not show the same picture, and why. */
  disagreement: string | null;
}

/** One drop-folder file the operator must see: refused, or naming seats the baseline lacks. */
export interface DropProblem {
  file: string;
  /** When it was reported, on the server's clock. */
  at: number;
  /** The first few issues, each with its line and column where the importer knows them. */
  issues: { line?: number; column?: string; message: string }[];
  /** All of them, where a file has more than are listed. */
  issueCount: number;
}

export interface DropSnapshot {
  /** The folder watched; null when the server watches none. */
  folder: string | null;
  /** Newest first; a file leaves the list once it is taken, or deleted. */
  problems: DropProblem[];
  /** Every file with a problem, where more than are listed. */
  problemCount: number;
}

/** A file the server could not write: the operator is told at once, and told again when it writes once more. */
export interface StorageFault {
  what: 'results journal' | 'autosave' | 'session' | 'as-run log';
  message: string;
  /** The server's clock when it first failed. */
  since: number;
}

export interface StorageSnapshot {
  faults: StorageFault[];
}

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
  error: StraplineError;
}
export type EventType = keyof EventMap;
export type ServerEvent = { [K in EventType]: { type: K; data: EventMap[K] } }[EventType];

/** Messages a client sends over the WebSocket. */
export const clientMessageSchema = z.strictObject({
  id: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  command: z.unknown(),
});
export type ClientMessage = { id: number; command: Command };

/** Messages the server sends: events, and the answer to each command. */
export type ServerMessage = ServerEvent | { type: 'result'; id: number; result: CommandResult };
