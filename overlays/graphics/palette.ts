import { PARTY_TABLE, partyInfo } from '../../main/engine/election/party-table';

/** The house accent, for straps about no one party. */
export const HOUSE_ACCENT = '#F2B705';

/** Party ids a graphic can be coloured by: the one party table, plus "none". */
export const ACCENT_PARTIES = ['none', ...PARTY_TABLE.map((p) => p.id)] as [string, ...string[]];

/** One palette for every graphic: the party table's colours. */
export function partyColour(party: string): string {
  return partyInfo(party)?.colour ?? HOUSE_ACCENT;
}
