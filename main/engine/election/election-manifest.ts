/**
 * `election.json`: what makes an election a folder of files rather than code. It names the
 * election and, for each part (seats, baseline, candidates, the night's results, the hex
 * layout, the parties), a file beside it and the format to read it with. Formats are
 * listed per part so a new importer (the PA feed, another publisher) is one more entry.
 */
import { z } from 'zod';

/** Only names inside the folder: an election folder opened from the console never reads elsewhere. */
const fileInFolder = z
  .string()
  .min(1)
  .max(200)
  .refine((f) => !f.startsWith('/') && !f.startsWith('\\') && !/^[A-Za-z]:/.test(f) && !f.split(/[\\/]/).includes('..'), {
    message: 'must be a file inside the election folder (no absolute path, no "..")',
  });

const part = <F extends readonly [string, ...string[]]>(formats: F) => z.strictObject({ file: fileInFolder, format: z.enum(formats) });

/** Where the constituencies (code, name, region, nation) come from. */
export const SEATS_FORMATS = ['commons-constituency', 'strapline-constituencies'] as const;
/** Where the previous result and holder of each seat come from: a previous election's results or a notional file. */
export const BASELINE_FORMATS = ['commons-constituency', 'commons-candidate', 'notional', 'strapline-baseline-json', 'strapline-json'] as const;
/** Every candidate by seat: the names the seat result puts on air. */
export const CANDIDATE_FORMATS = ['commons-candidate', 'strapline-json'] as const;
/** A whole night's results, for a rehearsal or a replay. */
export const RESULTS_FORMATS = ['commons-constituency', 'commons-candidate', 'strapline-json'] as const;

export const electionManifestSchema = z.strictObject({
  name: z.string().trim().min(1).max(80),
  date: z.iso.date(),
  kind: z.enum(['general', 'by-election']),
  seats: part(SEATS_FORMATS),
  baseline: part(BASELINE_FORMATS).extend({
    /** Said wherever the baseline is named (GET /api/election), e.g. "2019 notional results (Rallings and Thrasher)". */
    label: z.string().trim().min(1).max(120).optional(),
    /** How a share change against it is said on air, e.g. "Change on 2024"; default "Change on 2019 notional". */
    onAir: z.string().trim().min(1).max(40).optional(),
  }),
  /** HexJSON keyed by ONS code; without it the hex map has no layout for this election. */
  hex: fileInFolder.optional(),
  candidates: part(CANDIDATE_FORMATS).optional(),
  /** The night's results, when they are at hand: what a rehearsal or a replay declares. */
  results: part(RESULTS_FORMATS).optional(),
  /** A strapline-parties file: names and colours for parties the party table does not list. */
  parties: z.strictObject({ file: fileInFolder, format: z.literal('strapline-parties') }).optional(),
});
export type ElectionManifest = z.infer<typeof electionManifestSchema>;

/** What the engine and the templates need to know of the loaded election. */
export interface ElectionFacts {
  name: string;
  kind: ElectionManifest['kind'];
  seatCount: number;
  /** The hex layout's content key (the output fetches it by this), or null: the election has none. */
  hexKey: string | null;
  /** What GAIN/HOLD and change are judged against, in words. */
  baselineSource: string;
  /** The on-air words for a change against the baseline ("Change on 2024"); null: the house default. */
  changeLabel: string | null;
}
