import type { Engine } from '../engine/engine';
import type { CommandResult } from '../engine/protocol';
import { fail } from '../engine/errors';

/**
 * The IPC rules, kept free of Electron so they are tested under plain Node:
 * a command is accepted only from the console window's own frame, and the
 * engine validates its shape like any other input.
 */
export interface Sender {
  /** webContents id of the window that sent it. */
  id: number;
  /** The URL of the frame that sent it. */
  frameUrl: string;
}

/**
 * Whether url is a page inside the folder at root. A bare prefix test would let
 * ".../renderer-evil/" or ".../renderer/../x" through, so the URL is normalised
 * first and compared up to a folder boundary.
 */
function isUnder(url: string, root: string): boolean {
  let href: string;
  try {
    href = new URL(url).href;
  } catch {
    return false;
  }
  return href.startsWith(root.endsWith('/') ? root : `${root}/`);
}

export function handleIpcCommand(engine: Engine, sender: Sender, consoleId: number | null, pagesRoot: string, command: unknown): CommandResult {
  if (sender.id !== consoleId || !isUnder(sender.frameUrl, pagesRoot)) {
    return { ok: false, error: fail('FORBIDDEN', 'Commands are accepted from the Strapline console window only') };
  }
  return engine.dispatch(command);
}
