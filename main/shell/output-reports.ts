import type { ViewHub, ViewSend } from '../server/view-hub';
import { fail, type StraplineError } from '../engine/errors';
import { isFromWindow, type Sender } from './ipc-guard';

/** How the Electron output window is named among the outputs (sockets are named by their address; a key-and-fill pair by its half). */
export const WINDOW_PEER = 'Electron output window';

/**
 * The Electron output windows as outputs of the view hub, exactly as a socket
 * output is: registered with it (so it gets the program, before any console)
 * and tracked by its OutputHealth (so the console's status bar shows it with
 * its frame rate just like a browser source). A socket output is connected
 * while its socket is open; a window from its page's "ready" until the page
 * reloads, crashes or closes. Free of Electron, so it is tested under plain
 * Node with a real hub.
 */
export class WindowOutputs {
  /** webContents id -> its OutputHealth id and its way out of the hub, for each output window whose page is live. */
  private readonly live = new Map<number, { healthId: number; unregister: () => void }>();

  constructor(
    private readonly hub: Pick<ViewHub, 'register' | 'outputs'>,
    private readonly origin: string,
  ) {}

  /**
   * The output window's page said ready: it is greeted with what is on air and
   * hears every program from now on through `send`. A second ready from the
   * same window is a reloaded page: like a socket that reconnects, it is a new
   * entry and the old one is marked gone.
   */
  ready(sender: Sender, outputId: number | null, send: ViewSend, peer = WINDOW_PEER): boolean {
    if (!isFromWindow(sender, outputId, this.origin)) return false;
    this.gone(sender.id);
    const healthId = this.hub.outputs.connect(peer);
    this.live.set(sender.id, { healthId, unregister: this.hub.register({ role: 'output', send }) });
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
    const live = this.live.get(sender.id);
    if (live === undefined) return fail('NOT_FOUND', 'The output window reported before its page said it was ready');
    return this.hub.outputs.report(live.healthId, raw);
  }

  /** The window's page is gone (crashed, closed, replaced): it hears nothing more, and its entry shows as lost. */
  gone(contentsId: number): void {
    const live = this.live.get(contentsId);
    if (live === undefined) return;
    this.live.delete(contentsId);
    live.unregister();
    this.hub.outputs.disconnect(live.healthId);
  }
}
