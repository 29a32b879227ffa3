/**
 * Schemas for the generated reference files in `seeds/reference/` (constituencies, parties,
 * hex layout), so whoever loads them narrows `unknown` the same way the builder wrote them.
 */
import { z } from 'zod';
import { partyInfoSchema } from './party-table';
import { onsCodeSchema } from './seat-result-schema';

export const NATIONS = ['England', 'Scotland', 'Wales', 'Northern Ireland'] as const;

export const constituencySchema = z.object({
  onsCode: onsCodeSchema,
  name: z.string().min(1),
  regionName: z.string().min(1),
  /** ONS region code (E12...) or, outside England, the nation's code (S92..., W92..., N92...). */
  regionCode: z.string().regex(/^[ENSW]\d{8}$/),
  nation: z.enum(NATIONS),
  /** Press Association name and number, where the notional file gives them. */
  paName: z.string().min(1).optional(),
  paNumber: z.number().int().positive().optional(),
});
export type Constituency = z.infer<typeof constituencySchema>;

export const constituenciesFileSchema = z.object({
  format: z.literal('strapline-constituencies'),
  version: z.literal(1),
  constituencies: z.array(constituencySchema),
});
export type ConstituenciesFile = z.infer<typeof constituenciesFileSchema>;

export const partiesFileSchema = z.object({
  format: z.literal('strapline-parties'),
  version: z.literal(1),
  parties: z.array(partyInfoSchema),
});
export type PartiesFile = z.infer<typeof partiesFileSchema>;

/** HexJSON (odd-r etc.), keyed by ONS code; extra keys (colour, boundaries) pass through. */
export const hexJsonSchema = z.looseObject({
  layout: z.enum(['odd-r', 'even-r', 'odd-q', 'even-q']),
  hexes: z.record(onsCodeSchema, z.looseObject({ n: z.string().min(1), q: z.number().int(), r: z.number().int(), region: z.string().optional() })),
});
export type HexJson = z.infer<typeof hexJsonSchema>;
