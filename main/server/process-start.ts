import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';

/**
 * Who holds a pid now. process.kill(pid, 0) says only that some process has the number: a
 * server SIGKILLed and not yet reaped by its parent (a zombie) still has it, and after a reboot
 * or a wrap of the pid counter an unrelated process may have it. The state and the start time
 * of the process tell those apart from the Strapline that wrote a lock.
 */
export interface ProcessStart {
  /** It has exited and waits for its parent to reap it: it holds nothing. */
  exited: boolean;
  /** When it started, ms since the epoch: to the clock tick on Linux, to the second from ps. */
  startedMs: number;
  /**
   * Linux: the boot and the clock tick it started at. No other process shares both, and no
   * change of the wall clock (NTP stepping it after the start) moves them, as it moves startedMs.
   */
  identity?: string;
}

/** null: this platform cannot tell (Windows); 'gone': no process has the pid. */
export type ProcessLookup = ProcessStart | null | 'gone';

/** USER_HZ, the unit of /proc/PID/stat's start time: 100 on every Linux Node runs on (getconf CLK_TCK). */
const TICKS_PER_SECOND = 100;
const code = (e: unknown) => (e as NodeJS.ErrnoException).code;

export async function readProcessStart(pid: number): Promise<ProcessLookup> {
  if (process.platform === 'linux') return fromProc(pid);
  if (process.platform === 'win32') return null;
  return fromPs(pid);
}

/** /proc/PID/stat: field 3 is the state, field 22 the start in ticks after boot; /proc/stat's btime is the boot. */
export async function fromProc(pid: number): Promise<ProcessLookup> {
  let stat: string;
  try {
    stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  } catch (e) {
    return code(e) === 'ENOENT' || code(e) === 'ESRCH' ? 'gone' : null;
  }
  // Field 2, the command name, is in parentheses and may itself hold spaces and ')': count after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const state = fields[0];
  const ticks = Number(fields[19]);
  const [procStat, bootId] = await Promise.all([
    readFile('/proc/stat', 'utf8').catch(() => ''),
    readFile('/proc/sys/kernel/random/boot_id', 'utf8').then(
      (t) => t.trim(),
      () => '',
    ),
  ]);
  const btime = Number(/^btime (\d+)$/m.exec(procStat)?.[1]);
  if (state === undefined || !Number.isInteger(ticks) || !Number.isInteger(btime)) return null;
  return {
    // X (dead) is the instant between zombie and gone.
    exited: state === 'Z' || state === 'X',
    startedMs: btime * 1000 + (ticks * 1000) / TICKS_PER_SECOND,
    ...(bootId === '' ? {} : { identity: `${bootId}/${ticks}` }),
  };
}

/** Elsewhere (macOS, the BSDs): ps, in the C locale and UTC so its date parses the same whatever the user's settings. */
export function fromPs(pid: number): Promise<ProcessLookup> {
  return new Promise((resolve) => {
    execFile('ps', ['-o', 'stat=', '-o', 'lstart=', '-p', String(pid)], { env: { ...process.env, LC_ALL: 'C', TZ: 'UTC' }, timeout: 5000 }, (error, stdout) => {
      const line = /^\s*(\S+)\s+(\S.*?)\s*$/m.exec(stdout);
      // ps exits 1 with nothing printed when no process has the pid.
      if (line === null) return resolve(error && (error as { code?: unknown }).code === 1 ? 'gone' : null);
      const startedMs = Date.parse(`${line[2]} UTC`);
      resolve(Number.isFinite(startedMs) ? { exited: line[1]!.startsWith('Z'), startedMs } : null);
    });
  });
}
