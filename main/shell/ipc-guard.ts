import type { Engine } from '../engine/engine';
import type { CommandResult } from '../engine/protocol';
import { fail } from '../engine/errors';

/**
 * The IPC rules, kept free of Electron so they are tested under plain Node.
 * Both windows load their pages from the engine's own loopback server (so the
 * console's /api panels work), which makes that server's origin the one place
 * a trusted frame can be: a message counts only when it comes from the right
 * window AND from a frame at exactly that origin.
 */
export interface Sender {
  /** webContents id of the window that sent it. */
  id: number;
  /** The URL of the frame that sent it. */
  frameUrl: string;
}

/**
 * The origin of the server the shell started, from the URL it actually bound
 * (port 0 or STRAPLINE_PORT): "http://127.0.0.1:7300". Anything that is not a
 * plain http(s) URL is refused here, so an opaque "null" origin (file:, data:,
 * about:) can never become the trusted one.
 */
export function serverOrigin(serverUrl: string): string {
  const url = new URL(serverUrl);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`the engine's server must be http(s), not ${url.protocol}`);
  return url.origin;
}

/**
 * Whether frameUrl is a page of that origin. The URL parser does the work: a
 * look-alike such as "http://127.0.0.1:7300@evil.example/" or
 * "http://127.0.0.1:73001/" parses to a different origin and is refused.
 */
export function isFromOrigin(frameUrl: string, origin: string): boolean {
  try {
    const url = new URL(frameUrl);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === origin;
  } catch {
    return false;
  }
}

/** The sender is window `windowId` (null: that window is not open) showing one of our pages. */
export function isFromWindow(sender: Sender, windowId: number | null, origin: string): boolean {
  return windowId !== null && sender.id === windowId && isFromOrigin(sender.frameUrl, origin);
}

function refusal(sender: Sender, consoleId: number | null, origin: string): CommandResult | null {
  if (isFromWindow(sender, consoleId, origin)) return null;
  return { ok: false, error: fail('FORBIDDEN', 'Commands are accepted from the Strapline console window only') };
}

export function handleIpcCommand(engine: Engine, sender: Sender, consoleId: number | null, origin: string, command: unknown): CommandResult {
  return refusal(sender, consoleId, origin) ?? engine.dispatch(command);
}

/** What the shell answers IPC with: the same guard, answered once a change to the results is on disk (Engine.commit), as on every transport. */
export async function commitIpcCommand(engine: Engine, sender: Sender, consoleId: number | null, origin: string, command: unknown): Promise<CommandResult> {
  return refusal(sender, consoleId, origin) ?? (await engine.commit(command));
}
