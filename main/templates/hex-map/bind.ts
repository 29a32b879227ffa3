import { baselineHolder, seatWinner, type PartyId } from '../../engine/election';
import type { BindingContext } from '../../engine/templates';
import { FOCUS_REGIONS, WHOLE_MAP, WHOLE_MAP_NAME, type FocusRegion } from './regions';
import type { HexMapFields, HexMapView, Tally } from './schema';

/** The key's catch-all row: every party the view does not list by name. */
export const OTHERS = 'other';

/**
 * The parties each view names in its key, as broadcasters do: a fixed set per
 * nation, so rows do not come and go as seats declare; everyone else is
 * "Others". Ties keep this order.
 */
const GB = ['lab', 'con', 'ld', 'reform', 'green'];
function keyParties(region: string): string[] {
  if (region === WHOLE_MAP) return ['lab', 'con', 'ld', 'snp', 'reform', 'green', 'pc'];
  if (region === 'S92000003') return ['snp', ...GB];
  if (region === 'W92000004') return [...GB, 'pc'];
  if (region === 'N92000002') return ['sf', 'dup', 'alliance', 'sdlp', 'uup', 'tuv'];
  return GB;
}

/** Seats by party among `codes`, as key rows: named parties by seats won, then Others. */
function tally(name: string, region: string, codes: readonly string[], winners: Readonly<Record<string, PartyId>>): Tally {
  const named = keyParties(region);
  const seats = new Map<string, number>([...named, OTHERS].map((p) => [p, 0]));
  let decided = 0;
  for (const code of codes) {
    const party = winners[code];
    if (party === undefined) continue;
    decided += 1;
    const row = named.includes(party) ? party : OTHERS;
    seats.set(row, seats.get(row)! + 1);
  }
  const rows = named
    .map((party, order) => ({ party, seats: seats.get(party)!, order }))
    .sort((a, b) => b.seats - a.seats || a.order - b.order)
    .map(({ party, seats: n }) => ({ party, seats: n }));
  return { name, decided, total: codes.length, parties: [...rows, { party: OTHERS, seats: seats.get(OTHERS)! }] };
}

/**
 * From the accepted results to what the map draws: a party per decided seat
 * (tonight's winner, or the baseline holder), the whole-UK key and the focus
 * region's key. Undecided seats are simply absent, which keeps the view small.
 */
export function resolveHexMap(fields: HexMapFields, ctx: BindingContext): HexMapView {
  const { results } = ctx;
  const winners: Record<string, PartyId> = {};
  for (const [code, seat] of results.seats) {
    const party = fields.source === 'baseline' ? baselineHolder(results.baseline, code, results.holderBasis) : seatWinner(seat);
    if (party !== undefined) winners[code] = party;
  }
  const codes = [...results.seats.keys()];
  const focus =
    fields.region === WHOLE_MAP
      ? null
      : tally(
          FOCUS_REGIONS[fields.region as FocusRegion],
          fields.region,
          codes.filter((code) => ctx.constituencies.get(code)?.regionCode === fields.region),
          winners,
        );
  return {
    title: fields.title,
    source: fields.source,
    region: fields.region,
    winners,
    uk: tally(WHOLE_MAP_NAME, WHOLE_MAP, codes, winners),
    focus,
    ...(ctx.election?.hexKey ? { layout: ctx.election.hexKey } : {}),
  };
}
