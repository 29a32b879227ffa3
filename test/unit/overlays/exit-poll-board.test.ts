import { beforeAll, describe, expect, it } from 'vitest';
import { validateFields } from '../../../main/engine/fields';
import { Engine } from '../../../main/engine/engine';
import { SHOW_FORMAT_VERSION, type Show } from '../../../main/engine/show';
import { TEMPLATES } from '../../../main/templates/definitions';
import { exitPollBoard } from '../../../overlays/graphics/exit-poll/board';
import { exitPollFields, type ExitPollFields } from '../../../main/templates/exit-poll/schema';
import type { ReferenceData } from '../../../main/server/reference-data';
import { engineWithCue, loadReferenceNight, previewViewOf } from '../../support/reference-night';

let reference: ReferenceData;
beforeAll(async () => {
  ({ reference } = await loadReferenceNight());
});

/** The fields as the output gets them: resolved by a real engine holding the real notional baseline. */
const resolved = (fields: Record<string, unknown>): ExitPollFields =>
  exitPollFields.parse(previewViewOf(engineWithCue(reference, { id: 'ep', template: 'exit-poll', fields }, []), 'ep'));

/** The exit poll's fields and the board worked out from them, against the published polls. */
const poll2019 = [
  { party: 'con', seats: 368 },
  { party: 'lab', seats: 191 },
  { party: 'snp', seats: 55 },
  { party: 'ld', seats: 13 },
  { party: 'pc', seats: 3 },
  { party: 'green', seats: 1 },
  { party: 'brexit', seats: 0 },
  { party: 'other', seats: 19 },
];

describe('exit poll board', () => {
  it('draws the 2024 poll by default against the 2019 notional result: Labour first, Others last, LAB MAJORITY OF 170', () => {
    const fields = resolved({});
    expect(fields.compareLabel).toBe('Change on 2019 notional');
    const board = exitPollBoard(fields);
    expect(board.rows.map((r) => `${r.party} ${r.seats}`)).toEqual(['lab 410', 'con 131', 'ld 61', 'reform 13', 'snp 10', 'pc 4', 'green 2', 'other 19']);
    expect(board.verdict).toEqual({ text: 'LAB majority of 170', party: 'lab' });
    expect(board.needed).toBe(326);
    // The notional House (data README): Lab 200, Con 372, LD 8, SNP 48, Reform 0, Green 1, PC 2;
    // Others 19 (SF 7, DUP 8, SDLP 2, Alliance 1 and the Speaker). Not the 2019 poll's 191 and 368.
    expect(board.rows.map((r) => r.previous)).toEqual([200, 372, 8, 0, 48, 2, 1, 19]);
    expect(board.rows.map((r) => r.change)).toEqual([210, -241, 53, 13, -38, 2, 1, 0]);
    // The scale leaves room past the longest bar (410, or the notional 372) and keeps 326 inside.
    expect(board.scaleMax).toBeGreaterThan(410);
    expect(board.scaleMax % 50).toBe(0);
  });

  it("names the open election's baseline in the key (its onAir words), not the 2024 night's", () => {
    const show: Show = {
      format: 'strapline-show',
      version: SHOW_FORMAT_VERSION,
      name: 'T',
      stacks: [{ id: 's', name: 'S', cues: [{ id: 'ep', title: 'ep', template: 'exit-poll', layer: 'fullscreen', fields: { parties: poll2019 } }] }],
    };
    const election = {
      name: 'General election 2019',
      kind: 'general' as const,
      seatCount: 650,
      hexKey: null,
      baselineSource: 'the 2017 result',
      changeLabel: 'Change on 2017',
    };
    const engine = new Engine({ show, baseline: reference.baseline, constituencies: reference.constituencies, election, templates: TEMPLATES, now: () => 0 });
    expect(exitPollFields.parse(previewViewOf(engine, 'ep')).compareLabel).toBe('Change on 2017');
  });

  it("compares with figures of the operator's own (the 2019 poll) only when asked, under their label", () => {
    const fields = resolved({
      compare: 'previous',
      compareLabel: '2019 exit poll',
      parties: [
        { party: 'lab', seats: 410, previous: 191 },
        { party: 'con', seats: 131, previous: 368 },
      ],
    });
    expect(fields.compareLabel).toBe('2019 exit poll');
    expect(exitPollBoard(fields).rows.map((r) => r.change)).toEqual([219, -237]);
  });

  it('reads the 2019 poll as a Conservative majority of 86, with no comparison when none is given', () => {
    const board = exitPollBoard(exitPollFields.parse({ parties: poll2019 }));
    expect(board.verdict).toEqual({ text: 'CON majority of 86', party: 'con' });
    expect(board.rows.every((r) => r.previous === null && r.change === null)).toBe(true);
  });

  it('calls a hung parliament by the shortfall (the 2017 poll: Con 314, 12 short)', () => {
    const board = exitPollBoard(
      exitPollFields.parse({
        parties: [
          { party: 'con', seats: 314 },
          { party: 'lab', seats: 266 },
          { party: 'other', seats: 70 },
        ],
      }),
    );
    expect(board.verdict).toEqual({ text: 'CON short by 12', party: 'con' });
  });

  it('is a fullscreen template with one step a party, up to eight, and a demo that validates', () => {
    const def = TEMPLATES.get('exit-poll')!;
    expect(def).toMatchObject({ layer: 'fullscreen', steps: 8 });
    expect(def.fields.safeParse(def.demo).success).toBe(true);
    expect(def.title(exitPollFields.parse({}), { constituencies: new Map() })).toBe('Exit poll 22:00');
  });
});

describe('exit poll fields', () => {
  const refuse = (fields: unknown) => {
    const r = validateFields(TEMPLATES, 'exit-poll', fields);
    if (!('error' in r)) throw new Error('accepted');
    return r.error.message;
  };

  it('refuses a party listed twice, naming the row', () => {
    expect(
      refuse({
        parties: [
          { party: 'lab', seats: 300 },
          { party: 'lab', seats: 10 },
        ],
      }),
    ).toContain('parties.1.party: lab is listed twice');
  });

  it('refuses projections that add up to more than the House', () => {
    expect(
      refuse({
        parties: [
          { party: 'lab', seats: 400 },
          { party: 'con', seats: 300 },
        ],
      }),
    ).toContain('add up to 700, more than the 650 seats');
  });

  it('refuses more parties than the board has rows, bad numbers and a bad time', () => {
    const nine = ['lab', 'con', 'ld', 'reform', 'snp', 'pc', 'green', 'dup', 'sf'].map((party) => ({ party, seats: 1 }));
    expect(refuse({ parties: nine })).toContain('at most 8 parties fit the board');
    expect(refuse({ parties: [{ party: 'lab', seats: -1 }] })).toContain('parties.0.seats: seats cannot be negative');
    expect(refuse({ parties: [{ party: 'lab', seats: 2.5 }] })).toContain('whole number');
    expect(refuse({ parties: [{ party: 'labour', seats: 2 }] })).toContain('parties.0.party');
    expect(refuse({ time: '10pm' })).toContain('time: time is HH:MM');
    expect(refuse({ parties: [] })).toContain('list at least one party');
  });
});
