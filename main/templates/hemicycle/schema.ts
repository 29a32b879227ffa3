import { z } from 'zod';
import { assertFitsElection } from '../election-fit';
import { boundTemplate, type TemplateDefinition } from '../../engine/templates';
import { shownPartiesField } from '../seat-tally/schema';
import { resolveHemicycle, hemicycleView } from './bind';

export const hemicycleFields = z.strictObject({
  title: z
    .string()
    .trim()
    .min(1, 'the arc needs a title')
    .max(16, 'at most 16 characters fit beside the arc')
    .default('House of Commons')
    .meta({ label: 'Title', help: 'Top line, in capitals on air' }),
  subtitle: z
    .string()
    .trim()
    .max(40, 'at most 40 characters fit the subtitle')
    .default('General election 2024')
    .meta({ label: 'Subtitle', help: 'The line under the title' }),
  parties: shownPartiesField.meta({ label: 'Parties in the key', help: 'Named in the key, most seats first; the rest are added up as Others', kind: 'party' }),
});
export type HemicycleFields = z.infer<typeof hemicycleFields>;

export const hemicycle: TemplateDefinition = {
  id: 'hemicycle',
  name: 'Hemicycle',
  description: 'Full-screen parliament arc of all 650 seats, coloured as they declare, with the 326 line and a key',
  layer: 'fullscreen',
  steps: 1,
  ...boundTemplate(hemicycleFields, (fields, ctx) => (assertFitsElection('hemicycle', ctx), resolveHemicycle(fields, ctx)), hemicycleView),
  title: (f) => String(f.title ?? 'House of Commons'),
  demo: { title: 'House of Commons', subtitle: 'General election 2024', parties: ['lab', 'con', 'ld', 'snp', 'reform', 'green', 'pc'] },
};
