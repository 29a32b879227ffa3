import { z } from 'zod';
import { boundTemplate, type TemplateDefinition } from '../../engine/templates';
import { PARTY_TABLE, onsCodeSchema, partyInfo } from '../../engine/election';
import { placeName } from '../hex-map/regions';
import { resolveTargetSeats, targetSeatsViewSchema, ROWS_PER_PAGE, TARGET_PAGES } from './bind';

/** Parties that can attack a seat: the table, less the buckets that never stand as one. */
export const ATTACKERS = PARTY_TABLE.map((p) => p.id).filter((id) => id !== 'other' && id !== 'speaker') as [string, ...string[]];
const MAX_ROWS = ROWS_PER_PAGE * TARGET_PAGES;

export const targetSeatsFields = z.strictObject({
  title: z.string().trim().max(40, 'at most 40 characters fit the title').default('').meta({ label: 'Title', help: 'Leave empty for "<party> targets"' }),
  party: z
    .enum(ATTACKERS, { error: `party must be one of ${ATTACKERS.join(', ')}` })
    .default('lab')
    .meta({ label: 'Attacking party', help: 'Whose targets: seats it did not hold at the last election', kind: 'party' }),
  region: z
    .string()
    .regex(/^(all|[ENSW]\d{8})$/, 'region must be "all" or an ONS region or nation code like E12000006')
    .default('E12000006')
    .meta({ label: 'Region', help: 'ONS region (England) or nation code, or "all" for the UK', kind: 'region' }),
  count: z
    .number()
    .int('count must be a whole number')
    .min(1, 'at least one target')
    .max(MAX_ROWS, `at most ${MAX_ROWS} targets (${TARGET_PAGES} pages of ${ROWS_PER_PAGE})`)
    .default(MAX_ROWS)
    .meta({ label: 'How many', help: `Targets listed, ${ROWS_PER_PAGE} a page` }),
  seats: z
    .array(onsCodeSchema)
    .max(MAX_ROWS, `at most ${MAX_ROWS} seats in a list`)
    .default([])
    .meta({ label: 'Chosen seats', help: 'Optional: these seats in this order instead of the ranked targets', kind: 'constituency' }),
});
export type TargetSeatsFields = z.infer<typeof targetSeatsFields>;

export const targetSeats: TemplateDefinition = {
  id: 'target-seats',
  name: 'Target seats',
  description: 'A party\u2019s target seats ranked by swing needed, each marked GAIN or HOLD live as it declares',
  layer: 'fullscreen',
  steps: TARGET_PAGES,
  ...boundTemplate(targetSeatsFields, resolveTargetSeats, targetSeatsViewSchema),
  title: (f) => (f.title ? String(f.title) : `${partyInfo(String(f.party))?.name ?? String(f.party)} targets: ${placeName(String(f.region))}`),
  demo: { title: '', party: 'lab', region: 'E12000006', count: 24, seats: [] },
};
