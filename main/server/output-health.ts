import {
  MAX_REPORTED_FAULTS,
  outputReportSchema,
  type CasparcgOutputStatus,
  type OutputReport,
  type OutputStatus,
  type OutputsSnapshot,
} from '../engine/protocol';
import { describeIssues, fail, type StraplineError } from '../engine/errors';

/** A closed output stays listed this long, so the gallery sees which one dropped. */
export const KEEP_DISCONNECTED_MS = 5 * 60_000;
const MAX_DISCONNECTED = 8;
/** Faster than this and reports are noise: they are refused, never broadcast. */
const MIN_REPORT_GAP_MS = 250;

/**
 * The outputs connected to this server and what they last measured. Only the
 * snapshot stream feeds it; consoles read it. Nothing here touches the air.
 */
export class OutputHealth {
  private readonly outputs = new Map<number, OutputStatus>();
  private nextId = 1;
  /** The CasparCG outputs' servers (main/server/casparcg/), listed beside the pages. */
  private casparcg: (() => CasparcgOutputStatus[]) | null = null;

  constructor(
    private readonly now: () => number,
    private readonly onChange: () => void,
  ) {}

  connect(peer: string): number {
    const id = this.nextId++;
    const status: OutputStatus = { id, peer, connectedSince: this.now(), disconnectedAt: null, layers: null, fps: null, revision: null, lastReportAt: null };
    this.outputs.set(id, status);
    this.changed();
    return id;
  }

  /** Validates what an output sent; a bad report changes nothing and names what was wrong. */
  report(id: number, raw: unknown): StraplineError | null {
    const current = this.outputs.get(id);
    if (!current || current.disconnectedAt !== null) return fail('NOT_FOUND', `Output ${id} is not connected`);
    const parsed = outputReportSchema.safeParse(raw);
    if (!parsed.success) return fail('INVALID_REQUEST', `output-report: ${describeIssues(parsed.error.issues)}`);
    const at = this.now();
    if (current.lastReportAt !== null && at - current.lastReportAt < MIN_REPORT_GAP_MS) {
      return fail('INVALID_REQUEST', `output-report: reports come at most every ${MIN_REPORT_GAP_MS} ms`);
    }
    this.outputs.set(id, { ...current, ...measured(parsed.data), ...faultsKept(current, parsed.data), lastReportAt: at });
    this.changed();
    return null;
  }

  disconnect(id: number): void {
    const current = this.outputs.get(id);
    if (!current || current.disconnectedAt !== null) return;
    this.outputs.set(id, { ...current, disconnectedAt: this.now() });
    this.changed();
  }

  snapshot(): OutputsSnapshot {
    this.prune();
    const casparcg = this.casparcg?.();
    return { at: this.now(), outputs: [...this.outputs.values()], ...(casparcg ? { casparcg } : {}) };
  }

  /** Lists the CasparCG outputs' servers in every snapshot from now on. */
  listCasparcg(status: () => CasparcgOutputStatus[]): void {
    this.casparcg = status;
  }

  /** Something outside the pages changed (a CasparCG server's status): the consoles hear it. */
  touch(): void {
    this.changed();
  }

  get connectedCount(): number {
    let n = 0;
    for (const o of this.outputs.values()) if (o.disconnectedAt === null) n++;
    return n;
  }

  private changed(): void {
    this.prune();
    this.onChange();
  }

  /** Old closed outputs go, oldest first, so a flapping page cannot grow the list without end. */
  private prune(): void {
    const now = this.now();
    const closed = [...this.outputs.values()].filter((o) => o.disconnectedAt !== null).sort((a, b) => b.disconnectedAt! - a.disconnectedAt!);
    closed.forEach((o, i) => {
      if (i >= MAX_DISCONNECTED || now - o.disconnectedAt! > KEEP_DISCONNECTED_MS) this.outputs.delete(o.id);
    });
  }
}

function measured(report: OutputReport): Pick<OutputStatus, 'fps' | 'layers' | 'revision'> {
  return { fps: Math.round(report.fps * 10) / 10, layers: report.layers, revision: report.revision };
}

/** An outside template's faults stay listed (the last few), so the console can show them after the report that carried them. */
function faultsKept(current: OutputStatus, report: OutputReport): Pick<OutputStatus, 'faults'> {
  if (!report.faults?.length) return current.faults ? { faults: current.faults } : {};
  return { faults: [...(current.faults ?? []), ...report.faults].slice(-MAX_REPORTED_FAULTS) };
}

/** True when a parsed message is shaped as a report, so it is judged by the report schema, not as a command. */
export function looksLikeReport(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'output-report';
}
