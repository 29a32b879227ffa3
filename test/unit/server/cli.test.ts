import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../main/server/headless';
import { CASPAR_INLINE, SPX_NO_STEPS, writeTemplate } from '../../support/outside-templates';

/**
 * What `npm run serve` (and `npm start` without Electron's binary) prints:
 * the CLI as its own process on port 0 with a temp --data folder, and every
 * printed URL fetched, so a line that names a page that is not there fails.
 */

const FIXTURE = path.join(REPO_ROOT, 'test/fixtures/shows/v1-election-night.json');
let dir: string;
const children: ChildProcess[] = [];
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'strapline-cli-'));
});
afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    // Its own process group: the launcher's tsx child goes with it.
    process.kill(-child.pid!, 'SIGTERM');
    await once(child, 'exit');
  }
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Runs until `until` is printed; retries while another run's build has the pages briefly removed. */
async function run(args: string[], until: RegExp, launcher = false): Promise<string> {
  for (let waited = 0; ; waited += 500) {
    const out = await runOnce(args, until, launcher);
    if (!out.includes('the pages are not built') || waited >= 30_000) return out;
    await new Promise((r) => setTimeout(r, 500));
  }
}

function runOnce(args: string[], until: RegExp, launcher: boolean): Promise<string> {
  const command = launcher ? ['main/shell/launcher.mjs', 'start', '--', ...args] : ['--import', 'tsx', 'main/server/cli.ts', ...args];
  const child = spawn(process.execPath, command, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  children.push(child);
  let out = '';
  return new Promise((resolve) => {
    const take = (c: Buffer) => {
      out += c.toString();
      if (until.test(out)) resolve(out);
    };
    child.stdout!.on('data', take);
    child.stderr!.on('data', take);
    child.once('exit', () => resolve(out));
  });
}

/** The CLI's last start-up line. */
const DONE = /^Ctrl\+C stops it/m;
/** As the launcher decides: where Electron can run, `npm start` opens windows instead of printing URLs. */
const electronRuns = (() => {
  try {
    const binary: unknown = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && existsSync(binary);
  } catch {
    return false;
  }
})();
/** Every line that says the start is headless: there must be exactly one. */
const headlines = (out: string) => out.split('\n').filter((l) => /headless/i.test(l));
const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const line = (out: string, label: string) => new RegExp(`^  ${label}:\\s+(\\S+)`, 'm').exec(out)?.[1];
const statusOf = async (url: string) => (await fetch(url)).status;

describe('the start-up lines', () => {
  it('name the console, output, gallery and producer, each of which answers', async () => {
    const data = path.join(dir, 'loopback');
    const out = await run(['--port', '0', '--data', data, '--as-run', path.join(data, 'as-run.jsonl')], DONE);
    const base = line(out, 'console')!.replace(/\/$/, '');
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    // One line says it, with the port that --port 0 chose and the data folder, before any URL.
    const port = new URL(base).port;
    expect(headlines(out)).toEqual([expect.stringMatching(new RegExp(`^Strapline is running headless on port ${port}, data folder ${literally(data)} \\(`))]);
    expect(out.split('\n')[0]).toBe(headlines(out)[0]);
    for (const [label, page] of [
      ['output', '/output'],
      ['gallery', '/gallery'],
      ['producer', '/producer'],
    ] as const) {
      expect(line(out, label)).toBe(`${base}${page}`);
      expect(await statusOf(line(out, label)!)).toBe(200);
    }
  });

  it('--templates, repeated, watches each folder and lists their templates; a folder that is not there stops the start', async () => {
    const data = path.join(dir, 'templates');
    const [a, b] = [path.join(data, 'a'), path.join(data, 'b')];
    await writeTemplate(a, 'spx/strap.html', SPX_NO_STEPS);
    await writeTemplate(b, 'caspar/page.html', CASPAR_INLINE);
    const out = await run(['--port', '0', '--data', data, '--as-run', path.join(data, 'as-run.jsonl'), '--templates', a, '--templates', b], DONE);
    expect(out).toContain(`  templates: ${a}, ${b}   (`);
    const base = line(out, 'console')!.replace(/\/$/, '');
    const { templates } = (await (await fetch(`${base}/api/templates`)).json()) as { templates: { source: string | null }[] };
    expect(templates.map((t) => t.source).filter(Boolean)).toEqual(expect.arrayContaining(['spx/strap.html', 'caspar/page.html']));
    const refused = await run(['--port', '0', '--data', data, '--templates', path.join(data, 'nowhere')], /does not exist/);
    expect(refused).toContain(`--templates folder ${path.join(data, 'nowhere')} does not exist`);
  });

  it.skipIf(electronRuns)("the same through `npm start` where Electron's binary is absent (the launcher runs the CLI)", async () => {
    const data = path.join(dir, 'launcher');
    const out = await run(['--port', '0', '--data', data, '--as-run', path.join(data, 'as-run.jsonl')], DONE, true);
    const base = line(out, 'console')!.replace(/\/$/, '');
    // The launcher's reason and the CLI's start are one line, not two.
    const port = new URL(base).port;
    expect(headlines(out)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Electron's binary is not installed on this machine, so Strapline is running headless on port ${port}, ` +
            `data folder ${literally(data)} \\(.*: open the URLs below in a browser$`,
        ),
      ),
    ]);
    expect(line(out, 'gallery')).toBe(`${base}/gallery`);
    expect(line(out, 'producer')).toBe(`${base}/producer`);
    expect(await statusOf(line(out, 'producer')!)).toBe(200);
  });

  it('open to the network: gallery and producer links carry the read-only token, and the show folders are named', async () => {
    const data = path.join(dir, 'open');
    const show = path.join(dir, 'night.json');
    await copyFile(FIXTURE, show);
    const out = await run(['--host', '0.0.0.0', '--port', '0', '--show', show, '--data', data, '--as-run', path.join(data, 'as-run.jsonl')], DONE);
    const tokens = JSON.parse(await readFile(path.join(data, 'access-tokens.json'), 'utf8')) as { control: string; readOnly: string };
    const gallery = [...out.matchAll(/^ {2}gallery \(read-only\):\s+(\S+)$/gm)].map((m) => m[1]!);
    const producer = [...out.matchAll(/^ {2}producer \(read-only\):\s+(\S+)$/gm)].map((m) => m[1]!);
    expect(gallery.length).toBeGreaterThan(0);
    expect(gallery.length).toBe(producer.length);
    for (const url of [...gallery, ...producer]) expect(new URL(url).searchParams.get('token')).toBe(tokens.readOnly);
    // Fetched through loopback on the printed port: the token is what is tested, not this machine's routes.
    const local = (u: string) => {
      const url = new URL(u);
      url.hostname = '127.0.0.1';
      return url;
    };
    expect(await statusOf(local(gallery[0]!).href)).toBe(200);
    const bare = local(gallery[0]!);
    bare.search = '';
    expect(await statusOf(bare.href)).toBe(401);
    expect(out).toContain(`show files from the network:  Open and Save As only directly in ${path.join(data, 'shows')} or ${dir}`);
  });

  it('report a recent show that has gone once, at the next start only', async () => {
    const data = path.join(dir, 'stale');
    const show = path.join(dir, 'stale.json');
    await copyFile(FIXTURE, show);
    const args = ['--port', '0', '--data', data, '--as-run', path.join(data, 'as-run.jsonl')];
    await run([...args, '--show', show], DONE);
    await stopAll();
    await rm(show);
    const gone = `  notice:   No longer on disk, so taken off the recent list: ${show}`;
    expect((await run(args, DONE)).split('\n')).toContain(gone);
    await stopAll();
    expect(await run(args, DONE)).not.toContain('No longer on disk');
  });
});

/** A clean stop (SIGTERM), so the recent list is written as a real run leaves it. */
async function stopAll(): Promise<void> {
  for (const child of children.splice(0)) {
    process.kill(-child.pid!, 'SIGTERM');
    if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
  }
}
