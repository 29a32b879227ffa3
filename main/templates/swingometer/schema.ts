import { z } from 'zod';
import { boundTemplate, type TemplateDefinition } from '../../engine/templates';
import { ATTACKERS } from '../target-seats/schema';
import { resolveSwingometer, swingometerViewSchema } from './bind';

export const swingometerFields = z
  .strictObject({
    title: z.string().trim().max(40, 'at most 40 characters fit the title').default('').meta({ label: 'Title', help: 'Leave empty for "<from> to <to>"' }),
    from: z
      .enum(ATTACKERS, { error: `from must be one of ${ATTACKERS.join(', ')}` })
      .default('con')
      .meta({ label: 'Swing from', help: 'The party on the left of the dial', kind: 'party' }),
    to: z
      .enum(ATTACKERS, { error: `to must be one of ${ATTACKERS.join(', ')}` })
      .default('lab')
      .meta({ label: 'Swing to', help: 'The party on the right; a positive swing favours it', kind: 'party' }),
    source: z
      .enum(['results', 'fixed'], { error: 'source must be "results" or "fixed"' })
      .default('results')
      .meta({ label: 'Swing source', help: 'results: the average over declared seats, live; fixed: the swing below' }),
    swing: z
      .number()
      .min(-30, 'swing must be at least -30 points')
      .max(30, 'swing must be at most 30 points')
      .default(0)
      .meta({ label: 'Fixed swing (points)', help: 'Used when the source is fixed; negative swings towards the left party' }),
    range: z
      .number()
      .int('range must be a whole number')
      .min(5, 'range must be at least 5 points')
      .max(30, 'range must be at most 30 points')
      .default(15)
      .meta({ label: 'Dial range (points)', help: 'The scale either side of zero' }),
  })
  .refine((f) => f.from !== f.to, { path: ['to'], message: 'the two parties must differ' });
export type SwingometerFields = z.infer<typeof swingometerFields>;

export const swingometer: TemplateDefinition = {
  id: 'swingometer',
  name: 'Swingometer',
  description: 'Two-party swing needle, live from the results or a what-if, with the seats that change hands',
  layer: 'fullscreen',
  steps: 2,
  ...boundTemplate(swingometerFields, resolveSwingometer, swingometerViewSchema),
  title: (f) => `Swing ${String(f.from ?? 'con').toUpperCase()} to ${String(f.to ?? 'lab').toUpperCase()}`,
  demo: { title: '', from: 'con', to: 'lab', source: 'results', swing: 0, range: 15 },
};
