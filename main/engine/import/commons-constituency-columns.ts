/**
 * Which columns of a Commons Library constituency-results file are parties. The layout keeps
 * its metadata columns from year to year but the party columns change (2019 has `BRX`, 2024
 * `RUK`), so a column is a party unless it is known metadata or one of the two aggregates.
 */
import { partyIdFor, type PartyId } from '../election/party-table';
import { foldHeader, type CsvTable } from './csv-table';

export const CONSTITUENCY_HEADERS = {
  onsCode: 'ONS ID',
  name: 'Constituency name',
  declarationTime: 'Declaration time',
  firstParty: 'First party',
  secondParty: 'Second party',
  electorate: 'Electorate',
  validVotes: 'Valid votes',
  invalidVotes: 'Invalid votes',
  majority: 'Majority',
  otherWinner: 'Of which other winner',
} as const;

export const REQUIRED_CONSTITUENCY_HEADERS = [
  CONSTITUENCY_HEADERS.onsCode,
  CONSTITUENCY_HEADERS.firstParty,
  CONSTITUENCY_HEADERS.electorate,
  CONSTITUENCY_HEADERS.validVotes,
] as const;

/** Older editions call the aggregate `Other`; 2024 calls it `All other candidates`. */
const OTHERS_HEADERS = ['All other candidates', 'Other', 'Others'];

const METADATA_HEADERS = new Set(
  [
    ...Object.values(CONSTITUENCY_HEADERS),
    'ONS region ID',
    'County name',
    'Region name',
    'Country name',
    'Constituency type',
    'Member first name',
    'Member surname',
    'Member gender',
    'Result',
    // Seen in other editions and exports of the same layout.
    'Region ID',
    'Country ID',
    'County ID',
    'Constituency ID',
    'PA ID',
    'Election',
    'Election date',
    'Member MNIS ID',
    'Turnout',
    'Turnout %',
    // The by-election edition puts the contest's dates in front.
    'By-election date',
    'Writ date',
  ].map(foldHeader),
);

export interface PartyColumn {
  readonly header: string;
  readonly partyId: PartyId;
}

export interface ConstituencyColumns {
  readonly parties: readonly PartyColumn[];
  /** Header of the "all other candidates" aggregate, if the file has one. */
  readonly others: string | undefined;
}

export function classifyConstituencyColumns(table: CsvTable): ConstituencyColumns {
  const othersKeys = new Set(OTHERS_HEADERS.map(foldHeader));
  let others: string | undefined;
  const parties: PartyColumn[] = [];
  for (const header of table.headers) {
    const key = foldHeader(header);
    if (header === '' || METADATA_HEADERS.has(key)) continue;
    if (othersKeys.has(key)) others = header;
    else parties.push({ header, partyId: partyIdFor(header) });
  }
  return { parties, others };
}
