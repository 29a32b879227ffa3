/**
 * Numbered error codes: stable across releases so that operators, logs and
 * scripts (Companion buttons) can match on them.
 */
export const ERROR_CODES = {
  INVALID_COMMAND: 1001,
  INVALID_FIELDS: 1002,
  UNKNOWN_CUE: 1101,
  UNKNOWN_STACK: 1102,
  UNKNOWN_TEMPLATE: 1103,
  DUPLICATE_ID: 1104,
  NOTHING_TO_UNDO: 1105,
  NOTHING_TO_REDO: 1106,
  NOTHING_IN_PREVIEW: 1201,
  STALE_TAKE: 1202,
  TAKE_TOO_SOON: 1203,
  LAYER_EMPTY: 1204,
  NO_NEXT_STEP: 1205,
  ALREADY_ON_AIR: 1206,
  BINDING_FAILED: 1207,
  INVALID_REQUEST: 1301,
  PAYLOAD_TOO_LARGE: 1302,
  NOT_FOUND: 1303,
  FORBIDDEN: 1304,
  /** No token, or a wrong one, where the server is open to the network. */
  UNAUTHORIZED: 1305,
  INVALID_SHOW_FILE: 1401,
  UNKNOWN_SEAT: 1501,
  NO_CORRECTION: 1502,
  INVALID_IMPORT: 1503,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface StraplineError {
  code: ErrorCode;
  number: number;
  message: string;
}

export function fail(code: ErrorCode, message: string): StraplineError {
  return { code, number: ERROR_CODES[code], message };
}

/** One readable line per zod issue: "where: what was wrong". */
export function describeIssues(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): string {
  return issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.map(String).join('.') : '(root)'}: ${i.message}`)
    .join('; ');
}
