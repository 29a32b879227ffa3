import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEMO_SHOW, WEB_ROOT, startHeadless, type Headless } from '../../main/server/headless';

export interface TestServer extends Headless {
  url: string;
  dir: string;
  asRunPath: string;
  stop: () => Promise<void>;
}

/** The real headless server on a free loopback port, with its files in a temporary folder. */
/** host: '0.0.0.0' opens it to the network, so every request needs a token (kept in the temp folder). */
/** data: true keeps a data folder (autosave, session.json) in the temp folder on loopback too. */
/** templateDirs: folders of outside templates to watch (none by default, as without a data folder). */
/** election: an election folder to open instead of seeds/elections/ge2024. */
export async function startTestServer(
  options: { show?: unknown; now?: () => number; host?: string; data?: boolean; templateDirs?: string[]; election?: string } = {},
): Promise<TestServer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'strapline-test-'));
  let showPath = DEMO_SHOW;
  if (options.show !== undefined) {
    showPath = path.join(dir, 'show.json');
    await writeFile(showPath, JSON.stringify(options.show));
  }
  const asRunPath = path.join(dir, 'as-run.jsonl');
  const app = await startHeadless({
    showPath,
    host: options.host ?? '127.0.0.1',
    port: 0,
    asRunPath,
    webRoot: WEB_ROOT,
    now: options.now,
    templateDirs: options.templateDirs,
    electionDir: options.election,
    // Open to the network, the tokens (and with them the data folder) live in the temp folder too.
    ...(options.host === undefined && !options.data ? {} : { dataDir: dir }),
  });
  return {
    ...app,
    url: app.server.url,
    dir,
    asRunPath,
    stop: async () => {
      await app.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: any }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}
