/**
 * The one mapping table between party identities. Our own ids are stable lowercase slugs so
 * neither the Commons Library's codes (`Con`, `APNI`, `RUK`) nor the Press Association's
 * (`C`, `Alliance`) leak into show files; every importer goes through `partyIdFor`.
 */
import { z } from 'zod';

/** A party id: a known id from PARTY_TABLE, or a slug made from an unknown party's label. */
export const partyIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'party id must be a lowercase slug');
export type PartyId = z.infer<typeof partyIdSchema>;

/**
 * The aggregate bucket for votes not itemised by party ("All other candidates"). It is never
 * a winner or runner-up: it sums several candidates.
 */
export const OTHER_PARTY_ID = 'other';

export const partyInfoSchema = z.object({
  id: partyIdSchema,
  name: z.string().min(1),
  commonsAbbreviation: z.string().min(1),
  paAbbreviation: z.string().min(1),
  /** On air where space is tight (verdicts, chips, the ticker, tally columns): capitals, as television sets them. */
  shortName: z.string().min(1),
  /** On air where a label column allows (bars, keys, dial sides). */
  longName: z.string().min(1),
  colour: z.string().regex(/^#[0-9A-F]{6}$/),
  /** The party whose baseline share a share change compares with when this one did not stand. */
  predecessor: partyIdSchema.optional(),
  /** Labels seen in the data files that mean this party (matched after folding). */
  aliases: z.array(z.string()),
});
export type PartyInfo = z.infer<typeof partyInfoSchema>;

// Colours: the open palette in the data README where it has one; neutral greys otherwise
// (Brexit, TUV, Workers Party, Ind, Speaker, Other) so no unlisted brand colour is invented;
// the Workers Party wears the grey of a party outside the table (UNLISTED_PARTY_COLOUR).
// On-air names, one house style: shortName in capitals wherever space is tight (LAB GAIN FROM
// CON, SPEAKER RE-ELECTED, REFORM, LIB DEM), longName where a label column fits it (Labour,
// Conservative, Plaid Cymru); both fit a 300 px column at 48 px in Barlow Condensed.
// PA codes other than `C` and `Alliance` (which the README gives) follow PA's usual style.
export const PARTY_TABLE: readonly PartyInfo[] = [
  {
    id: 'lab',
    name: 'Labour',
    shortName: 'LAB',
    longName: 'Labour',
    commonsAbbreviation: 'Lab',
    paAbbreviation: 'Lab',
    colour: '#E4003B',
    aliases: ['Labour Party', 'Labour and Co-operative', 'Lab Co-op', 'LABV'],
  },
  {
    id: 'con',
    name: 'Conservative',
    shortName: 'CON',
    longName: 'Conservative',
    commonsAbbreviation: 'Con',
    paAbbreviation: 'C',
    colour: '#0087DC',
    aliases: ['Conservative Party', 'Conservative and Unionist Party', 'CONV'],
  },
  {
    id: 'ld',
    name: 'Liberal Democrats',
    shortName: 'LIB DEM',
    longName: 'Lib Dem',
    commonsAbbreviation: 'LD',
    paAbbreviation: 'LD',
    colour: '#FAA61A',
    aliases: ['Liberal Democrat', 'Lib Dem', 'LDV'],
  },
  {
    id: 'reform',
    name: 'Reform UK',
    shortName: 'REFORM',
    longName: 'Reform UK',
    commonsAbbreviation: 'RUK',
    paAbbreviation: 'Reform',
    colour: '#12B6CF',
    predecessor: 'brexit',
    aliases: ['Reform UK', 'REF'],
  },
  {
    id: 'brexit',
    name: 'Brexit Party',
    shortName: 'BREXIT',
    longName: 'Brexit Party',
    commonsAbbreviation: 'BRX',
    paAbbreviation: 'Brexit',
    colour: '#5E7A87',
    aliases: ['The Brexit Party', 'Brexit Party', 'BRXV'],
  },
  {
    id: 'green',
    name: 'Green',
    shortName: 'GREEN',
    longName: 'Green',
    commonsAbbreviation: 'Green',
    paAbbreviation: 'Green',
    colour: '#02A95B',
    aliases: ['Green Party', 'Scottish Green Party', 'Grn', 'GRNV'],
  },
  {
    id: 'snp',
    name: 'Scottish National Party',
    shortName: 'SNP',
    longName: 'SNP',
    commonsAbbreviation: 'SNP',
    paAbbreviation: 'SNP',
    colour: '#FDF38E',
    aliases: ['SNPV'],
  },
  {
    id: 'pc',
    name: 'Plaid Cymru',
    shortName: 'PLAID',
    longName: 'Plaid Cymru',
    commonsAbbreviation: 'PC',
    paAbbreviation: 'PC',
    colour: '#005B54',
    aliases: ['Plaid Cymru', 'PCV'],
  },
  {
    id: 'sf',
    name: 'Sinn Féin',
    shortName: 'SINN FÉIN',
    longName: 'Sinn Féin',
    commonsAbbreviation: 'SF',
    paAbbreviation: 'SF',
    colour: '#326760',
    aliases: ['Sinn Fein', 'Sinn Féin', 'SFV'],
  },
  {
    id: 'dup',
    name: 'Democratic Unionist Party',
    shortName: 'DUP',
    longName: 'DUP',
    commonsAbbreviation: 'DUP',
    paAbbreviation: 'DUP',
    colour: '#D46A4C',
    aliases: ['Democratic Unionist Party', 'DUPV'],
  },
  {
    id: 'sdlp',
    name: 'Social Democratic and Labour Party',
    shortName: 'SDLP',
    longName: 'SDLP',
    commonsAbbreviation: 'SDLP',
    paAbbreviation: 'SDLP',
    colour: '#2AA82C',
    aliases: ['Social Democratic and Labour Party', 'Social Democratic & Labour Party', 'SDLPV'],
  },
  {
    id: 'uup',
    name: 'Ulster Unionist Party',
    shortName: 'UUP',
    longName: 'UUP',
    commonsAbbreviation: 'UUP',
    paAbbreviation: 'UUP',
    colour: '#48A5EE',
    aliases: ['Ulster Unionist Party', 'UUPV'],
  },
  {
    id: 'alliance',
    name: 'Alliance',
    shortName: 'ALLIANCE',
    longName: 'Alliance',
    commonsAbbreviation: 'APNI',
    paAbbreviation: 'Alliance',
    colour: '#F6CB2F',
    aliases: ['Alliance Party', 'Alliance Party of Northern Ireland', 'APNIV'],
  },
  {
    id: 'tuv',
    name: 'Traditional Unionist Voice',
    shortName: 'TUV',
    longName: 'TUV',
    commonsAbbreviation: 'TUV',
    paAbbreviation: 'TUV',
    colour: '#3F4A59',
    aliases: ['Traditional Unionist Voice', 'TUVV'],
  },
  {
    id: 'wpb',
    name: 'Workers Party of Britain',
    shortName: 'WORKERS',
    longName: 'Workers Party',
    commonsAbbreviation: 'WPB',
    paAbbreviation: 'Workers',
    colour: '#A3ACB9',
    aliases: ['Workers Party of Britain', 'Workers Party'],
  },
  {
    id: 'ind',
    name: 'Independent',
    shortName: 'IND',
    longName: 'Independent',
    commonsAbbreviation: 'Ind',
    paAbbreviation: 'Ind',
    colour: '#8C8C8C',
    aliases: ['Independent'],
  },
  {
    id: 'speaker',
    name: 'Speaker',
    shortName: 'SPEAKER',
    longName: 'Speaker',
    commonsAbbreviation: 'Spk',
    paAbbreviation: 'Speaker',
    colour: '#D9D9D9',
    aliases: ['Commons Speaker', 'The Speaker'],
  },
  {
    id: OTHER_PARTY_ID,
    name: 'Other',
    shortName: 'OTHERS',
    longName: 'Others',
    commonsAbbreviation: 'Oth',
    paAbbreviation: 'Others',
    colour: '#B3B3B3',
    aliases: ['All other candidates', 'Others', 'Other parties'],
  },
];

const foldLabel = (label: string): string => label.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

const byId = new Map<string, PartyInfo>(PARTY_TABLE.map((p) => [p.id, p]));
const byLabel = new Map<string, PartyId>();
for (const party of PARTY_TABLE) {
  for (const label of [party.id, party.name, party.commonsAbbreviation, party.paAbbreviation, ...party.aliases]) {
    byLabel.set(foldLabel(label), party.id);
  }
}

/** The table's id for a label, or undefined when the label is not a party we list. */
export function knownPartyIdFor(label: string): PartyId | undefined {
  const folded = foldLabel(label);
  // The notional file numbers independents IND1V, IND2V, ...
  return byLabel.get(folded) ?? (/^ind\d+v$/.test(folded) ? 'ind' : undefined);
}

/** Our id for any label the data uses: an abbreviation, a full name or a notional vote column. */
export function partyIdFor(label: string): PartyId {
  const known = knownPartyIdFor(label);
  if (known !== undefined) return known;
  const folded = foldLabel(label);
  const slug = folded
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? OTHER_PARTY_ID : slug;
}

/**
 * The colour of a party outside the table (a local party, an unlisted slate): a cool grey that
 * reads on the navy (6.6:1 on the panel), never the house gold, which sits beside Lib Dem orange.
 */
export const UNLISTED_PARTY_COLOUR = '#A3ACB9';

/** Table entry for a known party; undefined for parties outside the table (e.g. `sdp`). */
export function partyInfo(id: PartyId): PartyInfo | undefined {
  return byId.get(id);
}

/** Commons Library abbreviation, as used in result strings like `Lab gain from Con`. */
export function commonsAbbreviation(id: PartyId): string {
  return byId.get(id)?.commonsAbbreviation ?? id.toUpperCase();
}

export function predecessorOf(id: PartyId): PartyId | undefined {
  return byId.get(id)?.predecessor;
}
