/**
 * The PA feed's latest state of parties, held beside the engine it checks. It changes no seat
 * and goes to no graphic, so it is not engine state (nor in the results journal): it is the
 * feed's word, kept for `GET /api/results` and the console's flag, and a restart forgets it
 * until the feed's next file. One record an engine, so the drop folder and POST /api/import
 * (which each hold only the engine) share it without more wiring.
 */
import type { Engine } from '../engine/engine';
import { stateOfPartiesDifferences, type FeedStateOfParties, type PaStateOfParties } from '../engine/import';

const held = new WeakMap<Engine, { feed: PaStateOfParties; receivedAt: number }>();

/** Keeps the feed's totals unless a higher revision is already held (an older file arriving late changes nothing). */
export function holdStateOfParties(engine: Engine, feed: PaStateOfParties, receivedAt: number): boolean {
  const current = held.get(engine);
  if (current && current.feed.election === feed.election && current.feed.revision > feed.revision) return false;
  held.set(engine, { feed, receivedAt });
  return true;
}

/** The feed's totals with where they differ from Strapline's own count; null before any state-of-parties file. */
export function feedStateOfParties(engine: Engine): FeedStateOfParties | null {
  const current = held.get(engine);
  if (!current) return null;
  const { totals } = engine.resultsSnapshot();
  return { ...current.feed, receivedAt: current.receivedAt, differences: stateOfPartiesDifferences(current.feed, totals) };
}
