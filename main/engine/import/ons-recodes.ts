/**
 * Five Scottish constituencies kept their 2024 boundaries' names but were given new ONS codes
 * after the notional estimates were published. Without this table five 2024 seats would have
 * no baseline, and GAIN/HOLD for them would silently go blank.
 */
export const NOTIONAL_TO_2024_ONS_CODES: ReadonlyMap<string, string> = new Map([
  ['S14000006', 'S14000107'], // Ayr, Carrick and Cumnock
  ['S14000008', 'S14000108'], // Berwickshire, Roxburgh and Selkirk
  ['S14000010', 'S14000109'], // Central Ayrshire
  ['S14000040', 'S14000110'], // Kilmarnock and Loudoun
  ['S14000058', 'S14000111'], // West Aberdeenshire and Kincardine
]);
