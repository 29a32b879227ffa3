import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/**
 * A real zombie: a process killed and not reaped. Node reaps its own children, so the zombie is
 * a grandchild: the child of a shell that execs sleep, which never waits for children. It is
 * killed only once the shell has become sleep; a shell still running would reap it.
 * The returned parent must be ended by the caller (it takes the zombie with it).
 */
export async function spawnZombie(): Promise<{ pid: number; parent: ChildProcess }> {
  const parent = spawn('sh', ['-c', 'sleep 60 & echo $!; exec sleep 60'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const [chunk] = (await once(parent.stdout!, 'data')) as [Buffer];
  const pid = Number(chunk.toString().trim());
  const comm = () => execFileSync('ps', ['-o', 'comm=', '-p', String(parent.pid)], { encoding: 'utf8' }).trim();
  for (let i = 0; comm() !== 'sleep'; i++) {
    if (i > 500) throw new Error(`the zombie's parent (pid ${parent.pid}) never became sleep`);
    await new Promise((r) => setTimeout(r, 10));
  }
  process.kill(pid, 'SIGKILL');
  return { pid, parent };
}

/** Whether ps says pid is a zombie (state Z): procps and BSD ps alike. */
export function isZombie(pid: number): boolean {
  try {
    return execFileSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' })
      .trim()
      .startsWith('Z');
  } catch {
    return false;
  }
}
