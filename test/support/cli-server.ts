import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { REPO_ROOT } from '../../main/server/headless';

/** The headless CLI as its own process, on a data folder of the test's, so it can be killed and started again. */
export interface CliServer {
  child: ChildProcess;
  url: string;
  port: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts `main/server/cli.ts` on dir/data with dir/night.json (port 0: any free one).
 * A rebuild of the pages (by another run sharing this checkout) briefly removes
 * them, and the CLI then refuses to start: that says nothing about the test, so
 * only that refusal is retried, for up to half a minute.
 */
export async function launchCli(dir: string, port = 0): Promise<CliServer> {
  for (let waited = 0; ; waited += 500) {
    try {
      return await launchOnce(dir, port);
    } catch (e) {
      if (!(e as Error).message.includes('the pages are not built') || waited >= 30_000) throw e;
      await sleep(500);
    }
  }
}

/** node --import tsx, not the tsx wrapper: a SIGKILL to the wrapper would leave its child server running. */
async function launchOnce(dir: string, port: number): Promise<CliServer> {
  const args = [
    '--import',
    'tsx',
    'main/server/cli.ts',
    '--port',
    String(port),
    '--data',
    path.join(dir, 'data'),
    '--show',
    path.join(dir, 'night.json'),
    '--as-run',
    path.join(dir, 'as-run.jsonl'),
  ];
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /console:\s+(http:\/\/\S+?)\/\s/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before it was ready:\n${out}`)));
  });
  return { child, url, port: Number(new URL(url).port) };
}

/** SIGKILL: no handler runs, nothing is flushed, as in a crash. */
export async function killCli(server: CliServer): Promise<void> {
  server.child.kill('SIGKILL');
  if (server.child.exitCode === null && server.child.signalCode === null) await once(server.child, 'exit');
}
