import { beforeAll, describe, expect, it } from 'vitest';
import type { ReferenceData } from '../../../main/server/reference-data';
import { lineAbovePlace, namedPlace, placeHeadings } from '../../../overlays/graphics/common/headings';
import { AWAITING, DASH, figureOrDash } from '../../../main/templates/common/verdict';
import type { HemicycleView } from '../../../main/templates/hemicycle/bind';
import type { SeatTallyView } from '../../../main/templates/seat-tally/bind';
import type { SwingometerView } from '../../../main/templates/swingometer/bind';
import { swingParts } from '../../../overlays/graphics/swingometer/fill';
import type { TargetSeatsView } from '../../../main/templates/target-seats/bind';
import { targetParts } from '../../../overlays/graphics/target-seats/fill';
import { engineWithCue, loadReferenceNight, previewViewOf } from '../../support/reference-night';

let reference: ReferenceData;
beforeAll(async () => {
  ({ reference } = await loadReferenceNight());
});

/** A board as the output gets it before any seat has declared. */
const before = (template: string, fields: Record<string, unknown> = {}) => previewViewOf(engineWithCue(reference, { id: 'c', template, fields }, []), 'c');

describe('regional headings never repeat or contradict the place', () => {
  it('finds the place a title names, the longest first, whatever its case', () => {
    expect(namedPlace('East of England')).toBe('east of england');
    expect(namedPlace('LABOUR IN WALES')).toBe('wales');
    expect(namedPlace('State of the parties')).toBeNull();
    expect(namedPlace('UK')).toBe('united kingdom');
    expect(namedPlace('Eastern promise')).toBeNull();
  });

  it('seat tally: EAST OF ENGLAND over EAST OF ENGLAND becomes EAST OF ENGLAND over STATE OF THE PARTIES', () => {
    expect(placeHeadings('East of England', 'East of England', 'State of the parties')).toEqual({ title: 'East of England', place: 'State of the parties' });
    expect(placeHeadings('Wales', 'UK', 'State of the parties')).toEqual({ title: 'State of the parties', place: 'UK' });
    expect(placeHeadings('State of the parties', 'Wales', 'State of the parties')).toEqual({ title: 'State of the parties', place: 'Wales' });
    expect(placeHeadings('United Kingdom', 'UK', 'State of the parties')).toEqual({ title: 'United Kingdom', place: 'State of the parties' });
  });

  it('hex map: the line over the place is never a place (WALES over UNITED KINGDOM)', () => {
    expect(lineAbovePlace('Wales', 'General election 2024')).toBe('General election 2024');
    expect(lineAbovePlace('East of England', 'General election 2024')).toBe('General election 2024');
    expect(lineAbovePlace('Results so far', 'General election 2024')).toBe('Results so far');
  });
});

describe('before the first declaration every board keeps its structure, its numbers as dashes', () => {
  it('dashes a figure only while waiting', () => {
    expect(figureOrDash(0, true)).toBe(DASH);
    expect(figureOrDash(0, false)).toBe('0');
  });

  it('seat tally and hemicycle: the whole House and the majority line, no seat in, the headline waiting', () => {
    const tally = before('seat-tally') as SeatTallyView;
    expect(tally).toMatchObject({ decided: 0, total: 650, needed: 326, verdict: { text: AWAITING, party: 'none' } });
    expect(tally.columns).toHaveLength(8);
    const region = before('seat-tally', { region: 'W92000004' }) as SeatTallyView;
    expect(region).toMatchObject({ decided: 0, total: 32, verdict: { text: AWAITING } });
    const house = before('hemicycle') as HemicycleView;
    expect(house).toMatchObject({ decided: 0, total: 650, needed: 326, verdict: { text: AWAITING } });
    expect(house.key.at(-1)).toEqual({ party: 'pending', seats: 650 });
  });

  it('swingometer: the dial at zero, every figure a dash, and it says what it waits for', () => {
    const parts = swingParts(before('swingometer') as SwingometerView);
    expect(parts).toMatchObject({ value: DASH, direction: AWAITING, 'from-seats': DASH, 'to-seats': DASH, changing: DASH, 'l0-name': AWAITING });
  });

  it('target seats: every row to declare, the score a dash', () => {
    const view = before('target-seats') as TargetSeatsView;
    const parts = targetParts(view);
    expect(parts.gains).toBe(DASH);
    expect(parts.declared).toBe(`0 of ${view.rows.length} declared`);
    expect(view.rows.every((r) => r.status === 'TO DECLARE')).toBe(true);
  });
});
