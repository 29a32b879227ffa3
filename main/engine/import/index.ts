/** Importers: text in (the caller reads the file), validated seats and an import report out. */
export { importResults, detectImportFormat, IMPORT_FORMATS, importApplies, type ImportRowTypes } from './import-results';
export { importCommonsConstituencyResults } from './commons-constituency-importer';
export { importCommonsCandidateResults } from './commons-candidate-importer';
export { importNotionalResults, type NotionalImportOptions } from './notional-importer';
export { importPaXml, type PaImportOutcome, type PaStateOfParties } from './pa-xml-importer';
export { importStraplineResultsJson, importStraplineBaselineJson } from './strapline-json-importer';
export {
  DEFAULT_MAX_IMPORT_BYTES,
  formatIssue,
  type ImportFormat,
  type ImportIssue,
  type ImportOptions,
  type ImportReport,
  type ImportOutcome,
  type AppliedScope,
} from './import-report';
export { parseCsv, stripByteOrderMark, type CsvRecord, type ParsedCsv, type CsvSyntaxError } from './csv-parser';
export { openCsvTable, RowReader, foldHeader, type CsvTable } from './csv-table';
export { NOTIONAL_TO_2024_ONS_CODES } from './ons-recodes';
export { repairMacRomanMojibake, foldConstituencyName } from './text-repair';
export { ukLocalTimeToIso, isBritishSummerTime } from './uk-local-time';
export { readCommonsConstituencyList } from './commons-constituency-list';
export { stateOfPartiesDifferences, type FeedStateOfParties, type StateOfPartiesDifference } from './pa-state-of-parties';
