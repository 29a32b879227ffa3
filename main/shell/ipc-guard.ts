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

export function handleIpcCommand(engine: Engine, sender: Sender, consoleId: number | null, pagesRoot: string, command: unknown): CommandResult {
  if (sender.id !== consoleId || !sender.frameUrl.startsWith(pagesRoot)) {
    return { ok: false, error: fail('FORBIDDEN', 'Commands are accepted from the Strapline console window only') };
  }
  return engine.dispatch(command);
}
