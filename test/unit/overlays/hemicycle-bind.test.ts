import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../../main/engine/engine';
import type { SeatResult } from '../../../main/engine/election';
import { importResults } from '../../../main/engine/import';
import { emptyShow } from '../../../main/engine/show';
import { REFERENCE_DIR } from '../../../main/server/headless';
import { loadReferenceData, type ReferenceData } from '../../../main/server/reference-data';
import { TEMPLATES } from '../../../overlays/graphics/definitions';
import { PENDING, type HemicycleView } from '../../../overlays/graphics/hemicycle/bind';
import { parliamentArc, seatParties, seatsPerRow } from '../../../overlays/graphics/hemicycle/geometry';

/** The hemicycle resolved by a real engine from the real reference data and the 2024 results. */
let reference: ReferenceData;
let night: SeatResult[];
beforeAll(async () => {
  reference = await loadReferenceData(REFERENCE_DIR);
  night = [...importResults(readFileSync(path.join(REFERENCE_DIR, 'ge2024-results.json'), 'utf8'), 'ge2024-results.json', 'strapline-json').rows];
});

function viewAfter(seats: SeatResult[], fields: Record<string, unknown> = {}): HemicycleView {
  const show = { ...emptyShow('Arc'), stacks: [{ id: 's', name: 'S', cues: [{ id: 'h', title: 'H', template: 'hemicycle', layer: 'fullscreen' as const, fields }] }] };
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
    expect(view.seating.find((b) => b.party === 'speaker')).toEqual({ party: 'speaker', seats: 1 });
    expect(view).toMatchObject({ total: 650, decided: 650, needed: 326, verdict: { text: 'LAB majority of 174', party: 'lab' } });
    expect(view.key).toEqual([
      { party: 'lab', seats: 411 }, { party: 'con', seats: 121 }, { party: 'ld', seats: 72 }, { party: 'snp', seats: 9 },
      { party: 'reform', seats: 5 }, { party: 'green', seats: 4 }, { party: 'pc', seats: 4 }, { party: 'other', seats: 24 },
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
    expect(fields.safeParse({ title: 'x'.repeat(17) }).error!.issues[0]).toMatchObject({ path: ['title'], message: 'at most 16 characters fit beside the arc' });
    expect(fields.safeParse({ parties: ['lab'] }).error!.issues[0]).toMatchObject({ path: ['parties'], message: 'name at least two parties' });
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

  it('orders seats left to right, so seat 326 sits at the top of the arc, the majority line', () => {
    expect(arc.dots[0]!.x).toBeLessThan(arc.dots[649]!.x);
    const angle = (i: number) => Math.atan2(872 - arc.dots[i]!.y, arc.dots[i]!.x - 960);
    for (let i = 1; i < 650; i++) expect(angle(i)).toBeLessThanOrEqual(angle(i - 1) + 1e-3); // positions are rounded to 0.1 px
    expect(Math.abs(angle(325) - Math.PI / 2)).toBeLessThan(0.05);
  });

  it('splits seats across rows exactly and fills seats from blocks', () => {
    expect(seatsPerRow(650, [1, 2, 3]).reduce((a, n) => a + n, 0)).toBe(650);
    expect(seatsPerRow(10, [1, 1, 1])).toEqual([3, 3, 4]);
    expect(seatsPerRow(7, [1, 2, 4])).toEqual([1, 2, 4]);
    expect(seatParties([{ party: 'lab', seats: 2 }, { party: 'con', seats: 1 }], 5, PENDING)).toEqual(['lab', 'lab', 'con', PENDING, PENDING]);
  });
});
