import { z } from 'zod';
import { describeIssues, fail, type StraplineError } from './errors';
import { SHOW_FORMAT_VERSION } from './show';

/**
 * Show files of every earlier format version open by being brought up to the
 * current one, one version at a time. A migration is pure: it gets the parsed
 * JSON of version N (checked only as far as its envelope) and returns version
 * N+1; the full schema check runs once, on the result. A file from a newer
 * Strapline is refused, never guessed at: its fields may mean things this
 * build does not know.
 */

type RawShow = Record<string, unknown>;

/** MIGRATIONS[n] turns version n into version n + 1. Every version below the current one needs an entry. */
export const MIGRATIONS: Readonly<Record<number, (show: RawShow) => RawShow>> = {
  // Version 2 added the optional savedAt; nothing else moved, so a version 1 show is a valid version 2 show without it.
  1: (show) => ({ ...show, version: 2 }),
  // Version 3 added a cue's optional autoTitle. An older title may be one the operator typed,
  // and nothing in the file says otherwise, so every title is kept as the operator's.
  2: (show) => ({ ...show, version: 3 }),
  // Version 4 added the show's election. Every show before it was made on the one election
  // Strapline knew, the 2024 general election (seeds/elections/ge2024).
  3: (show) => ({ ...show, version: 4, election: { folder: 'ge2024', name: 'General election 2024' } }),
};

/** The first version ever written; files older than this do not exist. */
export const FIRST_SHOW_FORMAT_VERSION = 1;

const envelopeSchema = z.looseObject({
  format: z.literal('strapline-show', { error: 'is not "strapline-show": this is not a Strapline show file' }),
  version: z.number({ error: 'must be a whole number' }).int('must be a whole number').min(FIRST_SHOW_FORMAT_VERSION),
});

export interface Migrated {
  raw: unknown;
  /** The version the file was written in (the current one when no migration ran). */
  fromVersion: number;
}

/** Brings parsed show JSON up to the current format, or says why it cannot. `source` names the file in messages. */
export function migrateShow(raw: unknown, source: string): Migrated | { error: StraplineError } {
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) return { error: fail('INVALID_SHOW_FILE', `${source}: ${describeIssues(envelope.error.issues)}`) };
  const fromVersion = envelope.data.version;
  if (fromVersion > SHOW_FORMAT_VERSION) {
    return {
      error: fail(
        'INVALID_SHOW_FILE',
        `${source}: written by a newer Strapline (show format version ${fromVersion}; ` +
          `this one reads versions ${FIRST_SHOW_FORMAT_VERSION} to ${SHOW_FORMAT_VERSION}). It was not opened and will not be overwritten.`,
      ),
    };
  }
  let show: RawShow = envelope.data;
  for (let version = fromVersion; version < SHOW_FORMAT_VERSION; version++) {
    const step = MIGRATIONS[version];
    // A gap here is a programming error caught by the migration tests, never by an operator.
    if (!step) return { error: fail('INVALID_SHOW_FILE', `${source}: no migration from show format version ${version}`) };
    show = step(show);
  }
  return { raw: show, fromVersion };
}
