import { z } from 'zod';
import { LAYERS, layerSchema, type Layer } from './show';

// Outputs' health: the one message an output sends, and what consoles are told of every output.

/** How often an output reports what it measures, and how long a silent one is trusted. */
export const OUTPUT_REPORT_INTERVAL_MS = 2000;
export const OUTPUT_STALE_AFTER_MS = 3 * OUTPUT_REPORT_INTERVAL_MS;

/** An outside template that threw, refused, or timed out in the output (overlays/outside/outside-host.ts): what, where, and which call. */
export const outputFaultSchema = z.strictObject({
  kind: z.literal('outside-template'),
  layer: layerSchema,
  cueId: z.string().max(200),
  src: z.string().max(2000),
  call: z.string().max(40),
  message: z.string().max(500),
  at: z.number(),
});
export type OutputFault = z.infer<typeof outputFaultSchema>;
export const MAX_REPORTED_FAULTS = 8;

/**
 * The one message an output may send: its measured frame rate, the layers it
 * draws, the revision it shows and any outside-template faults. The server only records it; no state changes.
 */
export const outputReportSchema = z.strictObject({
  type: z.literal('output-report'),
  fps: z.number().min(0).max(1000),
  layers: z.array(layerSchema).min(1).max(LAYERS.length),
  revision: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  /** Faults since the last report, oldest first. */
  faults: z.array(outputFaultSchema).max(MAX_REPORTED_FAULTS).optional(),
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
  /** The last outside-template faults this output reported, newest last. */
  faults?: OutputFault[];
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
