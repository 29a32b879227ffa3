/**
 * How the national graphics name and order parties on air. Pure (no DOM), so
 * the bound resolvers in the engine and the views in the output agree on every
 * label. Shared by exit-poll, seat-tally and hemicycle.
 */
import { commonsAbbreviation, OTHER_PARTY_ID, partyInfo, SPEAKER_PARTY_ID, type PartyId } from '../../../main/engine/election';

// Broadcast short forms where the Commons Library's code reads oddly on air (RUK, APNI, Spk).
const SHORT: Readonly<Record<string, string>> = {
  reform: 'REF', green: 'GRN', alliance: 'ALL', speaker: 'SPK', other: 'OTH', brexit: 'BRX',
};

// Names that fit a 300 px label column at 48 px in Barlow Condensed.
const NAME: Readonly<Record<string, string>> = {
  lab: 'Labour', con: 'Conservative', ld: 'Lib Dem', reform: 'Reform UK', brexit: 'Brexit Party', green: 'Green',
  snp: 'SNP', pc: 'Plaid Cymru', sf: 'Sinn Féin', dup: 'DUP', sdlp: 'SDLP', uup: 'UUP', alliance: 'Alliance',
  tuv: 'TUV', ind: 'Independent', speaker: 'Speaker', other: 'Others',
};

export function partyShort(party: PartyId): string {
  return SHORT[party] ?? commonsAbbreviation(party).toUpperCase();
}

export function partyName(party: PartyId): string {
  return NAME[party] ?? partyShort(party);
}

/** A party the graphics can colour, or "other" for a party outside the table (e.g. a local independent slate). */
export function onAirParty(party: PartyId): PartyId {
  return partyInfo(party) ? party : OTHER_PARTY_ID;
}

/** Sums seats into the parties shown; everything else (the Speaker included) goes to "other". */
export function foldSeats(seats: Readonly<Record<PartyId, number>>, shown: readonly PartyId[]): Record<PartyId, number> {
  const out: Record<PartyId, number> = Object.fromEntries([...shown, OTHER_PARTY_ID].map((p) => [p, 0]));
  for (const [party, n] of Object.entries(seats)) {
    const into = shown.includes(party) ? party : OTHER_PARTY_ID;
    out[into] = (out[into] ?? 0) + n;
  }
  return out;
}

/** Most seats first; ties keep the given order; "other" and the Speaker always last. */
export function bySeats<T extends { party: PartyId; seats: number }>(rows: readonly T[]): T[] {
  const last = (p: PartyId) => (p === OTHER_PARTY_ID || p === SPEAKER_PARTY_ID ? 1 : 0);
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => last(a.row.party) - last(b.row.party) || b.row.seats - a.row.seats || a.i - b.i)
    .map((x) => x.row);
}
