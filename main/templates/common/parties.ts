/**
 * How every graphic names and orders parties on air. Pure (no DOM), so the bound
 * resolvers in the engine and the views in the output agree on every label.
 */
import { OTHER_PARTY_ID, partyInfo, SPEAKER_PARTY_ID, type HolderBasis, type PartyId, type SeatOutcome } from '../../engine/election';

/** A party outside the table: its published name where the data gives one, else its code. */
const unlisted = (party: PartyId, published: string | undefined): string => published?.trim() || party.toUpperCase();

/** The on-air short name (LAB, LIB DEM, REFORM, SINN FÉIN, SPEAKER), from the party table. */
export function partyShort(party: PartyId, published?: string): string {
  return partyInfo(party)?.shortName ?? unlisted(party, published).toUpperCase();
}

/** The on-air long name (Labour, Conservative, Plaid Cymru), where a label column fits it. */
export function partyName(party: PartyId, published?: string): string {
  return partyInfo(party)?.longName ?? unlisted(party, published);
}

/**
 * The house wording of a seat's outcome, for every template that shows one: LAB GAIN FROM CON,
 * REFORM HOLD, and SPEAKER RE-ELECTED for the Speaker's seat (the Speaker stands for no party,
 * so neither GAIN nor HOLD says what happened). No outcome (no known holder): LAB WIN.
 * `naming` "winner" leaves out whom a gain was from, for chips with room for two words.
 */
export function outcomeText(winner: PartyId, outcome: SeatOutcome | undefined, naming: 'both' | 'winner'): string {
  if (winner === SPEAKER_PARTY_ID) return 'SPEAKER RE-ELECTED';
  const name = partyShort(winner);
  if (outcome === undefined) return `${name} WIN`;
  if (outcome.kind === 'HOLD') return `${name} HOLD`;
  return naming === 'both' ? `${name} GAIN FROM ${partyShort(outcome.from)}` : `${name} GAIN`;
}

/**
 * What a change is measured against, said on air beside it. Seat changes follow the holder
 * basis (a results setting); share changes are always on the notional baseline. The baseline
 * the engine holds carries no election label, so its name is said here, once.
 */
export function changeBasis(basis: HolderBasis, election?: { changeLabel: string | null }): string {
  // The loaded election says what its baseline is called on air (main/engine/election/election-manifest.ts).
  if (basis === 'notional' && election?.changeLabel) return election.changeLabel;
  return basis === 'notional' ? 'Change on 2019 notional' : 'Change since dissolution';
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
