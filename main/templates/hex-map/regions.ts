/**
 * The twelve places a hex map can focus on: England's nine ONS regions and the
 * three other nations, by the code the constituency list and the hex layout
 * both use. ONS codes are stable, so the field schema can name them without
 * loading any data (the engine validates cues before it has read a file).
 */
export const FOCUS_REGIONS = {
  E12000001: 'North East',
  E12000002: 'North West',
  E12000003: 'Yorkshire and The Humber',
  E12000004: 'East Midlands',
  E12000005: 'West Midlands',
  E12000006: 'East of England',
  E12000007: 'London',
  E12000008: 'South East',
  E12000009: 'South West',
  N92000002: 'Northern Ireland',
  S92000003: 'Scotland',
  W92000004: 'Wales',
} as const;

export type FocusRegion = keyof typeof FOCUS_REGIONS;
export const FOCUS_REGION_CODES = Object.keys(FOCUS_REGIONS) as [FocusRegion, ...FocusRegion[]];
export const WHOLE_MAP = 'all';
export const WHOLE_MAP_NAME = 'United Kingdom';

/** A region's or nation's name for a title: "all" is the whole UK, a code the list does not name stays a code. */
export function placeName(code: string): string {
  if (code === WHOLE_MAP) return WHOLE_MAP_NAME;
  return code in FOCUS_REGIONS ? FOCUS_REGIONS[code as FocusRegion] : code;
}
