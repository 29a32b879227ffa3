import path from 'node:path';
import { z } from 'zod';
import { defaultDataDir } from '../server/headless';
import { describeIssues } from '../engine/errors';

/**
 * What the Electron shell reads from its environment, the counterpart of the
 * CLI's flags (main/server/cli.ts): STRAPLINE_SHOW (--show), STRAPLINE_PORT
 * (--port), STRAPLINE_DATA (--data), STRAPLINE_ELECTION (--election), STRAPLINE_TEMPLATES (--templates: folders
 * separated as PATH separates them, `:` or on Windows `;`). Kept free of Electron so it is tested
 * under plain Node; a bad value stops the start with a message naming it.
 */
const envSchema = z.object({
  STRAPLINE_PORT: z
    .string()
    .regex(/^\d{1,5}$/, 'must be a whole number from 0 to 65535')
    .transform(Number)
    .refine((n) => n <= 65535, 'must be a whole number from 0 to 65535')
    .default(7300),
  STRAPLINE_SHOW: z.string().trim().min(1, 'is empty: leave it unset to reopen the last show').optional(),
  STRAPLINE_DATA: z.string().trim().min(1, 'is empty: leave it unset for the default folder').optional(),
  STRAPLINE_TEMPLATES: z.string().trim().min(1, 'is empty: leave it unset for <data>/templates/').optional(),
  STRAPLINE_ELECTION: z.string().trim().min(1, 'is empty: leave it unset for the 2024 general election').optional(),
});

export interface ShellStartOptions {
  /** Unset: the last show edited (from its newest autosave) or the demo, as the CLI without --show. */
  showPath: string | undefined;
  port: number;
  dataDir: string;
  /** Unset: <data>/templates/, as the CLI without --templates. */
  templateDirs?: string[];
  /** Unset: seeds/elections/ge2024, as the CLI without --election. */
  electionDir: string | undefined;
}

/**
 * The data folder (autosaves, the recent list, session.json for crash
 * recovery) defaults to the CLI's, ~/.strapline, rather than Electron's
 * userData: `npm start` runs this shell where Electron's binary is installed
 * and the headless server where it is not, and the operator must get the same
 * show, recent list and recovery offer back either way. The as-run log and the
 * access tokens already live there. (Window placement, which only Electron
 * has, stays in userData/settings.json.)
 */
export function shellStartOptions(env: Record<string, string | undefined>): ShellStartOptions {
  const parsed = envSchema.safeParse({
    STRAPLINE_PORT: env.STRAPLINE_PORT,
    STRAPLINE_SHOW: env.STRAPLINE_SHOW,
    STRAPLINE_DATA: env.STRAPLINE_DATA,
    STRAPLINE_ELECTION: env.STRAPLINE_ELECTION,
    STRAPLINE_TEMPLATES: env.STRAPLINE_TEMPLATES,
  });
  if (!parsed.success) throw new Error(`environment: ${describeIssues(parsed.error.issues)}`);
  const { STRAPLINE_PORT: port, STRAPLINE_SHOW: show, STRAPLINE_DATA: data, STRAPLINE_ELECTION: election, STRAPLINE_TEMPLATES: templates } = parsed.data;
  const templateDirs = templates
    ?.split(path.delimiter)
    .filter((d) => d.trim() !== '')
    .map((d) => path.resolve(d));
  return {
    showPath: show === undefined ? undefined : path.resolve(show),
    port,
    dataDir: path.resolve(data ?? defaultDataDir()),
    electionDir: election === undefined ? undefined : path.resolve(election),
    ...(templateDirs ? { templateDirs } : {}),
  };
}

/**
 * What the operator is told when the start fails. A busy port most often means
 * Strapline is already running; a second engine on another port would split
 * the night in two (and Companion would drive the other one), so the start
 * stops and says how to choose.
 */
export function startFailure(e: unknown): string {
  const error = e as NodeJS.ErrnoException & { port?: number };
  if (error?.code === 'EADDRINUSE') {
    return `port ${error.port ?? ''} is already in use, perhaps by another Strapline. Close it, or start with STRAPLINE_PORT set to a free port (0 picks one).`;
  }
  return error instanceof Error ? error.message : String(e);
}
