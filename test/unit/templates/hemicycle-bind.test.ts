import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../../main/engine/engine';
import type { SeatResult } from '../../../main/engine/election';
import { importResults } from '../../../main/engine/import';
import { emptyShow } from '../../../main/engine/show';
import { REFERENCE_DIR } from '../../../main/server/headless';
import { loadReferenceData, type ReferenceData } from '../../../main/server/reference-data';
import { TEMPLATES } from '../../../main/templates/definitions';
import { PENDING, type HemicycleView } from '../../../main/templates/hemicycle/bind';
import { parliamentArc, seatParties, seatsPerRow, type Arc } from '../../../overlays/graphics/hemicycle/geometry';
import { ARC, partiesOf, seatFill } from '../../../overlays/graphics/hemicycle/fill';

/** The hemicycle resolved by a real engine from the real reference data and the 2024 results. */
let reference: ReferenceData;
let night: SeatResult[];
beforeAll(async () => {
  reference = await loadReferenceData(REFERENCE_DIR);
  night = [...importResults(readFileSync(path.join(REFERENCE_DIR, 'ge2024-results.json'), 'utf8'), 'ge2024-results.json', 'strapline-json').rows];
});

function viewAfter(seats: SeatResult[], fields: Record<string, unknown> = {}): HemicycleView {
  const show = {
    ...emptyShow('Arc'),
    stacks: [{ id: 's', name: 'S', cues: [{ id: 'h', title: 'H', template: 'hemicycle', layer: 'fullscreen' as const, fields }] }],
  };
  const engine = new Engine({ show, baseline: reference.baseline, constituencies: reference.constituencies, templates: TEMPLATES, now: () => 0 });
  if (seats.length) expect(engine.dispatch({ type: 'declare-results', source: 'test', seats }).ok).toBe(true);
  expect(engine.dispatch({ type: 'cue', cueId: 'h' }).ok).toBe(true);
  return engine.programSnapshot().preview!.view as HemicycleView;
}

const sum = (blocks: { seats: number }[]) => blocks.reduce((a, b) => a + b.seats, 0);

describe('hemicycle bound to the 2024 results', () => {
  it('seats the whole House: Labour 411 from the left, the Conservatives 121 at the right, none undeclared', () => {
    const view = viewAfter(night);
    expect(sum(view.seating)).toBe(650);
    expect(view.seating[0]).toEqual({ party: 'lab', seats: 411 });
    expect(view.seating.at(-1)).toEqual({ party: 'con', seats: 121 });
    expect(view.seating.find((b) => b.party === PENDING)).toBeUndefined();
    // The Speaker and every party the key does not name sit as one Others block, in the Others grey.
    expect(view.seating.find((b) => b.party === 'speaker')).toBeUndefined();
    expect(view.seating.find((b) => b.party === 'other')).toEqual({ party: 'other', seats: 24 });
    expect(view).toMatchObject({ total: 650, decided: 650, needed: 326, verdict: { text: 'LAB majority of 174', party: 'lab' } });
    expect(view.key).toEqual([
      { party: 'lab', seats: 411 },
      { party: 'con', seats: 121 },
      { party: 'ld', seats: 72 },
      { party: 'snp', seats: 9 },
      { party: 'reform', seats: 5 },
      { party: 'green', seats: 4 },
      { party: 'pc', seats: 4 },
      { party: 'other', seats: 24 },
    ]);
  });

  it('keeps undeclared seats between the left and right blocks on a partial night', () => {
    const wales = night.filter((s) => s.onsCode.startsWith('W'));
    const view = viewAfter(wales);
    expect(view.decided).toBe(32);
    expect(sum(view.seating)).toBe(650);
    const order = view.seating.map((b) => b.party);
    expect(order).toEqual(['lab', 'pc', 'ld', PENDING]);
    expect(view.seating).toContainEqual({ party: 'lab', seats: 27 });
    expect(view.key.at(-1)).toEqual({ party: PENDING, seats: 618 });
    expect(view.verdict).toEqual({ text: 'LAB need 299 more', party: 'lab' });
    const scotland = viewAfter(night.filter((s) => s.onsCode.startsWith('S')));
    const names = scotland.seating.map((b) => b.party);
    // Conservatives sit right of the undeclared seats, Labour and the SNP left of them.
    expect(names.indexOf('con')).toBeGreaterThan(names.indexOf(PENDING));
    expect(names.indexOf('snp')).toBeLessThan(names.indexOf(PENDING));
  });

  it('shows an empty House before any result, and refuses bad fields by name', () => {
    expect(viewAfter([]).seating).toEqual([{ party: PENDING, seats: 650 }]);
    const fields = TEMPLATES.get('hemicycle')!.fields;
    expect(fields.safeParse({ title: 'x'.repeat(17) }).error!.issues[0]).toMatchObject({
      path: ['title'],
      message: 'at most 16 characters fit beside the arc',
    });
    expect(fields.safeParse({ parties: ['lab'] }).error!.issues[0]).toMatchObject({ path: ['parties'], message: 'name at least two parties' });
  });
});

const distance = (arc: Arc, i: number, j: number) => Math.hypot(arc.dots[i]!.x - arc.dots[j]!.x, arc.dots[i]!.y - arc.dots[j]!.y);
/** The largest distance from a seat to its nearest neighbour: what "next to" means on this arc. */
const spacings = new WeakMap<Arc, number>();
function spacing(arc: Arc): number {
  const known = spacings.get(arc);
  if (known !== undefined) return known;
  const s = Math.max(...arc.dots.map((_, i) => Math.min(...arc.dots.map((__, j) => (i === j ? Infinity : distance(arc, i, j))))));
  spacings.set(arc, s);
  return s;
}

/** Seats of each party that cannot be reached from its first seat stepping only to neighbours. */
function scattered(arc: Arc, parties: readonly string[]): Record<string, number> {
  const reach = 1.5 * spacing(arc);
  const out: Record<string, number> = {};
  for (const party of new Set(parties)) {
    const seats = parties.flatMap((p, i) => (p === party ? [i] : []));
    const seen = new Set([seats[0]!]);
    const todo = [seats[0]!];
    while (todo.length) {
      const i = todo.pop()!;
      for (const j of seats)
        if (!seen.has(j) && distance(arc, i, j) <= reach) {
          seen.add(j);
          todo.push(j);
        }
    }
    out[party] = seats.length - seen.size;
  }
  return out;
}

describe('hemicycle blocks and key', () => {
  const arc = parliamentArc(650, ARC);

  it("keeps each party's seats together: Plaid's 4, Green's 4, Reform's 5 and the SNP's 9 are one block each", () => {
    for (const view of [viewAfter(night), viewAfter(night.slice(0, 200)), viewAfter(night.filter((s) => !s.onsCode.startsWith('E')))]) {
      const parties = partiesOf(view);
      const lost = scattered(arc, parties);
      expect(lost, view.seating.map((b) => `${b.party} ${b.seats}`).join(', ')).toEqual(Object.fromEntries(Object.keys(lost).map((p) => [p, 0])));
    }
  });

  it('seats the blocks left to right: Labour first, the Conservatives last, Others beside the seats to declare', () => {
    const order = viewAfter(night.slice(0, 300)).seating.map((b) => b.party);
    expect(order[0]).toBe('lab');
    expect(order.at(-1)).toBe('con');
    expect(order.indexOf(PENDING) - order.indexOf('other')).toBe(1);
    expect(order.indexOf('reform')).toBeGreaterThan(order.indexOf(PENDING));
  });

  it('draws no colour its key does not explain, whichever parties the key names', () => {
    const cases: Record<string, unknown>[] = [
      {},
      { parties: ['lab', 'con'] },
      { parties: ['sf', 'dup', 'alliance', 'sdlp', 'uup', 'tuv', 'pc'] },
      { parties: ['lab', 'con', 'speaker'] },
    ];
    for (const fields of cases) {
      for (const seats of [night, [], night.slice(0, 100)]) {
        const view = viewAfter([...seats], fields);
        const drawn = new Set(partiesOf(view).map(seatFill));
        const keyed = new Set(view.key.map((k) => seatFill(k.party)));
        expect(
          [...drawn].filter((c) => !keyed.has(c)),
          JSON.stringify(fields),
        ).toEqual([]);
        // And each colour in the key means one thing.
        expect(keyed.size).toBe(view.key.length);
      }
    }
  });
});

describe('parliament arc geometry', () => {
  const arc = parliamentArc(650, { cx: 960, cy: 872, inner: 270, outer: 720 });

  it('places 650 distinct seats on rows of even spacing', () => {
    expect(arc.dots).toHaveLength(650);
    expect(new Set(arc.dots.map((d) => `${d.x},${d.y}`)).size).toBe(650);
    expect(arc.rows).toBeGreaterThan(10);
    for (const d of arc.dots) {
      const r = Math.hypot(d.x - 960, d.y - 872);
      expect(r).toBeGreaterThan(269);
      expect(r).toBeLessThan(721);
      expect(d.y).toBeLessThanOrEqual(872);
    }
  });

  it('orders seats left to right a column at a time, each seat beside the one before; seat 326 at the top of the arc', () => {
    expect(arc.dots[0]!.x).toBeLessThan(arc.dots[649]!.x);
    const angle = (i: number) => Math.atan2(872 - arc.dots[i]!.y, arc.dots[i]!.x - 960);
    const inner = arc.dots.filter((d) => d.row === 0).length;
    const column = Math.PI / (inner - 1);
    // Never more than a column's width back to the right of a seat already filled.
    let furthest = -Infinity;
    for (let i = 0; i < 650; i++) {
      furthest = Math.max(furthest, -angle(i));
      expect(-angle(i)).toBeGreaterThan(furthest - column);
    }
    const next = 1.5 * spacing(arc);
    for (let i = 1; i < 650; i++) expect(distance(arc, i - 1, i), `seat ${i} to ${i + 1}`).toBeLessThanOrEqual(next);
    expect(Math.abs(angle(325) - Math.PI / 2)).toBeLessThan(column);
  });

  it('splits seats across rows exactly and fills seats from blocks', () => {
    expect(seatsPerRow(650, [1, 2, 3]).reduce((a, n) => a + n, 0)).toBe(650);
    expect(seatsPerRow(10, [1, 1, 1])).toEqual([3, 3, 4]);
    expect(seatsPerRow(7, [1, 2, 4])).toEqual([1, 2, 4]);
    expect(
      seatParties(
        [
          { party: 'lab', seats: 2 },
          { party: 'con', seats: 1 },
        ],
        5,
        PENDING,
      ),
    ).toEqual(['lab', 'lab', 'con', PENDING, PENDING]);
  });
});
