/** The 2024 general election's official seats by party (../shared/data/README.md): what a whole 2024 night must add up to. */
export const OFFICIAL_2024_SEATS = {
  lab: 411,
  con: 121,
  ld: 72,
  snp: 9,
  reform: 5,
  green: 4,
  pc: 4,
  sf: 7,
  dup: 5,
  sdlp: 2,
  alliance: 1,
  uup: 1,
  tuv: 1,
  ind: 6,
  speaker: 1,
};
