import { mkdtemp, readFile, rm, writeFile, mkdir, cp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ELECTIONS_DIR, REPO_ROOT } from '../../../../main/server/headless';
import { loadElectionFolder, readElectionResults } from '../../../../main/server/election-folder';
import {
  baselineFromResults,
  baselineFromSeats,
  commonsAbbreviation,
  deriveTotals,
  seatMajority,
  seatOutcome,
  seatWinner,
  describeOutcome,
  type DeclaredSeat,
  type SeatResult,
} from '../../../../main/engine/election';
import { importResults, readCommonsConstituencyList } from '../../../../main/engine/import';

/** The real published files (../shared/data), read as an operator's folder would hold them. */
const SHARED = path.resolve(REPO_ROOT, '../shared/data');
const OFFICIAL_2017 = { con: 317, lab: 262, snp: 35, ld: 12, dup: 10, sf: 7, pc: 4, green: 1, speaker: 1, ind: 1 };

const declared = (seats: readonly SeatResult[]) => seats.filter((s): s is DeclaredSeat => s.state === 'declared');
const byCode = (seats: readonly SeatResult[]) => new Map(seats.map((s) => [s.onsCode, s]));

describe('seeds/elections/ge2017', () => {
  it('has the 650 seats of 2010-2019 with their hex layout, and its night gives the official 2017 totals', async () => {
    const election = await loadElectionFolder(path.join(ELECTIONS_DIR, 'ge2017'));
    expect(election.constituencies).toHaveLength(650);
    expect(Object.keys(election.hex!.layout.hexes)).toHaveLength(650);
    // The 2010-2019 layout carries a region abbreviation; the folder gives each hex its seat's ONS region.
    expect(election.hex!.layout.hexes.E14000530!.region).toBe('E12000008');
    const night = await readElectionResults(election);
    const totals = deriveTotals(byCode(night), election.baseline, { holderBasis: 'notional' });
    expect(totals.seats).toEqual(OFFICIAL_2017);
    // UKIP is a party of its own column, with no seat: not folded into Reform or Others.
    expect(totals.votes.ukip).toBe(594_068);
    expect(totals.seats.reform).toBeUndefined();
  });

  it("names every winner from the candidate file, and keeps each seat's real declaration time", async () => {
    const election = await loadElectionFolder(path.join(ELECTIONS_DIR, 'ge2017'));
    const night = declared(await readElectionResults(election));
    expect(night.every((s) => s.candidates !== undefined && s.declaredAt !== undefined)).toBe(true);
    const aberavon = night.find((s) => s.onsCode === 'W07000049')!;
    expect(aberavon.candidates![0]).toMatchObject({ name: 'Stephen Kinnock', partyId: 'lab', votes: 22_662 });
    // 09/06/2017 02:41 in British Summer Time.
    expect(aberavon.declaredAt).toBe('2017-06-09T01:41:00Z');
  });
});

describe('by-elections of the 2024 Parliament, each against its previous general election', () => {
  // Judged on the candidate file: the constituency file of the same contests disagrees with
  // its own figures twice (below), and is refused rather than put on air.
  const EXPECTED = [
    ['Runcorn and Helsby', 'RUK gain from Lab', 6],
    ['Gorton and Denton', 'Green gain from Lab', 4402],
    ['Aberdeen South', 'Con gain from SNP', 6050],
    ['Arbroath and Broughty Ferry', 'SNP hold', 5278],
    ['Makerfield', 'Lab hold', 9231],
    ['Clacton', 'RUK hold', 12784],
  ] as const;

  it("gives each contest's winner, majority and GAIN/HOLD, from the candidate file", async () => {
    const csv = await readFile(path.join(SHARED, 'ge2024-constituency-results.csv'), 'utf8');
    const ge2024 = importResults(csv, 'ge2024.csv', 'commons-constituency');
    const names = new Map(readCommonsConstituencyList(csv, 'ge2024.csv').rows.map((c) => [c.onsCode, c.name]));
    const baseline = baselineFromSeats(baselineFromResults(ge2024.rows).seats);
    const contests = importResults(
      await readFile(path.join(SHARED, 'by-elections-2024-parliament-candidates.csv'), 'utf8'),
      'by-elections-candidates.csv',
      'commons-candidate',
    );
    expect(contests.report).toMatchObject({ seatsValid: 6, applied: 'all' });
    const got = declared(contests.rows).map((seat) => [
      names.get(seat.onsCode),
      describeOutcome(seatOutcome(seat, baseline, 'notional')!),
      seatMajority(seat)!.votes,
    ]);
    expect(got.sort()).toEqual([...EXPECTED].map((e) => [...e]).sort());
    const runcorn = declared(contests.rows).find((s) => s.onsCode === 'E14001455')!;
    expect(commonsAbbreviation(seatWinner(runcorn)!)).toBe('RUK');
  });

  it('refuses the constituency file of the same contests, naming the two rows that contradict themselves', async () => {
    const contests = importResults(await readFile(path.join(SHARED, 'by-elections-2024-parliament.csv'), 'utf8'), 'by-elections.csv', 'commons-constituency');
    expect(contests.report.applied).toBe('nothing');
    expect(contests.report.errors).toEqual([
      expect.objectContaining({ line: 5, column: 'Majority', message: 'is 5178 but the votes give 5278' }),
      expect.objectContaining({ line: 7, column: 'Valid votes', message: 'party votes sum to 35251 but validVotes is 35111' }),
    ]);
  });

  it('seeds/elections/runcorn-2025: one seat, Reform UK gain from Labour by 6, the winner named', async () => {
    const election = await loadElectionFolder(path.join(ELECTIONS_DIR, 'runcorn-2025'));
    expect(election.manifest.kind).toBe('by-election');
    expect(election.constituencies.map((c) => c.name)).toEqual(['Runcorn and Helsby']);
    expect(election.hex).toBeNull();
    const [seat] = declared(await readElectionResults(election));
    expect(seatOutcome(seat!, election.baseline, 'notional')).toEqual({ kind: 'GAIN', winner: 'reform', from: 'lab' });
    expect(seatMajority(seat!)!.votes).toBe(6);
    expect(seat!.candidates![0]).toMatchObject({ name: 'Sarah Joanne Pochin', partyId: 'reform', votes: 12_645 });
    expect(seat!.candidates).toHaveLength(15);
  });
});

describe('an invalid election folder is refused, naming the file, line and field', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'strapline-election-'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  async function folder(name: string, manifest: unknown, files: Record<string, string> = {}): Promise<string> {
    const at = path.join(dir, name);
    await mkdir(at, { recursive: true });
    await writeFile(path.join(at, 'election.json'), typeof manifest === 'string' ? manifest : JSON.stringify(manifest, null, 2));
    for (const [file, text] of Object.entries(files)) await writeFile(path.join(at, file), text);
    return at;
  }
  const good = {
    name: 'Test',
    date: '2025-05-01',
    kind: 'by-election',
    seats: { file: 's.csv', format: 'commons-constituency' },
    baseline: { file: 's.csv', format: 'commons-constituency' },
  };

  it('a field of election.json', async () => {
    const at = await folder('bad-format', { ...good, baseline: { file: 's.csv', format: 'excel' } });
    await expect(loadElectionFolder(at)).rejects.toThrow(new RegExp(`${path.join(at, 'election.json')}, line 1[0-2], field "baseline.format": Invalid option`));
  });

  it('a file outside the folder', async () => {
    const at = await folder('escape', { ...good, hex: '../../etc/passwd' });
    await expect(loadElectionFolder(at)).rejects.toThrow(/field "hex": must be a file inside the election folder/);
  });

  it('a bad cell in the seats file, by line and column', async () => {
    const csv = (await readFile(path.join(ELECTIONS_DIR, 'runcorn-2025/ge2024-runcorn-and-helsby.csv'), 'utf8')).replace('E14001455', 'E1400145X');
    const at = await folder('bad-cell', good, { 's.csv': csv });
    await expect(loadElectionFolder(at)).rejects.toThrow(/s\.csv, line 2, column "ONS ID"/);
  });

  it('a hex layout of other boundaries', async () => {
    await cp(path.join(ELECTIONS_DIR, 'runcorn-2025/ge2024-runcorn-and-helsby.csv'), path.join(dir, 'hex-other-s.csv'));
    const at = await folder(
      'hex-other',
      { ...good, hex: 'h.hexjson' },
      {
        's.csv': await readFile(path.join(dir, 'hex-other-s.csv'), 'utf8'),
        'h.hexjson': await readFile(path.join(SHARED, 'uk-constituencies-2010-2019.hexjson'), 'utf8'),
      },
    );
    await expect(loadElectionFolder(at)).rejects.toThrow(/h\.hexjson: 650 hexes are not seats of this election/);
  });
});
