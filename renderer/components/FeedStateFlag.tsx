import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { z } from 'zod';
import { partyInfo } from '../../main/engine/election';
import type { ConsoleStore } from '../store';
import './feed-state-flag.css';

const feedSchema = z.object({
  election: z.string(),
  revision: z.number(),
  receivedAt: z.number(),
  differences: z.array(z.object({ partyId: z.string(), figure: z.enum(['seats', 'gains', 'losses']), feed: z.number(), strapline: z.number() })),
});
const answerSchema = z.object({ feedStateOfParties: feedSchema.nullable() });
type Feed = z.infer<typeof feedSchema>;

/** A state of parties arrives without changing any result, so it is asked for on a clock as well. */
const POLL_MS = 3000;

const partyLabel = (id: string) => partyInfo(id)?.shortName ?? id.toUpperCase();

/**
 * The PA feed's state of parties against Strapline's own count: quiet while they agree, amber
 * and naming each party and figure when they do not (a seat the feed has that we lack, a
 * correction still waiting, GAIN/HOLD judged on another basis). It never changes a seat: the
 * operator chases the difference.
 */
export function FeedStateFlag({ store }: { store: ConsoleStore }) {
  const revision = useStore(store, (s) => s.results?.resultsRevision);
  const [feed, setFeed] = useState<Feed | null>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    let live = true;
    const read = () =>
      fetch('/api/results')
        .then((res) => (res.ok ? res.json() : Promise.reject(new Error(`GET /api/results: ${res.status}`))))
        .then((body: unknown) => {
          const parsed = answerSchema.safeParse(body);
          if (live && parsed.success) setFeed(parsed.data.feedStateOfParties);
        })
        .catch(() => undefined);
    void read();
    const timer = setInterval(() => void read(), POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [revision]);
  if (!feed) return null;
  const differs = feed.differences.length > 0;
  const at = new Date(feed.receivedAt).toLocaleTimeString('en-GB');
  return (
    <span className="feed-state">
      <button
        type="button"
        className={`corrections-badge${differs ? ' waiting feed-differs' : ''}`}
        data-feed-state={differs ? 'differs' : 'agrees'}
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        aria-label={
          differs
            ? `PA state of parties differs from Strapline's count in ${feed.differences.length} figures: ${open ? 'hide' : 'show'} them`
            : 'PA state of parties agrees with Strapline'
        }
      >
        {differs ? `PA FEED DIFFERS (${feed.differences.length})` : 'PA feed agrees'}
      </button>
      {open && (
        <div className="feed-state-list" role="region" aria-label="PA state of parties">
          <p className="muted">
            {feed.election || 'PA state of parties'}, revision {feed.revision}, received {at}
          </p>
          {differs ? (
            <table>
              <thead>
                <tr>
                  <th>Party</th>
                  <th>Figure</th>
                  <th>PA</th>
                  <th>Strapline</th>
                </tr>
              </thead>
              <tbody>
                {feed.differences.map((d) => (
                  <tr key={`${d.partyId}-${d.figure}`} data-feed-difference={`${d.partyId}-${d.figure}`}>
                    <td>{partyLabel(d.partyId)}</td>
                    <td>{d.figure}</td>
                    <td>{d.feed}</td>
                    <td>{d.strapline}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>Every party's seats, gains and losses agree.</p>
          )}
        </div>
      )}
    </span>
  );
}
