import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../main/server/headless';

/**
 * Doyensec's Electronegativity, the Electron security scanner, over the shell
 * source (and the built main process when there is one). Every HIGH or MEDIUM
 * finding fails the test unless it is in ALLOWED below with the reason it is
 * safe, and that reason is itself tested (test/unit/shell/shell-hardening.test.ts).
 *
 * It runs in a child process: on a misspelt option the scanner calls
 * process.exit, which must not take the test worker with it. The check that
 * downloads Electron's release list is left out: there is no internet here,
 * and the Electron version is pinned in package.json, not judged per scan.
 */
interface Finding {
  id: string;
  severity: string;
  confidence: string;
  file: string;
  line: number;
  manualReview: boolean;
}

/** out/main/index.js is the build of main/shell, windows.ts included: the same findings, the same reasons. */
const SHELL_FILES = ['windows.ts', 'index.js'];
const ALLOWED: { id: string; files: string[]; why: string }[] = [
  {
    id: 'CONTEXT_ISOLATION_JS_CHECK',
    files: SHELL_FILES,
    why:
      'webPreferences come from secure(), which the scanner cannot follow; it sets contextIsolation: true, ' +
      "and shell-hardening checks every window's actual options",
  },
  {
    id: 'SANDBOX_JS_CHECK',
    files: SHELL_FILES,
    why: 'as above: secure() sets sandbox: true, checked on every window by shell-hardening',
  },
  {
    id: 'AUXCLICK_JS_CHECK',
    files: SHELL_FILES,
    why: 'a middle click can only ask for a new window, and setWindowOpenHandler denies every one; navigation is blocked too (both checked by shell-hardening)',
  },
];

/** Scans each input in turn in one child process: loading the scanner is most of its time. */
const SCRIPT = `
const run = require('@doyensec/electronegativity');
const [electron, ...inputs] = process.argv.slice(1);
(async () => {
  const out = {};
  for (const input of inputs) {
    const r = await (run.default || run)({
      input, isRelative: true, electronVersionOverride: electron, excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    });
    out[input] = { errors: r.errors, issues: r.issues.map((i) => ({
      id: i.id, severity: i.severity.name, confidence: i.confidence.name, file: i.file, line: i.location.line, manualReview: !!i.manualReview })) };
  }
  process.stdout.write('\\n@@RESULT@@' + JSON.stringify(out));
})().catch((e) => { process.stderr.write(String((e && e.stack) || e)); process.exit(1); });
`;

type ScanResult = { errors: { file: string; message: string }[]; issues: Finding[] };

function scan(inputs: string[]): Promise<Record<string, ScanResult>> {
  const electron = electronVersion();
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['-e', SCRIPT, electron, ...inputs],
      { cwd: REPO_ROOT, timeout: 90_000, maxBuffer: 10 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const at = stdout.indexOf('@@RESULT@@');
        if (error || at < 0) return reject(new Error(`electronegativity failed: ${error?.message ?? ''}\n${stderr}`));
        resolve(JSON.parse(stdout.slice(at + '@@RESULT@@'.length)));
      },
    );
  });
}

const serious = (f: Finding) => f.severity === 'HIGH' || f.severity === 'MEDIUM';
const allowed = (f: Finding) => ALLOWED.some((a) => a.id === f.id && a.files.includes(path.basename(f.file)));
/** The installed Electron's version, else the one package.json asks for (the scanner judges some checks by it). */
function electronVersion(): string {
  const installed = path.join(REPO_ROOT, 'node_modules/electron/package.json');
  if (existsSync(installed)) return JSON.parse(readFileSync(installed, 'utf8')).version as string;
  const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  return String(pkg.optionalDependencies.electron).replace(/^[^\d]*/, '');
}
const targets = ['main/shell', 'out/main'].filter((t) => existsSync(path.join(REPO_ROOT, t)));

describe('Electronegativity', () => {
  let planted: string;
  let results: Record<string, ScanResult>;
  beforeAll(async () => {
    // A window with everything wrong, so a clean scan of ours is known to mean something.
    planted = await mkdtemp(path.join(os.tmpdir(), 'strapline-scan-'));
    await writeFile(
      path.join(planted, 'bad.ts'),
      "import { BrowserWindow } from 'electron';\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\n",
    );
    results = await scan([...targets.map((t) => path.join(REPO_ROOT, t)), planted]);
  }, 120_000);
  afterAll(() => rm(planted, { recursive: true, force: true }));

  it.each(targets)('finds nothing HIGH or MEDIUM in %s that is not explained', (target) => {
    const { errors, issues } = results[path.join(REPO_ROOT, target)]!;
    // A file it could not parse is a file it did not check.
    expect(errors.filter((e) => !/tolerable/i.test(e.message))).toEqual([]);
    const unexplained = issues.filter((f) => serious(f) && !allowed(f));
    expect(unexplained, JSON.stringify(unexplained, null, 2)).toEqual([]);
  });

  it('does catch the planted insecure window, and the missing handlers our shell has', () => {
    const ids = results[planted]!.issues.filter(serious).map((f) => f.id);
    expect(ids).toEqual(
      expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK']),
    );
  });

  it('every allowance has a reason', () => {
    for (const a of ALLOWED) expect(a.why.length).toBeGreaterThan(40);
  });
});
