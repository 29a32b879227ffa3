import type { AsRunEntry } from '../main/engine/protocol';
import type { Layer } from '../main/engine/show';
import { holderName } from '../main/engine/composition';

/** What the as-run panel filters on; empty text and null choices match everything. */
export interface AsRunFilter {
  text: string;
  layer: Layer | null;
  action: AsRunEntry['action'] | null;
}

export const NO_FILTER: AsRunFilter = { text: '', layer: null, action: null };

/** One line of description per entry, shared by the panel, the text filter and the CSV. */
export function describeEntry(entry: AsRunEntry): string {
  if (entry.action === 'mode') return `Mode: ${entry.mode}`;
  if (entry.action === 'hold') return `${entry.title} (held by ${holderName(entry.by)})`;
  if (entry.action === 'release') return `${entry.title} (back from under ${holderName(entry.by)})`;
  return entry.title;
}

/** Newest first, as the operator reads it: what just happened is at the top. */
export function filterAsRun(entries: readonly AsRunEntry[], filter: AsRunFilter): AsRunEntry[] {
  const text = filter.text.trim().toLowerCase();
  const out: AsRunEntry[] = [];
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i]!;
    if (filter.action && e.action !== filter.action) continue;
    if (filter.layer && (e.action === 'mode' || e.layer !== filter.layer)) continue;
    if (text) {
      const hay = e.action === 'mode' ? describeEntry(e) : `${e.title} ${e.cueId} ${e.template}`;
      if (!hay.toLowerCase().includes(text)) continue;
    }
    out.push(e);
  }
  return out;
}

export const CSV_COLUMNS = ['time', 'action', 'layer', 'cue', 'template', 'title', 'step', 'rehearsal', 'revision'] as const;

/**
 * A cell as RFC 4180 wants it: quoted when it holds a comma, quote or line
 * break, quotes doubled. A cell a spreadsheet would run as a formula (=, +,
 * -, @ first) gets a leading apostrophe, so an operator's title cannot.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function row(entry: AsRunEntry): (string | number)[] {
  if (entry.action === 'mode') return [entry.at, 'mode', '', '', '', describeEntry(entry), '', '', entry.revision];
  return [entry.at, entry.action, entry.layer, entry.cueId, entry.template, entry.title, entry.step, entry.rehearsal ? 'yes' : '', entry.revision];
}

/** The entries as CSV, in the order given, times as the engine wrote them (ISO 8601, UTC); CRLF line ends. */
export function asRunCsv(entries: readonly AsRunEntry[]): string {
  const lines = [CSV_COLUMNS.join(','), ...entries.map((e) => row(e).map(csvCell).join(','))];
  return lines.join('\r\n') + '\r\n';
}

/** as-run-2024-07-04T2301.csv: sortable, and safe on every file system. */
export function csvFileName(now: Date): string {
  return `as-run-${now.toISOString().slice(0, 16).replace(':', '')}.csv`;
}
