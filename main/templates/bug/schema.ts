import { z } from 'zod';
import type { TemplateDefinition } from '../../engine/templates';
import { ACCENT_PARTIES } from '../palette';

export const BUG_CORNERS = ['top-right', 'top-left', 'bottom-right', 'bottom-left'] as const;
/** "live" is the breaking red; "none" the house gold; a party id its colour. */
export const BUG_ACCENTS = ['live', ...ACCENT_PARTIES] as [string, ...string[]];

export const bugFields = z
  .strictObject({
    text: z
      .string()
      .trim()
      .max(16, 'at most 16 characters fit the bug')
      .default('Live')
      .meta({ label: 'Text', help: 'The badge text, in capitals on air: LIVE, EXIT POLL, RESULTS' }),
    mode: z.enum(['text', 'clock']).default('text').meta({ label: 'Mode', help: 'Text only, or the text with a clock beside it' }),
    time: z
      .union([z.literal(''), z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a fixed time is HH:MM on the 24-hour clock, like 22:00')])
      .default('')
      .meta({ label: 'Fixed time', help: 'Clock mode: show this time instead of the running UK clock (empty for live)' }),
    corner: z.enum(BUG_CORNERS).default('top-right').meta({ label: 'Corner', help: 'Which corner of title-safe the bug sits in' }),
    accent: z.enum(BUG_ACCENTS).default('live').meta({ label: 'Accent', help: '"live" red, "none" house gold, or a party colour' }),
  })
  .refine((f) => f.mode === 'clock' || f.text !== '', { path: ['text'], message: 'a text bug needs some text' });
export type BugFields = z.infer<typeof bugFields>;

export const bug: TemplateDefinition = {
  id: 'bug',
  name: 'Bug',
  description: 'Corner badge: LIVE, EXIT POLL, RESULTS, or a running UK clock',
  layer: 'bug',
  steps: 1,
  fields: bugFields,
  title: (f) => {
    const text = String(f.text ?? 'Live').trim();
    return f.mode === 'clock' ? `Bug: ${text ? `${text}, ` : ''}clock` : `Bug: ${text}`;
  },
  // Polls closed and the exit poll landed at 22:00 on 4 July 2024.
  demo: { text: 'Exit poll', mode: 'clock', time: '22:00', corner: 'top-right', accent: 'live' },
};
