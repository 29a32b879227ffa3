import { z } from 'zod';
import type { TemplateDefinition } from '../../engine/templates';
import { ACCENT_PARTIES } from '../palette';

export const strapFields = z.strictObject({
  headline: z
    .string()
    .trim()
    .min(1, 'a strap needs a headline')
    .max(70, 'at most 70 characters fit the strap')
    .default('Strapline')
    .meta({ label: 'Headline', help: 'The main line, in capitals on air' }),
  subline: z.string().trim().max(110, 'at most 110 characters fit the subline').default('').meta({ label: 'Subline', help: 'Optional second line' }),
  party: z.enum(ACCENT_PARTIES).default('none').meta({ label: 'Party accent', help: 'Colours the accent bar' }),
  variant: z.enum(['standard', 'breaking', 'analysis']).default('standard').meta({ label: 'Variant', help: 'Breaking adds a red flash; analysis a label' }),
});
export type StrapFields = z.infer<typeof strapFields>;

export const strap: TemplateDefinition = {
  id: 'strap',
  name: 'Strap',
  description: 'Lower third: headline, subline and a party accent',
  layer: 'lower-third',
  steps: 1,
  fields: strapFields,
  title: (f) => String(f.headline ?? 'Strap'),
  demo: { headline: 'Tories teetering in Wales', subline: 'Labour ahead in 27 of 32 seats as Plaid Cymru take four', party: 'con', variant: 'analysis' },
};
