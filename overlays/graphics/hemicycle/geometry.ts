/**
 * Where the seats of a parliament arc go. Rows of dots on concentric half
 * circles, each row holding seats in proportion to its length, so the dots are
 * evenly spaced; then the seats are ranked left to right a column at a time
 * (inColumns), so filling them in that order paints each party as one block:
 * a wedge for a big party, a short stub for a small one, never scattered dots.
 * Pure: the view and the tests share it.
 */

export interface ArcSpec {
  cx: number;
  cy: number;
  inner: number;
  outer: number;
}

export interface SeatDot {
  x: number;
  y: number;
  row: number;
}

export interface Arc {
  /** Left to right, a column at a time; index i is the i-th seat filled. */
  dots: SeatDot[];
  rows: number;
  dotRadius: number;
}

/** Splits total seats across rows in proportion to each row's length (largest remainder). */
export function seatsPerRow(total: number, radii: readonly number[]): number[] {
  const sum = radii.reduce((a, r) => a + r, 0);
  const exact = radii.map((r) => (total * r) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, n) => a + n, 0);
  const byRemainder = exact.map((x, i) => ({ i, rem: x - Math.floor(x) })).sort((a, b) => b.rem - a.rem || b.i - a.i);
  for (const { i } of byRemainder) {
    if (left-- <= 0) break;
    counts[i]! += 1;
  }
  return counts;
}

export function parliamentArc(total: number, spec: ArcSpec): Arc {
  const depth = spec.outer - spec.inner;
  const spacing = Math.sqrt(((Math.PI / 2) * (spec.outer ** 2 - spec.inner ** 2)) / Math.max(1, total));
  const rows = Math.max(1, Math.min(total, Math.round(depth / spacing) + 1));
  const radii = Array.from({ length: rows }, (_, i) => (rows === 1 ? spec.outer : spec.inner + (depth * i) / (rows - 1)));
  const counts = seatsPerRow(total, radii);
  const placed: (SeatDot & { angle: number })[] = [];
  counts.forEach((n, row) => {
    for (let j = 0; j < n; j++) {
      const angle = n === 1 ? Math.PI / 2 : Math.PI * (1 - j / (n - 1));
      placed.push({ x: spec.cx + radii[row]! * Math.cos(angle), y: spec.cy - radii[row]! * Math.sin(angle), row, angle });
    }
  });
  // Left to right; on a shared angle, inner rows first.
  placed.sort((a, b) => b.angle - a.angle || a.row - b.row);
  const ordered = inColumns(placed, counts[0]!);
  const radial = rows === 1 ? spacing : depth / (rows - 1);
  const along = (Math.PI * radii[0]!) / Math.max(1, counts[0]! - 1);
  return {
    dots: ordered.map(({ x, y, row }) => ({ x: round(x), y: round(y), row })),
    rows,
    // Capped so a tiny test House does not draw saucers.
    dotRadius: round(Math.min(20, 0.42 * Math.min(radial, along, spacing))),
  };
}

/**
 * Seats in filling order, left to right, a column at a time: each column is the seats at
 * one inner-row seat's angle, across every row, walked inward and outward in turn. Filling
 * strictly by angle scatters a small party's seats across rows far apart (Plaid Cymru's
 * four were four lone dots among the SNP's); walked this way, any run of seats is one
 * compact block, each seat next to the one before.
 */
function inColumns<T extends { row: number; angle: number }>(dots: T[], columns: number): T[] {
  const column = (d: T) => (columns === 1 ? 0 : Math.round(((Math.PI - d.angle) / Math.PI) * (columns - 1)));
  const rows = Math.max(...dots.map((d) => d.row)) + 1;
  // Outward in even columns, inward in odd ones. Along a row, alternately left to right and
  // back; the inner and outer rows, where one column hands over to the next, always left to
  // right, so a column ends beside where the next begins.
  const outward = (c: number) => c % 2 === 0;
  const leftToRight = (row: number) => row % 2 === 0 || row === rows - 1;
  return dots
    .map((d) => ({ d, c: column(d) }))
    .sort(
      (a, b) => a.c - b.c || (outward(a.c) ? a.d.row - b.d.row : b.d.row - a.d.row) || (leftToRight(a.d.row) ? b.d.angle - a.d.angle : a.d.angle - b.d.angle),
    )
    .map(({ d }) => d);
}

const round = (n: number) => Math.round(n * 10) / 10;

/** One party id a seat, left to right, from blocks of seats in seating order. */
export function seatParties(blocks: readonly { party: string; seats: number }[], total: number, empty: string): string[] {
  const out: string[] = [];
  for (const b of blocks) for (let i = 0; i < b.seats && out.length < total; i++) out.push(b.party);
  while (out.length < total) out.push(empty);
  return out;
}
