import { beforeAll, describe, expect, it } from 'vitest';
import type { SeatResult } from '../../../main/engine/election';
import type { ReferenceData } from '../../../main/server/reference-data';
import { MIN_MARK_PX, markLength } from '../../../overlays/graphics/common/marks';
import { exitPollBoard } from '../../../overlays/graphics/exit-poll/board';
import { barScale as pollBar, TRACK_PX, tickX } from '../../../overlays/graphics/exit-poll/fill';
import { exitPollFields } from '../../../main/templates/exit-poll/schema';
import type { SeatTallyView } from '../../../main/templates/seat-tally/bind';
import { BAR_PX, barScale as tallyBar, tallyLayout } from '../../../overlays/graphics/seat-tally/layout';
import { engineWithCue, loadReferenceNight, previewViewOf } from '../../support/reference-night';

let reference: ReferenceData;
let night: readonly SeatResult[];
beforeAll(async () => {
  ({ reference, night } = await loadReferenceNight());
});

describe('minimum mark sizes', () => {
  it('draws nothing for zero, at least the minimum for anything above it, and to scale past that', () => {
    expect(markLength(0, 650, 1000)).toBe(0);
    expect(markLength(-1, 650, 1000)).toBe(0);
    expect(markLength(1, 650, 1000)).toBe(MIN_MARK_PX);
    expect(markLength(2, 650, 1000)).toBe(MIN_MARK_PX);
    expect(markLength(325, 650, 1000)).toBe(500);
    expect(markLength(900, 650, 1000)).toBe(1000);
    expect(markLength(5, 0, 1000)).toBe(0);
  });

  it("exit poll 2024: Green's 2 seats and Plaid's 4 are bars, not slivers, and the 2019 tick stands at its ghost bar's end", () => {
    const fields = exitPollFields.parse(previewViewOf(engineWithCue(reference, { id: 'ep', template: 'exit-poll', fields: {} }, []), 'ep'));
    const board = exitPollBoard(fields);
    for (const row of board.rows) {
      const px = pollBar(row.seats, board) * TRACK_PX;
      expect(px, `${row.party} ${row.seats}`).toBeGreaterThanOrEqual(MIN_MARK_PX);
      // Drawn to scale it would be 3 px for Green: under the 6 px tick.
      if ((row.seats / board.scaleMax) * TRACK_PX > MIN_MARK_PX) expect(px).toBeCloseTo((row.seats / board.scaleMax) * TRACK_PX, 6);
      expect(tickX(row.previous ?? 0, board)).toBeCloseTo(pollBar(row.previous ?? 0, board) * TRACK_PX, 6);
    }
    const green = board.rows.find((r) => r.party === 'green')!;
    expect((green.seats / board.scaleMax) * TRACK_PX).toBeLessThan(6);
  });

  it('seat tally 2024: every party with a seat stands at least the minimum tall; none stands for zero', () => {
    const view = previewViewOf(engineWithCue(reference, { id: 'st', template: 'seat-tally', fields: {} }, night), 'st') as SeatTallyView;
    const layout = tallyLayout(view);
    const heights = Object.fromEntries(view.columns.map((c) => [c.party, tallyBar(c.seats, layout) * BAR_PX]));
    for (const c of view.columns) expect(heights[c.party], `${c.party} ${c.seats}`).toBeGreaterThanOrEqual(MIN_MARK_PX);
    expect(heights.lab).toBeCloseTo((411 / layout.scaleMax) * BAR_PX, 6);
    const empty = previewViewOf(engineWithCue(reference, { id: 'st', template: 'seat-tally', fields: {} }, []), 'st') as SeatTallyView;
    expect(empty.columns.map((c) => tallyBar(c.seats, tallyLayout(empty)))).toEqual(empty.columns.map(() => 0));
  });
});
