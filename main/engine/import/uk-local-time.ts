/**
 * Declaration times are published in UK local time (`05/07/2024 01:23` is BST). We store UTC
 * so the as-run log and the feeds agree, converting with the UK's summer-time rule (in force
 * since 1996): BST from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday
 * of October. No time-zone database is needed for one rule, which keeps the engine pure.
 */

const HOUR_MS = 3_600_000;

function lastSundayAtOneUtc(year: number, monthIndex: number): number {
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0));
  const sunday = lastDay.getUTCDate() - lastDay.getUTCDay();
  return Date.UTC(year, monthIndex, sunday, 1);
}

export function isBritishSummerTime(utcMs: number): boolean {
  const year = new Date(utcMs).getUTCFullYear();
  return utcMs >= lastSundayAtOneUtc(year, 2) && utcMs < lastSundayAtOneUtc(year, 9);
}

/**
 * `dd/mm/yyyy hh:mm` (seconds optional) in UK local time to an ISO UTC string, or undefined
 * when the text is not such a time. In the repeated hour each October the first (BST)
 * reading is taken; counts rarely declare at 01:30 on a Sunday.
 */
export function ukLocalTimeToIso(text: string): string | undefined {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (match === null) return undefined;
  const [day, month, year, hour, minute, second] = match.slice(1).map((part) => (part === undefined ? 0 : Number(part)));
  if (day === undefined || month === undefined || year === undefined || hour === undefined || minute === undefined || second === undefined) {
    return undefined;
  }
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const localAsUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(localAsUtc);
  // Date.UTC rolls 31/02 over to March; a real date survives the round trip.
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return undefined;
  const asBst = localAsUtc - HOUR_MS;
  const utc = isBritishSummerTime(asBst) ? asBst : localAsUtc;
  return new Date(utc).toISOString().replace('.000Z', 'Z');
}
