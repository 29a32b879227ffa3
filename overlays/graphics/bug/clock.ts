/**
 * The wall clock as UK viewers read it: Europe/London, so GMT in winter and
 * BST in summer whatever zone the playout machine is set to.
 */
const UK_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

export function ukClock(at: Date): string {
  return UK_TIME.format(at);
}

/** Seconds to the next whole second, so the minute turns over on time (plus a hair to land past it). */
export function secondsToNextTick(nowMs: number): number {
  return (1000 - (nowMs % 1000)) / 1000 + 0.005;
}
