import { PARTY_TABLE, UNLISTED_PARTY_COLOUR, partyInfo } from '../engine/election/party-table';

/** The house accent, for straps and headlines about no one party ("none"). */
export const HOUSE_ACCENT = '#F2B705';

/** Party ids a graphic can be coloured by: the one party table, plus "none". */
export const ACCENT_PARTIES = ['none', ...PARTY_TABLE.map((p) => p.id)] as [string, ...string[]];

/**
 * One palette for every graphic: the party table's colours; "none" wears the house accent, and
 * a party outside the table the unlisted grey (never the gold, which would pass for Lib Dem).
 */
export function partyColour(party: string): string {
  if (party === 'none') return HOUSE_ACCENT;
  return partyInfo(party)?.colour ?? UNLISTED_PARTY_COLOUR;
}
