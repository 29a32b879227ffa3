import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SHOW, REPO_ROOT, WEB_ROOT, startHeadless, type Headless } from '../../../../main/server/headless';
import type { Show } from '../../../../main/engine/show';

/**
 * Each demo show on its own election (issue 16 point 6), opened through the real headless start
 * with real files in a temporary data folder; the figures on the target straps are checked
 * against the published 2017 file in ../shared/data, not against the show's own words.
 */

const ANGLIA_2019 = path.join(REPO_ROOT, 'seeds/anglia-2019-show.json');
const GE2017_CSV = path.resolve(REPO_ROOT, '../shared/data/ge2017-constituency-results.csv');
let root: string;
const running: Headless[] = [];
beforeAll(async () => void (root = await mkdtemp(path.join(os.tmpdir(), 'strapline-demo-shows-'))));
afterEach(async () => {
  for (const app of running.splice(0)) await app.close();
});
afterAll(async () => rm(root, { recursive: true, force: true }));

async function open(showPath: string) {
  const dataDir = await mkdtemp(path.join(root, 'd'));
  const app = await startHeadless({ host: '127.0.0.1', port: 0, asRunPath: path.join(dataDir, 'as-run.jsonl'), webRoot: WEB_ROOT, dataDir, showPath });
  running.push(app);
  return app;
}
const previewOf = (app: Headless, cueId: string) => {
  expect(app.engine.dispatch({ type: 'cue', cueId }).ok).toBe(true);
  return app.engine.programSnapshot().preview?.view as Record<string, unknown>;
};
const cuesOf = (show: Show) => show.stacks.flatMap((s) => s.cues);

/** The published file's rows by header (its quoted names hold commas: "Ross, Skye and Lochaber"). */
function csvRows(text: string): Record<string, string>[] {
  const split = (line: string) => [...line.matchAll(/(?:"((?:[^"]|"")*)"|([^,]*))(?:,|$)/g)].map((m) => (m[1] ?? m[2] ?? '').replace(/""/g, '"'));
  const [header, ...lines] = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l !== '');
  const names = split(header!);
  return lines.map((line) => Object.fromEntries(split(line).map((v, i) => [names[i], v])));
}

const CHALLENGER: Record<string, string> = { Conservative: 'Con', Labour: 'Lab', 'Lib Dem': 'LD' };

describe('the 2019 Anglia show, on the eve of 2019 (judged on 2017)', () => {
  it('opens its own election without --election: 650 seats of 2010-2019, the 2017 baseline, a hex layout, no night to replay', async () => {
    const app = await open(ANGLIA_2019);
    expect(app.election.info()).toMatchObject({ name: 'General election 2019', date: '2019-12-12', seatCount: 650, replayable: false });
    expect(app.election.info().hexLayout).not.toBeNull();
    expect(app.engine.resultsState().seats.get('E14000878')?.state).toBe('pending');
    const board = previewOf(app, 'tg-board-lab') as { rows: { name: string; majority: number; swing: number }[] };
    expect(board.rows.slice(0, 2)).toMatchObject([
      { name: 'Thurrock', majority: 345, swing: 0.3 },
      { name: 'Norwich North', majority: 507, swing: 0.6 },
    ]);
    expect(previewOf(app, 'tg-peterborough-result')).toMatchObject({ name: 'Peterborough', holder: 'lab', changeLabel: 'Change on 2017' });
    // The 2019 exit poll (data README), its changes on the 2017 result: Con 368 from 317, Lab 191 from 262.
    const poll = previewOf(app, 'ep19-board') as { compareLabel: string; parties: { party: string; seats: number; previous: number }[] };
    expect(poll.compareLabel).toBe('Change on 2017');
    expect(poll.parties.slice(0, 2)).toEqual([
      { party: 'con', seats: 368, previous: 317 },
      { party: 'lab', seats: 191, previous: 262 },
    ]);
  });

  it('says on every target strap the majority and swing needed that the published 2017 file gives', async () => {
    const rows = csvRows(await readFile(GE2017_CSV, 'utf8'));
    const byName = new Map(rows.map((r) => [r['Constituency name']!, r]));
    const show = JSON.parse(await readFile(ANGLIA_2019, 'utf8')) as Show;
    const targets = cuesOf(show).filter((c) => c.template === 'strap' && /target: /.test(String(c.fields.headline)));
    expect(targets.length).toBe(17);
    for (const cue of targets) {
      const [, who, seat] = /^(.+) target: (.+)$/.exec(String(cue.fields.headline))!;
      const [, majority, swing] = /majority ([\d,]+) in 2017; a ([\d.]+)% swing/.exec(String(cue.fields.subline))!;
      const row = byName.get(seat!)!;
      const share = (party: string) => (100 * Number(row[party])) / Number(row['Valid votes']);
      expect(Number(majority!.replace(/,/g, '')), seat).toBe(Number(row.Majority));
      expect(Number(swing), seat).toBe(Math.round(((share(row['First party']!) - share(CHALLENGER[who!]!)) / 2) * 10) / 10);
    }
  });
});

describe('the 2024 demo show', () => {
  it('opens on 2024, every seat it names a 2024 seat, and no figure of another night in it', async () => {
    const app = await open(DEMO_SHOW);
    expect(app.election.info()).toMatchObject({ name: 'General election 2024', seatCount: 650 });
    const show = app.engine.showSnapshot().show;
    for (const cue of cuesOf(show).filter((c) => typeof c.fields.constituency === 'string')) {
      expect(app.engine.resultsState().baseline.seats.has(cue.fields.constituency as string), cue.id).toBe(true);
    }
    // Its baseline is the 2019 notional result; 2017 belongs to the Anglia show.
    expect(JSON.stringify(show.stacks)).not.toMatch(/2017|Peterborough/);
  });
});
