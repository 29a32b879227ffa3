import { z } from 'zod';
import { PARTY_TABLE } from '../../engine/election';
import { boundTemplate, type TemplateDefinition } from '../../engine/templates';
import { resolveExitPoll } from './compare';

/** At most eight bars fit the board at 76 px a row; one Next reveals each. */
export const EXIT_POLL_MAX_PARTIES = 8;
const PARTY_IDS = PARTY_TABLE.map((p) => p.id) as [string, ...string[]];

const seats = (what: string) =>
  z.number().int(`${what} must be a whole number`).min(0, `${what} cannot be negative`).max(650, `${what} cannot exceed the 650 seats`);

const projection = z.strictObject({
  party: z.enum(PARTY_IDS).meta({ label: 'Party', help: 'Party id from the party table; "other" for everyone else', kind: 'party' }),
  seats: seats('seats').meta({ label: 'Projected seats', help: 'The exit poll projection' }),
  previous: seats('previous')
    .optional()
    .meta({ label: 'Previous', help: 'Used when comparing with your own figures: the figure to compare with, drawn as a ghost bar and a change' }),
});

// The 22:00 projections of 2024, Ipsos for BBC, ITV News and Sky News. The figures they are
// compared with come from the baseline (the 2019 result on the new boundaries), not from here.
const POLL_2024 = [
  { party: 'lab', seats: 410 },
  { party: 'con', seats: 131 },
  { party: 'ld', seats: 61 },
  { party: 'reform', seats: 13 },
  { party: 'snp', seats: 10 },
  { party: 'pc', seats: 4 },
  { party: 'green', seats: 2 },
  { party: 'other', seats: 19 },
];

export const exitPollFields = z.strictObject({
  title: z
    .string()
    .trim()
    .min(1, 'the board needs a title')
    .max(24, 'at most 24 characters fit the title')
    .default('Exit poll')
    .meta({ label: 'Title', help: 'Top line, in capitals on air' }),
  time: z
    .string()
    .trim()
    .regex(/^$|^([01]\d|2[0-3]):[0-5]\d$/, 'time is HH:MM (24-hour) or empty')
    .default('22:00')
    .meta({ label: 'Time', help: 'Shown beside the title; empty hides it' }),
  source: z
    .string()
    .trim()
    .max(60, 'at most 60 characters fit the source line')
    .default('Projected seats: Ipsos for BBC, ITV News and Sky News')
    .meta({ label: 'Source', help: 'The line under the title' }),
  compare: z.enum(['notional', 'previous'], { error: 'compare must be "notional" or "previous"' }).default('notional').meta({
    label: 'Change against',
    help: 'notional: the baseline, the last election on these boundaries (as the seats change on the night); previous: the figures typed in each row',
  }),
  compareLabel: z.string().trim().max(24, 'at most 24 characters fit the comparison label').default('').meta({
    label: 'Comparison label',
    help: 'Said in the key when comparing with your own figures (e.g. "2019 exit poll"); the notional comparison names itself',
  }),
  parties: z
    .array(projection)
    .min(1, 'list at least one party')
    .max(EXIT_POLL_MAX_PARTIES, `at most ${EXIT_POLL_MAX_PARTIES} parties fit the board`)
    .superRefine((rows, ctx) => {
      const seen = new Set<string>();
      rows.forEach((row, i) => {
        if (seen.has(row.party)) ctx.addIssue({ code: 'custom', path: [i, 'party'], message: `${row.party} is listed twice` });
        seen.add(row.party);
      });
      const total = rows.reduce((sum, r) => sum + r.seats, 0);
      if (total > 650) ctx.addIssue({ code: 'custom', message: `the projections add up to ${total}, more than the 650 seats` });
      const before = rows.reduce((sum, r) => sum + (r.previous ?? 0), 0);
      if (before > 650) ctx.addIssue({ code: 'custom', message: `the previous figures add up to ${before}, more than the 650 seats` });
    })
    .default(POLL_2024)
    .meta({ label: 'Projections', help: 'One row a party; revealed largest first, "other" last, one per Next' }),
});
export type ExitPollFields = z.infer<typeof exitPollFields>;

export const exitPoll: TemplateDefinition = {
  id: 'exit-poll',
  name: 'Exit poll',
  description: 'Full-screen projected seats per party against the 326 majority line, with the change on the notional result, one party per Next',
  layer: 'fullscreen',
  steps: EXIT_POLL_MAX_PARTIES,
  // What it draws is its fields, with each row's previous figure filled from the baseline.
  ...boundTemplate(exitPollFields, resolveExitPoll, exitPollFields),
  title: (f) => `${String(f.title ?? 'Exit poll')} ${String(f.time ?? '')}`.trim(),
  demo: {
    title: 'Exit poll',
    time: '22:00',
    source: 'Projected seats: Ipsos for BBC, ITV News and Sky News',
    compare: 'notional',
    compareLabel: '',
    parties: POLL_2024,
  },
};
