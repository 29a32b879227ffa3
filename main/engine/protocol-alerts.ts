// What the server must tell the operator of files it was handed or could not write (consoles only).

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
