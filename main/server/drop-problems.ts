/**
 * What the drop folder could not take, for the operator: the server's terminal is not watched
 * on air, so each refused file (and each file naming a seat the baseline lacks) is kept here,
 * with its line and reason, and sent to every console (snapshot-stream.ts) until the file is
 * taken or deleted.
 */
import type { DropProblem, DropSnapshot } from '../engine/protocol';
import type { DropFileReport } from './drop-batch';

/** A night of bad files must not grow every console's snapshot without bound. */
const MAX_LISTED = 100;
const MAX_ISSUES_A_FILE = 5;

export const NO_DROP_FOLDER: DropSnapshot = { folder: null, problems: [], problemCount: 0 };

function problemOf(report: DropFileReport, at: number): DropProblem | null {
  const unknown = report.seats
    .filter((s) => s.verdict === 'unknown-seat')
    .map((s) => ({ message: `${s.onsCode} is not a seat in the baseline: nothing declared for it` }));
  const issues = [
    ...report.errors.map(({ line, column, message }) => ({ ...(line === undefined ? {} : { line }), ...(column === undefined ? {} : { column }), message })),
    ...unknown,
  ];
  if (issues.length === 0) return null;
  return { file: report.file, at, issues: issues.slice(0, MAX_ISSUES_A_FILE), issueCount: issues.length };
}

export class DropProblems {
  /** By file, oldest first (a new report of a file moves it to the end). */
  private readonly byFile = new Map<string, DropProblem>();
  private readonly watchers = new Set<(snapshot: DropSnapshot) => void>();

  constructor(
    private readonly folder: string,
    private readonly now: () => number,
  ) {}

  /** A file's latest report: a problem replaces its last one; a clean one (the file fixed) clears it. */
  record(report: DropFileReport): void {
    const problem = problemOf(report, this.now());
    const had = this.byFile.delete(report.file);
    if (problem) this.byFile.set(report.file, problem);
    if (problem || had) this.changed();
  }

  /** The file has left the folder. */
  gone(file: string): void {
    if (this.byFile.delete(file)) this.changed();
  }

  snapshot(): DropSnapshot {
    const problems = [...this.byFile.values()].reverse().slice(0, MAX_LISTED);
    return { folder: this.folder, problems, problemCount: this.byFile.size };
  }

  watch(watcher: (snapshot: DropSnapshot) => void): () => void {
    this.watchers.add(watcher);
    return () => void this.watchers.delete(watcher);
  }

  private changed(): void {
    const snapshot = this.snapshot();
    for (const watcher of this.watchers) watcher(snapshot);
  }
}
