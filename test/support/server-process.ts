import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../../main/server/headless';

/**
 * The headless server as its own process, as it runs in production, so a
 * benchmark's driver (Playwright) does not share its event loop.
 */
/** entry: another script taking the CLI's options (test/support/faulty-server.ts). */
export async function spawnServer(
  show: unknown,
  entry = 'main/server/cli.ts',
): Promise<{ url: string; exitCode: () => number | null; stderr: () => string; stop: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'strapline-bench-'));
  const showPath = path.join(dir, 'show.json');
  await writeFile(showPath, JSON.stringify(show));
  const child = spawn(
    path.join(REPO_ROOT, 'node_modules/.bin/tsx'),
    // Its own data folder, so a benchmark never autosaves into (or recovers from) ~/.strapline.
    [entry, '--port', '0', '--show', showPath, '--as-run', path.join(dir, 'as-run.jsonl'), '--data', path.join(dir, 'data')],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    process.stderr.write(chunk);
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /console:\s+(http:\/\/\S+?)\/\s/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code} before it was ready:\n${out}`)));
  });
  return {
    url,
    exitCode: () => child.exitCode ?? (child.signalCode === null ? null : -1),
    stderr: () => stderr,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
