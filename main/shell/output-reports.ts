import type { OutputHealth } from '../server/output-health';
import { fail, type StraplineError } from '../engine/errors';
import { isFromWindow, type Sender } from './ipc-guard';

/** How the Electron output window is named among the outputs (sockets are named by their address; a key-and-fill pair by its half). */
export const WINDOW_PEER = 'Electron output window';

/**
 * The Electron output window as one of the outputs OutputHealth tracks, so the
 * console's status bar shows it with its frame rate just like a browser
 * source. A socket output is connected while its socket is open; the window is
 * connected from its page's "ready" until the page reloads, crashes or closes.
 * Free of Electron, so it is tested under plain Node with a real OutputHealth.
 */
export class WindowOutputs {
  /** webContents id -> OutputHealth id, for the output window whose page is live. */
  private readonly live = new Map<number, number>();

  constructor(
    private readonly health: Pick<OutputHealth, 'connect' | 'report' | 'disconnect'>,
    private readonly origin: string,
  ) {}

  /**
   * The output window's page said ready. A second ready from the same window
   * is a reloaded page: like a socket that reconnects, it is a new entry and
   * the old one is marked gone.
   */
  ready(sender: Sender, outputId: number | null, peer = WINDOW_PEER): boolean {
    if (!isFromWindow(sender, outputId, this.origin)) return false;
    this.gone(sender.id);
    this.live.set(sender.id, this.health.connect(peer));
    return true;
  }

  /**
   * A report over 'strapline:report'. Only the output window's own page may
   * send one, and OutputHealth judges its shape and rate exactly as it does a
   * socket's: a refused report changes nothing.
   */
  report(sender: Sender, outputId: number | null, raw: unknown): StraplineError | null {
    if (!isFromWindow(sender, outputId, this.origin)) {
      return fail('FORBIDDEN', 'Output reports are accepted from the Strapline output window only');
    }
    const id = this.live.get(sender.id);
    if (id === undefined) return fail('NOT_FOUND', 'The output window reported before its page said it was ready');
    return this.health.report(id, raw);
  }

  /** The window's page is gone (crashed, closed, replaced): its entry shows as lost. */
  gone(contentsId: number): void {
    const id = this.live.get(contentsId);
    if (id === undefined) return;
    this.live.delete(contentsId);
    this.health.disconnect(id);
  }
}
