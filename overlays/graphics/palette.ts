/**
 * Party colours: one palette for every graphic. Keys are the Commons Library
 * abbreviations. "none" gives the house accent for non-party straps.
 */
export const PARTY_COLOURS: Readonly<Record<string, string>> = {
  none: '#F2B705',
  Con: '#0087DC',
  Lab: '#E4003B',
  LD: '#FAA61A',
  RUK: '#12B6CF',
  Green: '#02A95B',
  SNP: '#FDF38E',
  PC: '#005B54',
  SF: '#326760',
  DUP: '#D46A4C',
  SDLP: '#2AA82C',
  UUP: '#48A5EE',
  APNI: '#F6CB2F',
};

export function partyColour(party: string): string {
  return PARTY_COLOURS[party] ?? PARTY_COLOURS.none!;
}
