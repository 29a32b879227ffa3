import { z } from 'zod';
import { boundTemplate, type TemplateDefinition } from '../../engine/templates';
import { resolveTicker } from './bind';
import { splitItems } from './items';

export const MAX_ITEMS = 30;
const MAX_ITEM_LENGTH = 140;

/** One item a line; blank lines are dropped. Each line must fit the strip's one line at a glance. */
const itemLines = z
  .string()
  .max(MAX_ITEMS * (MAX_ITEM_LENGTH + 1), 'too much text for the ticker')
  .superRefine((text, ctx) => {
    const lines = splitItems(text);
    if (lines.length > MAX_ITEMS) ctx.addIssue({ code: 'custom', message: `at most ${MAX_ITEMS} items (one a line), not ${lines.length}` });
    lines.forEach((line, i) => {
      if (line.length > MAX_ITEM_LENGTH) ctx.addIssue({ code: 'custom', message: `item ${i + 1} is ${line.length} characters; at most ${MAX_ITEM_LENGTH}` });
    });
  });

export const tickerFields = z.strictObject({
  label: z
    .string()
    .trim()
    .min(1, 'the ticker needs a label')
    .max(12, 'at most 12 characters fit the label block')
    .default('Latest')
    .meta({ label: 'Label', help: 'The block at the left, in capitals on air' }),
  source: z.enum(['results', 'items']).default('results').meta({ label: 'Source', help: 'The latest declarations from the results, or only the items below' }),
  count: z
    .number()
    .int()
    .min(1, 'show at least 1 declaration')
    .max(MAX_ITEMS, `at most ${MAX_ITEMS} declarations`)
    .default(12)
    .meta({ label: 'Declarations', help: 'How many of the latest declared seats scroll (results source)' }),
  items: itemLines
    .default(
      'Exit poll: Labour 410 seats, Conservatives 131, Lib Dems 61\n' +
        'Reform UK 13, SNP 10, Plaid Cymru 4, Greens 2\n' +
        '326 seats needed for a majority in the Commons',
    )
    .meta({ label: 'Items', help: 'One item a line. With the results source they run until the first seat declares', kind: 'multiline' }),
  speed: z
    .number()
    .int()
    .min(40, 'at least 40 pixels a second')
    .max(400, 'at most 400 pixels a second')
    .default(140)
    .meta({ label: 'Speed', help: 'Scroll speed, in pixels a second at 1080p' }),
});
export type TickerFields = z.infer<typeof tickerFields>;

/** One entry on the strip. `key` is its identity: the strip keeps an item whose key survives an update. */
export const tickerItemSchema = z.object({
  key: z.string().min(1),
  head: z.string(),
  body: z.string(),
  party: z.string(),
});
export type TickerItem = z.infer<typeof tickerItemSchema>;

export const tickerViewSchema = z.object({
  label: z.string(),
  speed: z.number().positive(),
  items: z.array(tickerItemSchema).max(MAX_ITEMS),
});
export type TickerView = z.infer<typeof tickerViewSchema>;

export const ticker: TemplateDefinition = {
  id: 'ticker',
  name: 'Ticker',
  description: 'Bottom ticker: the latest declarations (or your own items) scrolling on one line',
  layer: 'ticker',
  steps: 1,
  ...boundTemplate(tickerFields, resolveTicker, tickerViewSchema),
  title: (f) => `Ticker: ${String(f.label ?? 'Latest')}`,
  // Holding lines from the 22:00 exit poll (Ipsos for BBC/ITV/Sky), until results arrive.
  demo: {
    label: 'Latest',
    source: 'results',
    count: 12,
    items: 'Exit poll: Labour 410 seats, Conservatives 131\nLabour majority of 170 projected\nLib Dems 61, Reform UK 13, SNP 10, Plaid Cymru 4',
    speed: 140,
  },
};
