import { z } from 'zod';
import { assertFitsElection } from '../election-fit';
import { OTHER_PARTY_ID, PARTY_TABLE } from '../../engine/election';
import { boundTemplate, type TemplateDefinition } from '../../engine/templates';
import { placeName } from '../hex-map/regions';
import { resolveSeatTally, seatTallyView } from './bind';

const NAMED_PARTIES = PARTY_TABLE.map((p) => p.id).filter((id) => id !== OTHER_PARTY_ID) as [string, ...string[]];

/** The parties a national graphic names; every other party's seats are added up as "Others". */
export const shownPartiesField = z
  .array(z.enum(NAMED_PARTIES))
  .min(2, 'name at least two parties')
  .max(7, 'at most 7 parties fit beside "Others"')
  .refine((list) => new Set(list).size === list.length, 'a party is listed twice')
  .default(['lab', 'con', 'ld', 'snp', 'reform', 'green', 'pc'])
  .meta({ label: 'Parties shown', help: 'Named on the board in this order until seats sort them; the rest are added up as Others', kind: 'party' });

/** An ONS region (E12...) or nation (E92, S92, W92, N92) code; empty means the whole House. */
export const regionField = z
  .string()
  .trim()
  .regex(/^$|^[ENSW]\d{8}$/, 'region is an ONS region or nation code such as E12000006, or empty for the whole UK')
  .default('')
  .meta({ label: 'Region', help: 'Count only this region\u2019s or nation\u2019s seats; empty for the whole UK', kind: 'region' });

/** The board's own name: its default title, and its second line when the title already names the place. */
export const SEAT_TALLY_NAME = 'State of the parties';

export const seatTallyFields = z.strictObject({
  title: z
    .string()
    .trim()
    .min(1, 'the board needs a title')
    .max(24, 'at most 24 characters fit the title')
    .default(SEAT_TALLY_NAME)
    .meta({ label: 'Title', help: 'Top line, in capitals on air' }),
  region: regionField,
  parties: shownPartiesField,
});
export type SeatTallyFields = z.infer<typeof seatTallyFields>;

export const seatTally: TemplateDefinition = {
  id: 'seat-tally',
  name: 'Seat tally',
  description: 'Full-screen state of the parties: seats won, net change and declarations so far, live from the results',
  layer: 'fullscreen',
  steps: 1,
  ...boundTemplate(seatTallyFields, (fields, ctx) => (assertFitsElection('seat-tally', ctx), resolveSeatTally(fields, ctx)), seatTallyView),
  title: (f) => {
    const title = String(f.title);
    const place = f.region ? placeName(String(f.region)) : '';
    return place === '' || title.includes(place) ? title : `${title}: ${place}`;
  },
  demo: { title: 'State of the parties', region: '', parties: ['lab', 'con', 'ld', 'snp', 'reform', 'green', 'pc'] },
};
