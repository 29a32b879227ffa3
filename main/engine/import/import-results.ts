/**
 * The one entry point callers use: text in (read by the caller), seats and a report out.
 * A handler table typed per format lets the compiler check that every format has an importer
 * and that each returns the row type its format promises.
 */
import type { BaselineSeat } from '../election/baseline-schema';
import type { SeatResult } from '../election/seat-result-schema';
import { importCommonsCandidateResults } from './commons-candidate-importer';
import { importCommonsConstituencyResults } from './commons-constituency-importer';
import { parseCsv } from './csv-parser';
import { foldHeader } from './csv-table';
import type { ImportFormat, ImportOptions, ImportOutcome } from './import-report';
import { importNotionalResults } from './notional-importer';
import { importPaXml } from './pa-xml-importer';
import { importStraplineBaselineJson, importStraplineResultsJson } from './strapline-json-importer';

export interface ImportRowTypes {
  'commons-constituency': SeatResult;
  'commons-candidate': SeatResult;
  notional: BaselineSeat;
  'strapline-json': SeatResult;
  'strapline-baseline-json': BaselineSeat;
  'pa-xml': SeatResult;
}

type Importer<T> = (text: string, fileName: string, options: ImportOptions) => ImportOutcome<T>;

/**
 * Every format, once: its importer and what its rows become (a night's declarations or a
 * new baseline). The server's list of formats, the worker's and the command an import
 * makes all come from here, so a new format is one entry (and its line in ImportRowTypes).
 */
type Applies<T> = T extends BaselineSeat ? 'set-baseline' : 'declare-results';

const IMPORTERS: { readonly [F in ImportFormat]: { read: Importer<ImportRowTypes[F]>; applies: Applies<ImportRowTypes[F]> } } = {
  'commons-constituency': { read: importCommonsConstituencyResults, applies: 'declare-results' },
  'commons-candidate': { read: importCommonsCandidateResults, applies: 'declare-results' },
  notional: { read: importNotionalResults, applies: 'set-baseline' },
  'strapline-json': { read: importStraplineResultsJson, applies: 'declare-results' },
  'strapline-baseline-json': { read: importStraplineBaselineJson, applies: 'set-baseline' },
  'pa-xml': { read: importPaXml, applies: 'declare-results' },
};

export const IMPORT_FORMATS = Object.keys(IMPORTERS) as [ImportFormat, ...ImportFormat[]];

/** The command an import of this format makes of its rows. */
export const importApplies = (format: ImportFormat): 'set-baseline' | 'declare-results' => IMPORTERS[format].applies;

export function importResults<F extends ImportFormat>(
  text: string,
  fileName: string,
  format: F,
  options: ImportOptions = {},
): ImportOutcome<ImportRowTypes[F]> {
  const importer: Importer<ImportRowTypes[F]> = IMPORTERS[format].read;
  return importer(text, fileName, options);
}

/**
 * Guesses the format from the content (never the file name, which operators rename), for a
 * drop folder that accepts any of them. Undefined when it is none of ours.
 */
export function detectImportFormat(text: string): ImportFormat | undefined {
  const head = text
    .slice(0, 4096)
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (head.startsWith('{')) {
    const format = /"format"\s*:\s*"([^"]+)"/.exec(head)?.[1];
    if (format === 'strapline-results') return 'strapline-json';
    if (format === 'strapline-baseline') return 'strapline-baseline-json';
    return undefined;
  }
  // PA Media's feed is the only XML we read; which message it is, the importer says.
  if (head.startsWith('<')) return 'pa-xml';
  const firstLine = head.split(/\r?\n/, 1)[0] ?? '';
  const headers = new Set((parseCsv(firstLine).records[0]?.fields ?? []).map(foldHeader));
  if (headers.has('vote column')) return 'notional';
  if (headers.has('candidate surname') || (headers.has('votes') && headers.has('party abbreviation'))) return 'commons-candidate';
  if (headers.has('valid votes') && headers.has('first party')) return 'commons-constituency';
  return undefined;
}
