import type { IncomingMessage } from 'node:http';
import { lstat, mkdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { fail, type StraplineError } from '../engine/errors';
import { presentedToken } from './access-guard';

/**
 * Where Open and Save As may reach when the server is open to the network
 * (the start says so: mustConfine) or the request may come from another
 * machine. On a loopback server the caller is the operator (or a tool they
 * run) with their own access to every file, so any full path goes, as before:
 * confining them would only stop them saving to a USB stick. A colleague on
 * the network holding the control token is not given the server's whole disk:
 * their show files sit directly in the data folder's `shows/` folder or in the
 * folder of the show opened at start. Directly in, not below: the start
 * folder may be a home folder, and the data folder (tokens, autosaves) is
 * never one of them.
 */

/** IPv4 127/8 (also as IPv4-mapped IPv6) and ::1. */
function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return v4.startsWith('127.') || address === '::1';
}

/**
 * Is this request possibly from afar? From another address, plainly. From
 * loopback too when it shows an access token: only a server open to the
 * network asks for one, and there a reverse proxy or an SSH tunnel on this
 * machine makes a colleague's request arrive from 127.0.0.1.
 */
export function fromAfar(req: Pick<IncomingMessage, 'headers' | 'socket'>, url: URL): boolean {
  if (!isLoopbackAddress(req.socket.remoteAddress)) return true;
  return presentedToken(req as IncomingMessage, url, req.socket.localPort ?? 0) !== undefined;
}

/**
 * Must this Open or Save As be confined? Told, not guessed: a server the start
 * opened to the network confines every request whatever its peer, so no proxy,
 * tunnel or header can make a colleague look like the operator. On loopback
 * only, as before, the peer and token check (fromAfar) is the only test.
 */
export function mustConfine(req: Pick<IncomingMessage, 'headers' | 'socket'>, url: URL, openToNetwork: boolean): boolean {
  return openToNetwork || fromAfar(req, url);
}

export interface ShowFolders {
  dataDir: string;
  /** The show file opened at start (its folder is allowed), or null for the demo or an untitled show. */
  startFile: string | null;
}

export type Confined = { path: string } | { status: 403; error: StraplineError };

/** The allowed folders as the operator knows them, and as they really are on disk (symlinks followed). */
async function allowedFolders(folders: ShowFolders): Promise<{ shown: string[]; real: Set<string> }> {
  const shows = path.join(folders.dataDir, 'shows');
  // Made on demand, so a colleague always has somewhere to save.
  await mkdir(shows, { recursive: true });
  const shown = [shows];
  const dataReal = await realpath(folders.dataDir);
  if (folders.startFile !== null) {
    const start = path.dirname(folders.startFile);
    const startReal = await realpath(start).catch(() => null);
    if (startReal !== null && startReal !== dataReal) shown.push(start);
  }
  const real = new Set(await Promise.all(shown.map((f) => realpath(f))));
  return { shown, real };
}

/** The folders as the start-up lines name them. */
export async function showFoldersAllowed(folders: ShowFolders): Promise<string[]> {
  return (await allowedFolders(folders)).shown;
}

/**
 * The real path of `target` when it sits directly in an allowed folder, after
 * following every symlink (of the file itself and of the folders above it), so
 * a link planted in `shows/` cannot lead out. Otherwise a 403 naming the path
 * and the folders allowed; nothing is read, written or made but `shows/`.
 */
export async function confineShowPath(target: string, folders: ShowFolders): Promise<Confined> {
  const allowed = await allowedFolders(folders);
  const refuse = (why: string): Confined => ({
    status: 403,
    error: fail('FORBIDDEN', `${target} ${why}. From the network, show files are opened and saved only directly in ${allowed.shown.join(' or ')}`),
  });
  const exists = await lstat(target).then(
    () => true,
    (e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? false : e),
  );
  if (exists instanceof Error) return refuse(`cannot be checked (${exists.code ?? exists.message})`);
  let real: string;
  try {
    real = exists ? await realpath(target) : path.join(await realpath(path.dirname(target)), path.basename(target));
  } catch (e) {
    // A dangling link, or a folder that is not there: either way not a place we can vouch for.
    return refuse(`cannot be resolved (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (!allowed.real.has(path.dirname(real))) return refuse(real === target ? 'is not in a show folder' : `leads to ${real}, not in a show folder`);
  return { path: real };
}
