/**
 * The drop folder end to end: real files in a real temporary folder, a real Engine built as
 * the headless server builds it, and the engine's own snapshot as the judge of what happened.
 */
import { appendFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Engine } from '../../../main/engine/engine';
import { seatWinner, type DeclaredSeat, type SeatResult } from '../../../main/engine/election';
import { TEMPLATES } from '../../../main/templates/definitions';
import { DEMO_SHOW, REFERENCE_DIR, WEB_ROOT, startHeadless } from '../../../main/server/headless';
import { loadReferenceData, type ReferenceData } from '../../../main/server/reference-data';
import { readShowFile } from '../../../main/server/show-file';
import { watchDropFolder, type DropFileReport, type DropFolderWatcher } from '../../../main/server/drop-folder';
import { OFFICIAL_2024_SEATS } from '../../support/official-2024';

const SETTLE_MS = 30;
/** Short, so the tests of bad files are quick; the default (2 s) is the headless server's. */
const BAD_GRACE_MS = 400;
const CSV_FILE = fileURLToPath(new URL('../../../../shared/data/ge2024-constituency-results.csv', import.meta.url));
const ALDERSHOT = 'E14001063';

let reference: ReferenceData;
let ge2024: DeclaredSeat[];
let csvLines: string[];
let dir: string;
let engine: Engine;
let watcher: DropFolderWatcher | undefined;
let reports: DropFileReport[];
let declareCommands: number;

beforeAll(async () => {
  reference = await loadReferenceData(REFERENCE_DIR);
  ge2024 = (JSON.parse(await readFile(path.join(REFERENCE_DIR, 'ge2024-results.json'), 'utf8')) as { seats: DeclaredSeat[] }).seats;
  csvLines = (await readFile(CSV_FILE, 'utf8')).split(/\r?\n/);
});

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'strapline-drop-'));
  const loaded = await readShowFile(DEMO_SHOW, TEMPLATES);
  if ('error' in loaded) throw new Error(loaded.error.message);
  engine = new Engine({ show: loaded.show, baseline: reference.baseline, templates: TEMPLATES, now: Date.now });
  // Counts commands, not events: a command that changes nothing emits no event but still costs.
  const dispatch = engine.dispatch.bind(engine);
  declareCommands = 0;
  engine.dispatch = (input: unknown) => {
    if ((input as { type?: unknown }).type === 'declare-results') declareCommands += 1;
    return dispatch(input);
  };
  reports = [];
});

afterEach(async () => {
  await watcher?.close();
  watcher = undefined;
  await rm(dir, { recursive: true, force: true });
});

function start(settleMs = SETTLE_MS): DropFolderWatcher {
  watcher = watchDropFolder({
    dir,
    engine,
    settleMs,
    badFileGraceMs: BAD_GRACE_MS,
    onReport: (r) => reports.push(r),
    onError: (e) => reports.push({ file: '(folder)', seats: [], errors: [{ file: dir, message: e.message }], warnings: [], summary: e.message }),
  });
  return watcher;
}

async function until(what: string, condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; reports: ${JSON.stringify(reports)}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const reportsFor = (file: string) => reports.filter((r) => r.file === file);
const seat = (code = ALDERSHOT): SeatResult => engine.resultsState().seats.get(code)!;
const aldershot = (): DeclaredSeat => structuredClone(ge2024.find((s) => s.onsCode === ALDERSHOT)!);
const asFile = (seats: SeatResult[]) => JSON.stringify({ format: 'strapline-results', version: 1, election: 'test', seats }, null, 2);
/** Aldershot with ten votes moved from Labour to the Conservatives: same total, different result. */
const amended = (revision: number): DeclaredSeat => {
  const s = aldershot();
  return { ...s, revision, partyVotes: { ...s.partyVotes, lab: s.partyVotes.lab! - 10, con: s.partyVotes.con! + 10 } };
};
const csvRow = (code: string) => csvLines.find((l) => l.startsWith(`${code},`))!;

/** Writes a file, waits for its report number `n`, and returns it. */
async function drop(name: string, text: string, n = reportsFor(name).length + 1): Promise<DropFileReport> {
  await writeFile(path.join(dir, name), text);
  await until(`report ${n} for ${name}`, () => reportsFor(name).length >= n);
  return reportsFor(name)[n - 1]!;
}

describe('declaring through the drop folder', () => {
  it('declares a seat from a bare seat JSON file', async () => {
    start();
    const report = await drop('aldershot.json', JSON.stringify(aldershot()));
    expect(report.errors).toEqual([]);
    expect(report.seats).toEqual([{ onsCode: ALDERSHOT, verdict: 'applied' }]);
    expect(engine.resultsSnapshot().totals.declared).toBe(1);
    expect(seatWinner(seat())).toBe('lab');
  });

  it('declares a seat from a one-row Commons Library CSV file', async () => {
    start();
    const report = await drop('aberdeen-north.csv', `${csvLines[0]}\n${csvRow('S14000060')}\n`);
    expect(report.seats).toEqual([{ onsCode: 'S14000060', verdict: 'applied' }]);
    expect(engine.resultsSnapshot().totals.declared).toBe(1);
    expect(seatWinner(seat('S14000060'))).toBe('snp');
  });

  it('replaces a result when a higher revision is written over the file', async () => {
    start();
    await drop('a.json', asFile([{ onsCode: ALDERSHOT, revision: 1, state: 'recount' }]));
    expect(seat().state).toBe('recount');
    const report = await drop('a.json', asFile([{ ...aldershot(), revision: 2 }]));
    expect(report.seats).toEqual([{ onsCode: ALDERSHOT, verdict: 'applied' }]);
    expect(seat()).toMatchObject({ state: 'declared', revision: 2 });
    expect(engine.resultsSnapshot().corrections).toEqual([]);
  });

  it('reports a lower revision as stale and changes nothing', async () => {
    start();
    await drop('a.json', asFile([{ ...aldershot(), revision: 2 }]));
    const before = engine.resultsSnapshot();
    const report = await drop('a.json', asFile([amended(1)]));
    expect(report.seats).toEqual([{ onsCode: ALDERSHOT, verdict: 'stale' }]);
    expect(engine.resultsSnapshot()).toBe(before);
    expect(seat()).toMatchObject({ revision: 2, partyVotes: aldershot().partyVotes });
  });

  it('replaces a rush with the full result', async () => {
    start();
    await drop('a.json', JSON.stringify({ onsCode: ALDERSHOT, revision: 1, state: 'rush', winner: 'lab' }));
    expect(engine.resultsSnapshot().totals).toMatchObject({ rush: 1, declared: 0, decided: 1 });
    const report = await drop('a.json', JSON.stringify(aldershot()));
    expect(report.seats).toEqual([{ onsCode: ALDERSHOT, verdict: 'applied' }]);
    expect(engine.resultsSnapshot().totals).toMatchObject({ rush: 0, declared: 1 });
    expect(seat().state).toBe('declared');
  });

  it('holds a change to a declared seat as a correction, leaving the seat as declared', async () => {
    start();
    await drop('a.json', JSON.stringify(aldershot()));
    const report = await drop('a.json', JSON.stringify(amended(2)));
    expect(report.seats).toEqual([{ onsCode: ALDERSHOT, verdict: 'correction' }]);
    const { corrections } = engine.resultsSnapshot();
    expect(corrections).toHaveLength(1);
    expect(corrections[0]).toMatchObject({ onsCode: ALDERSHOT, proposed: { revision: 2 } });
    expect(seat()).toEqual(aldershot());
  });

  it('takes the higher revision when two files for one seat settle together', async () => {
    // The higher revision sorts first, so taking the last file read would take the wrong one.
    await writeFile(path.join(dir, 'a.json'), JSON.stringify(amended(2)));
    await writeFile(path.join(dir, 'b.json'), JSON.stringify(aldershot()));
    start();
    await until('both reports', () => reports.length >= 2);
    expect(reportsFor('a.json')[0]!.seats).toEqual([{ onsCode: ALDERSHOT, verdict: 'applied' }]);
    expect(reportsFor('b.json')[0]!.seats).toEqual([{ onsCode: ALDERSHOT, verdict: 'superseded' }]);
    expect(seat()).toEqual(amended(2));
    expect(engine.resultsSnapshot().corrections).toEqual([]);
    expect(declareCommands).toBe(1);
  });
});

describe('files that must not be applied', () => {
  it('never reads a file half-written across pauses longer than half the settle time', async () => {
    // Wide enough that a loaded machine's late timers do not stretch a pause past the settle time.
    const settleMs = 500;
    const pause = () => new Promise((r) => setTimeout(r, settleMs * 0.6));
    // Written in three parts, each ending on a row: any part read early is a valid file that
    // would declare too few seats. The first part is there when the watcher starts; it is made
    // to look again at the end of every pause, and the first look ripens between two writes.
    const file = path.join(dir, 'three-seats.csv');
    await writeFile(file, `${csvLines[0]}\n${csvRow(ALDERSHOT)}\n`);
    const w = start(settleMs);
    await w.scanNow();
    await pause();
    await w.scanNow();
    await appendFile(file, `${csvRow('S14000060')}\n`);
    await pause();
    await w.scanNow();
    await appendFile(file, `${csvRow('W07000081')}\n`);
    await until('the complete file', () => reports.length >= 1);
    await new Promise((r) => setTimeout(r, settleMs * 3));
    expect(reports).toHaveLength(1);
    expect(reports[0]!.seats.map((s) => s.verdict)).toEqual(['applied', 'applied', 'applied']);
    expect(declareCommands).toBe(1);
    expect(engine.resultsSnapshot().totals.declared).toBe(3);
  });

  it('gives a writer that pauses mid-file past the settle time no false report: the file applies once whole, one report', async () => {
    // Cut mid-token, so the first part read alone is a broken file: reported, it would be noise on air.
    const text = JSON.stringify(aldershot(), null, 2);
    const file = path.join(dir, 'aldershot.json');
    start();
    await writeFile(file, text.slice(0, 200));
    await new Promise((r) => setTimeout(r, SETTLE_MS * 6));
    await watcher!.scanNow();
    expect(reports).toEqual([]);
    await appendFile(file, text.slice(200));
    await until('the whole file', () => reports.length >= 1);
    const report = reports[0]!;
    expect(report.errors).toEqual([]);
    expect(report.seats).toEqual([{ onsCode: ALDERSHOT, verdict: 'applied' }]);
    await new Promise((r) => setTimeout(r, BAD_GRACE_MS * 1.5));
    expect(reports).toHaveLength(1);
  });

  it('reports a broken file only once it has stayed unchanged for the grace, and then once', async () => {
    start();
    const written = performance.now();
    const report = await drop('cut.json', JSON.stringify(aldershot()).slice(0, 120));
    expect(performance.now() - written).toBeGreaterThanOrEqual(BAD_GRACE_MS);
    expect(report.errors[0]).toMatchObject({ file: 'cut.json' });
    expect(report.summary).toMatch(/cut\.json.*nothing applied/);
    await new Promise((r) => setTimeout(r, BAD_GRACE_MS * 1.5));
    expect(reports).toHaveLength(1);
    expect(await readdir(dir)).toEqual(['cut.json']);
  });

  it('gives an empty file (opened, not yet written) a grace far past the settle time, then reads it once written', async () => {
    // writeFile opens before it writes; on a loaded machine the two can be further apart than settleMs.
    const file = path.join(dir, 'aldershot.json');
    await writeFile(file, '');
    const w = start();
    for (let i = 0; i < 6; i++) {
      await new Promise((r) => setTimeout(r, SETTLE_MS * 1.5));
      await w.scanNow();
    }
    expect(reports).toEqual([]);
    const report = await drop('aldershot.json', JSON.stringify(aldershot()));
    expect(report.seats).toEqual([{ onsCode: ALDERSHOT, verdict: 'applied' }]);
    await new Promise((r) => setTimeout(r, SETTLE_MS * 3));
    expect(reports).toHaveLength(1);
  });

  it('reports a file that stays empty past the grace, once, and applies nothing', async () => {
    await writeFile(path.join(dir, 'blank.json'), '');
    watcher = watchDropFolder({ dir, engine, settleMs: SETTLE_MS, badFileGraceMs: 300, onReport: (r) => reports.push(r) });
    await until('the empty-file report', () => reports.length >= 1);
    await new Promise((r) => setTimeout(r, 400));
    expect(reports).toHaveLength(1);
    expect(reports[0]!.errors[0]).toMatchObject({ file: 'blank.json', message: 'the file is empty: nothing to declare' });
    expect(engine.resultsSnapshot().totals.declared).toBe(0);
  });

  it('reports a malformed JSON file with its name and line, applies nothing, and reads it again once fixed', async () => {
    start();
    const revision = engine.resultsSnapshot().resultsRevision;
    const broken = `{\n  "onsCode": "${ALDERSHOT}",\n  "revision": 1\n  "state": "rush",\n  "winner": "lab"\n}\n`;
    const report = await drop('broken.json', broken);
    expect(report.seats).toEqual([]);
    // The missing comma ends line 3; the parser finds out at the next token, on line 4.
    expect(report.errors[0]).toMatchObject({ file: 'broken.json', line: 4 });
    expect(report.summary).toMatch(/broken\.json.*nothing applied/);
    expect(engine.resultsSnapshot().resultsRevision).toBe(revision);
    expect(declareCommands).toBe(0);
    const fixed = await drop('broken.json', broken.replace('"revision": 1', '"revision": 1,'));
    expect(fixed.seats).toEqual([{ onsCode: ALDERSHOT, verdict: 'applied' }]);
  });

  it('reports a CSV with a bad cell by line and column, and a file of no known format', async () => {
    start();
    const bad = await drop('bad.csv', `${csvLines[0]}\n${csvRow(ALDERSHOT).replace(',19764,', ',19x64,')}\n`);
    expect(bad.errors[0]).toMatchObject({ file: 'bad.csv', line: 2, column: 'Lab' });
    const notes = await drop('notes.txt', 'Aldershot: Labour gain\n');
    expect(notes.errors[0]!.message).toMatch(/not a results file/);
    expect(engine.resultsSnapshot().totals.declared).toBe(0);
    expect(declareCommands).toBe(0);
  });

  it('ignores dotfiles, temporary names and subfolders, and refuses a file over the size cap', async () => {
    const seatText = JSON.stringify(aldershot());
    await mkdir(path.join(dir, 'archive'));
    for (const name of ['.aldershot.json', 'aldershot.json.tmp', 'aldershot.part', '~aldershot.json', 'archive/aldershot.json']) {
      await writeFile(path.join(dir, name), seatText);
    }
    await writeFile(path.join(dir, 'huge.json'), seatText.padEnd(1024 * 1024 + 1, ' '));
    const w = start();
    await until('the oversize report', () => reports.length >= 1);
    await new Promise((r) => setTimeout(r, SETTLE_MS * 3));
    await w.scanNow();
    expect(reports.map((r) => r.file)).toEqual(['huge.json']);
    expect(reports[0]!.errors[0]!.message).toMatch(/limit is 1048576 bytes/);
    expect(engine.resultsSnapshot().totals.declared).toBe(0);
  });
});

describe('files taken', () => {
  it('are moved whole into done/, which is not read; a refused one stays where it is', async () => {
    const text = JSON.stringify(aldershot());
    start();
    await drop('aldershot.json', text);
    await drop('notes.txt', 'Aldershot: Labour gain\n');
    await until('the move into done/', () => reports.length === 2);
    await expect.poll(async () => (await readdir(dir)).sort(), { timeout: 3000 }).toEqual(['done', 'notes.txt']);
    expect(await readFile(path.join(dir, 'done', 'aldershot.json'), 'utf8')).toBe(text);
  });

  it('keep every version of a name the feed reuses: aldershot.json, then aldershot.2.json', async () => {
    start();
    await drop('aldershot.json', asFile([{ onsCode: ALDERSHOT, revision: 1, state: 'recount' }]));
    await expect.poll(() => readdir(dir), { timeout: 3000 }).toEqual(['done']);
    const second = await drop('aldershot.json', asFile([{ ...aldershot(), revision: 2 }]));
    expect(second.seats).toEqual([{ onsCode: ALDERSHOT, verdict: 'applied' }]);
    await expect.poll(async () => (await readdir(path.join(dir, 'done'))).sort(), { timeout: 3000 }).toEqual(['aldershot.2.json', 'aldershot.json']);
    expect(JSON.parse(await readFile(path.join(dir, 'done', 'aldershot.json'), 'utf8')).seats[0].revision).toBe(1);
    expect(JSON.parse(await readFile(path.join(dir, 'done', 'aldershot.2.json'), 'utf8')).seats[0].revision).toBe(2);
  });

  it('stay, said once and not read again, where done/ cannot be made', async () => {
    // A file where the folder should be: mkdir fails as it would on a read-only share.
    await writeFile(path.join(dir, 'done'), 'not a folder');
    const w = start();
    await drop('aldershot.json', JSON.stringify(aldershot()));
    await until('the failed move', () => reports.some((r) => r.file === '(folder)'));
    for (let i = 0; i < 4; i++) {
      await new Promise((r) => setTimeout(r, SETTLE_MS * 2));
      await w.scanNow();
    }
    expect(reportsFor('(folder)').map((r) => r.summary)).toEqual([
      expect.stringMatching(/^cannot move taken files into .*done: .*; they stay, and are read again at the next start$/),
    ]);
    expect(reportsFor('aldershot.json')).toHaveLength(1);
    expect(declareCommands).toBe(1);
    expect((await readdir(dir)).sort()).toEqual(['aldershot.json', 'done']);
  });

  it('are not read again at the next start: only what arrived meanwhile is', async () => {
    const w = start();
    await drop('aldershot.json', JSON.stringify(aldershot()));
    await expect.poll(() => readdir(dir), { timeout: 3000 }).toEqual(['done']);
    await w.close();
    await writeFile(path.join(dir, 'aberdeen-north.csv'), `${csvLines[0]}\n${csvRow('S14000060')}\n`);
    reports = [];
    declareCommands = 0;
    start();
    await until('the new file', () => reports.length >= 1);
    await new Promise((r) => setTimeout(r, SETTLE_MS * 5));
    expect(reports.map((r) => r.file)).toEqual(['aberdeen-north.csv']);
    expect(declareCommands).toBe(1);
  });
});

describe('a burst of 650 files', () => {
  it('applies them in one or a few commands and gives the official 2024 totals', async () => {
    start();
    // Half bare seats, half results files: both shapes the folder takes.
    await Promise.all(ge2024.map((s, i) => writeFile(path.join(dir, `${s.onsCode}.json`), i % 2 ? JSON.stringify(s) : asFile([s]))));
    await until('650 declared', () => engine.resultsSnapshot().totals.declared === 650, 15_000);
    expect(declareCommands).toBeLessThanOrEqual(3);
    expect(reports).toHaveLength(650);
    expect(reports.every((r) => r.errors.length === 0 && r.seats[0]?.verdict === 'applied')).toBe(true);
    await expect.poll(async () => (await readdir(path.join(dir, 'done'))).length, { timeout: 10_000 }).toBe(650);
    expect(await readdir(dir)).toEqual(['done']);
    expect(engine.resultsSnapshot().totals.seats).toEqual(OFFICIAL_2024_SEATS);
  });
});

describe('the headless server with --drop', () => {
  it('declares what lands in its drop folder, as GET /api/results shows', async () => {
    // The as-run log lives elsewhere: in the drop folder it would be read as a results file.
    const logs = await mkdtemp(path.join(os.tmpdir(), 'strapline-drop-log-'));
    const app = await startHeadless({
      showPath: DEMO_SHOW,
      host: '127.0.0.1',
      port: 0,
      asRunPath: path.join(logs, 'as-run.jsonl'),
      webRoot: WEB_ROOT,
      dropFolder: dir,
    });
    try {
      await writeFile(path.join(dir, 'aldershot.json'), JSON.stringify(aldershot()));
      const declared = async () => ((await (await fetch(`${app.server.url}/api/results`)).json()) as { totals: { declared: number } }).totals.declared;
      const deadline = Date.now() + 5000;
      while ((await declared()) !== 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(await declared()).toBe(1);
    } finally {
      await app.close();
      await rm(logs, { recursive: true, force: true });
    }
  });
});
