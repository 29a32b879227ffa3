/**
 * Numbered error codes: stable across releases so that operators, logs and
 * scripts (Companion buttons) can match on them. Each carries the HTTP status
 * the control API answers it with, so a client tells a bad request (400) from
 * a missing thing (404), a refusal by the state of the air (409, 422) and a
 * fault of ours (500). Adding a code is one line here.
 */
export const ERRORS = {
  INVALID_COMMAND: { number: 1001, status: 400 },
  INVALID_FIELDS: { number: 1002, status: 400 },
  UNKNOWN_CUE: { number: 1101, status: 404 },
  UNKNOWN_STACK: { number: 1102, status: 404 },
  UNKNOWN_TEMPLATE: { number: 1103, status: 404 },
  DUPLICATE_ID: { number: 1104, status: 409 },
  NOTHING_TO_UNDO: { number: 1105, status: 409 },
  NOTHING_TO_REDO: { number: 1106, status: 409 },
  NOTHING_IN_PREVIEW: { number: 1201, status: 409 },
  STALE_TAKE: { number: 1202, status: 409 },
  TAKE_TOO_SOON: { number: 1203, status: 409 },
  LAYER_EMPTY: { number: 1204, status: 409 },
  NO_NEXT_STEP: { number: 1205, status: 409 },
  ALREADY_ON_AIR: { number: 1206, status: 409 },
  /** The cue is well formed but its source in the results cannot be drawn. */
  BINDING_FAILED: { number: 1207, status: 422 },
  INVALID_REQUEST: { number: 1301, status: 400 },
  PAYLOAD_TOO_LARGE: { number: 1302, status: 413 },
  NOT_FOUND: { number: 1303, status: 404 },
  FORBIDDEN: { number: 1304, status: 403 },
  /** No token, or a wrong one, where the server is open to the network. */
  UNAUTHORIZED: { number: 1305, status: 401 },
  /** The path exists but not for this method; the answer names the methods it takes (Allow). */
  METHOD_NOT_ALLOWED: { number: 1306, status: 405 },
  REQUEST_TIMEOUT: { number: 1307, status: 408 },
  /** A fault of ours, never the caller's: the request changed nothing and the server carries on. */
  INTERNAL_ERROR: { number: 1308, status: 500 },
  INVALID_SHOW_FILE: { number: 1401, status: 400 },
  /** Save As onto another show (without overwrite) or onto a file Strapline cannot read. */
  FILE_CONFLICT: { number: 1402, status: 409 },
  NOTHING_TO_RESTORE: { number: 1403, status: 409 },
  /** A show file could not be written (disk full, read-only): the show is safe in its autosave. */
  WRITE_FAILED: { number: 1404, status: 500 },
  UNKNOWN_SEAT: { number: 1501, status: 404 },
  NO_CORRECTION: { number: 1502, status: 409 },
  INVALID_IMPORT: { number: 1503, status: 400 },
  /** A rehearsal asked for over live results, which it would clear. */
  REHEARSAL_REFUSED: { number: 1504, status: 409 },
  /** Another election asked for while bound graphics of this one are on air or in preview. */
  ELECTION_IN_USE: { number: 1505, status: 409 },
} as const satisfies Record<string, { number: number; status: number }>;

export type ErrorCode = keyof typeof ERRORS;

export interface StraplineError {
  code: ErrorCode;
  number: number;
  message: string;
}

export function fail(code: ErrorCode, message: string): StraplineError {
  return { code, number: ERRORS[code].number, message };
}

/** The HTTP status an error is answered with. */
export function httpStatusOf(code: ErrorCode): number {
  return ERRORS[code].status;
}

/** One readable line per zod issue: "where: what was wrong". */
export function describeIssues(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): string {
  return issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.map(String).join('.') : '(root)'}: ${i.message}`)
    .join('; ');
}
