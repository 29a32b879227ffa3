import { z } from 'zod';
import { assertFitsElection } from '../election-fit';
import { boundTemplate, type TemplateDefinition } from '../../engine/templates';
import { onsCodeSchema, partyIdSchema } from '../../engine/election';
import { FOCUS_REGION_CODES, WHOLE_MAP, placeName } from './regions';
import { resolveHexMap } from './bind';

/** The map's own line: the default title, and what the key says above the place when the title names one. */
export const HEX_MAP_NAME = 'General election 2024';

export const hexMapFields = z.strictObject({
  title: z
    .string()
    .trim()
    .min(1, 'the map needs a title')
    .max(40, 'at most 40 characters fit above the key')
    .default(HEX_MAP_NAME)
    .meta({ label: 'Title', help: 'The line above the place name in the key' }),
  region: z
    .enum([WHOLE_MAP, ...FOCUS_REGION_CODES], {
      error: `region must be "all" or one of the ONS region and nation codes (${FOCUS_REGION_CODES.join(', ')})`,
    })
    .default(WHOLE_MAP)
    .meta({ label: 'Focus region', help: 'Step 2 zooms to this region or nation and dims the rest; "all" keeps the whole UK', kind: 'region' }),
  source: z
    .enum(['results', 'baseline'])
    .default('results')
    .meta({ label: 'Colour by', help: "Tonight's winners as they declare, or the holders before the election (the baseline)" }),
});
export type HexMapFields = z.infer<typeof hexMapFields>;

/** Seats by party for one view of the map; the key draws its rows from this. */
export const tallySchema = z.object({
  name: z.string(),
  decided: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  parties: z.array(z.object({ party: partyIdSchema, seats: z.number().int().nonnegative() })).max(8),
});
export type Tally = z.infer<typeof tallySchema>;

/** What the output draws: the winner of every decided seat by ONS code, and the tallies for the key. */
export const hexMapViewSchema = z.object({
  title: z.string(),
  source: z.enum(['results', 'baseline']),
  region: z.string(),
  winners: z.record(onsCodeSchema, partyIdSchema),
  uk: tallySchema,
  focus: tallySchema.nullable(),
  /** The loaded election's hex layout, by content key (GET /api/hex-layout?key=<key>); absent: the 2024 layout the gallery draws. */
  layout: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/)
    .optional(),
});
export type HexMapView = z.infer<typeof hexMapViewSchema>;

export const hexMap: TemplateDefinition = {
  id: 'hex-map',
  name: 'Hex map',
  description: 'Full-screen map of the 650 seats coloured by winner, zooming to a region with its key',
  layer: 'fullscreen',
  steps: 2,
  ...boundTemplate(hexMapFields, (fields, ctx) => (assertFitsElection('hex-map', ctx), resolveHexMap(fields, ctx)), hexMapViewSchema),
  title: (f) => `Map: ${placeName(String(f.region ?? WHOLE_MAP))}`,
  // East of England: 61 seats, 55 of them Conservative on the notional 2019 result (seeds article 000).
  demo: { title: 'General election 2024', region: 'E12000006', source: 'results' },
};
