import '@fontsource/barlow-condensed/600.css';
import '@fontsource/barlow-condensed/700.css';
import '@fontsource/barlow/500.css';
import '../../overlays/styles/output.css';
import '../../overlays/gallery.css';
import './producer.css';
import { gsap } from 'gsap';
import { loadFonts } from '../../overlays/fonts';
import { afterPaint } from '../../overlays/gallery-stage';
import { onAirFeed, producerFeed } from './api';
import { Board } from './board';
import { Preview } from './preview';
import { OnAirPanel } from './on-air';

/**
 * The producer view: read-only. It only ever GETs /api/producer and
 * /api/producer/on-air (polled, so it follows show edits, new results and the
 * air alike) and has no way to send a command:
 * no socket, no POST, nothing imported that could.
 */
const POLL_MS = 2000;

const status = document.getElementById('feed-status')!;
const showName = document.getElementById('show-name')!;
const board = new Board(document.getElementById('board')!, (cue) => preview.open(cue));
const preview = new Preview(document.getElementById('preview') as HTMLDialogElement, (cueId) => board.focusCue(cueId));
const feed = producerFeed(location.search);
const onAir = new OnAirPanel(document.getElementById('on-air')!);
const onAirNow = onAirFeed(location.search);
let stale = false;

function clock(): string {
  return new Date().toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

async function poll(): Promise<void> {
  try {
    // What is on air first: it is what the producer most needs to be current.
    const air = await onAirNow();
    if (air) onAir.render(air);
    onAir.stale(false);
    const show = await feed();
    if (show) {
      showName.textContent = show.showName;
      document.title = `${show.showName}: producer view`;
      board.render(show);
      preview.refresh(show);
      // Stills only: nothing needs to move, and a paused timeline costs the producer's machine nothing.
      gsap.globalTimeline.pause();
      await afterPaint();
      Object.assign(document.body.dataset, { ready: '1', showRevision: String(show.showRevision), resultsRevision: String(show.resultsRevision) });
    }
    // Only news is announced: a live region that changed every poll would talk over everything.
    if (show || stale) status.textContent = `Updated at ${clock()}`;
    stale = false;
    status.classList.remove('is-stale');
  } catch (e) {
    stale = true;
    onAir.stale(true);
    // What is shown stays; the page says it may be out of date and keeps trying.
    status.textContent = `Cannot reach the server (${e instanceof Error ? e.message : String(e)}); retrying`;
    status.classList.add('is-stale');
  } finally {
    setTimeout(() => void poll(), POLL_MS);
  }
}

void loadFonts().then(poll);
