import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { fromProc, fromPs, readProcessStart, type ProcessLookup } from '../../../main/server/process-start';
import { spawnZombie } from '../../support/zombie';

/**
 * Who holds a pid, read from the real system: this process, a real zombie, a pid that has
 * exited. Both readers run here on Linux (procps has ps), so the one macOS uses is tested too.
 */

const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
});

/** When this process started, by its own account: Date.now() less its uptime. */
const ownStart = () => Date.now() - process.uptime() * 1000;
const started = (found: ProcessLookup) => (found !== null && found !== 'gone' ? found : expect.fail(`no start time: ${String(found)}`));

async function exitedPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  if (child.exitCode === null) await once(child, 'exit');
  return child.pid!;
}

async function zombie(): Promise<number> {
  const { pid, parent } = await spawnZombie();
  children.push(parent);
  return pid;
}

const readers = [
  ['/proc', fromProc, process.platform === 'linux'],
  ['ps', fromPs, process.platform !== 'win32' && ['/bin/ps', '/usr/bin/ps'].some(existsSync)],
] as const;

describe.each(readers)('reading a process by %s', (_name, read, runs) => {
  it.skipIf(!runs)("gives this process's real start, within the reader's resolution, and not exited", async () => {
    const found = started(await read(process.pid));
    expect(found.exited).toBe(false);
    // /proc is to the tick but its boot time to the second; ps is to the second. Both round down.
    expect(Math.abs(found.startedMs - ownStart())).toBeLessThan(2000);
  });

  it.skipIf(!runs)('says a zombie has exited, though kill(pid, 0) still finds it', async () => {
    const pid = await zombie();
    await expect.poll(async () => ((await read(pid)) as { exited?: boolean }).exited, { timeout: 3000, interval: 10 }).toBe(true);
    expect(() => process.kill(pid, 0)).not.toThrow();
  });

  it.skipIf(!runs)('says a pid no process has is gone', async () => {
    expect(await read(await exitedPid())).toBe('gone');
  });
});

describe.skipIf(process.platform !== 'linux')('on Linux', () => {
  it('identifies a process by boot and start tick: the same for one process at every read, different for another', async () => {
    const first = started(await readProcessStart(process.pid));
    expect(first.identity).toMatch(/^[0-9a-f-]{36}\/\d+$/);
    expect(started(await readProcessStart(process.pid)).identity).toBe(first.identity);
    const child = spawn('sleep', ['5']);
    children.push(child);
    const other = started(await readProcessStart(child.pid!));
    expect(other.identity).not.toBe(first.identity);
    expect(other.identity!.split('/')[0]).toBe(first.identity!.split('/')[0]);
    expect(other.startedMs).toBeGreaterThan(first.startedMs);
  });
});
