import { z } from 'zod';
import { boundTemplate, type TemplateDefinition } from '../../engine/templates';
import { onsCodeSchema } from '../../engine/election';
import { resolveSeatResult, seatResultViewSchema } from './bind';

/** Peterborough: Labour's 2024 gain from the Conservatives by 118 votes. */
export const PETERBOROUGH = 'E14001425';

export const seatResultFields = z.strictObject({
  constituency: onsCodeSchema
    .default(PETERBOROUGH)
    .meta({ label: 'Constituency', help: 'The seat to show, by ONS code; the card follows its result live', kind: 'constituency' }),
  bars: z
    .number()
    .int('bars must be a whole number')
    .min(3, 'at least 3 bars')
    .max(7, 'at most 7 bars fit the full result')
    .default(6)
    .meta({ label: 'Bars in the full result', help: 'Largest parties shown on step 2; the rest are folded into Others' }),
});
export type SeatResultFields = z.infer<typeof seatResultFields>;

export const seatResult: TemplateDefinition = {
  id: 'seat-result',
  name: 'Seat result',
  description: 'Declaration flash: GAIN or HOLD, majority, turnout and swing, then the full result',
  layer: 'fullscreen',
  steps: 2,
  ...boundTemplate(seatResultFields, resolveSeatResult, seatResultViewSchema),
  // The seat by name, as the list and the as-run log should read; its code only if the list lacks it.
  title: (f, names) => {
    const code = String(f.constituency ?? PETERBOROUGH);
    return `Result: ${names.constituencies.get(code)?.name ?? code}`;
  },
  demo: { constituency: PETERBOROUGH, bars: 6 },
};
