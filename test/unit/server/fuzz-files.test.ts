import { mkdir, mkdtemp, readFile, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SHOW } from '../../../main/server/headless';
import { MAX_SHOW_FILE_BYTES, readShowFile } from '../../../main/server/show-file';
import { watchDropFolder, type DropFileReport } from '../../../main/server/drop-folder';
import { wasTaken } from '../../../main/server/drop-batch';
import { importResults } from '../../../main/engine/import';
import type { ImportFormat } from '../../../main/engine/import/import-report';
import { TEMPLATES } from '../../../main/templates/definitions';
import { engineHarness } from '../../support/engine-fixture';
import { airState } from '../../support/air-state';
import { startTestServer, type TestServer } from '../../support/server';

/**
 * Files from outside: show files, imports and drop-folder files. Each starts
 * from a real file (the demo show, the import fixtures) and is damaged the way
 * files are: cut short, bytes spliced in, lines doubled, quotes left open, or
 * replaced by noise. Reading one never throws, a refusal says what and where,
 * nothing is applied from a refused file, and the file itself is never changed.
 */
const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/import');
let dir: string;
let sources: { format: ImportFormat; text: string }[];
let demoShow: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'strapline-fuzz-files-'));
  demoShow = await readFile(DEMO_SHOW, 'utf8');
  const read = (f: string) => readFile(path.join(FIXTURES, f), 'utf8');
  sources = [
    { format: 'commons-constituency', text: await read('constituency-partial.csv') },
    { format: 'commons-candidate', text: await read('candidate-one-bad-seat.csv') },
    { format: 'notional', text: await read('notional-subset.csv') },
    { format: 'strapline-json', text: await read('results-one-bad-seat.json') },
  ];
});
afterAll(() => rm(dir, { recursive: true, force: true }));

type Damage = { at: number; kind: 'cut' | 'splice' | 'double' | 'quote' | 'bom' | 'crlf'; junk: string };
const damage = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  kind: fc.constantFrom('cut', 'splice', 'double', 'quote', 'bom', 'crlf'),
  junk: fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.constantFrom('"', ',,,,', '\u0000', '-1', '1e309', '\uFFFD\uD800', '}]', '\n\n\n')),
}) as fc.Arbitrary<Damage>;

function damaged(text: string, hits: Damage[]): string {
  let t = text;
  for (const d of hits) {
    const at = Math.floor(d.at * t.length);
    if (d.kind === 'cut') t = t.slice(0, at);
    else if (d.kind === 'splice') t = t.slice(0, at) + d.junk + t.slice(at);
    else if (d.kind === 'double') t = t.slice(0, at) + t.slice(at).split('\n', 1)[0] + '\n' + t.slice(at);
    else if (d.kind === 'quote') t = t.slice(0, at) + '"' + t.slice(at);
    else if (d.kind === 'bom') t = '\uFEFF\uFEFF' + t;
    else t = t.replace(/\n/g, '\r\n');
  }
  return t;
}

/** Text damaged from a real file, or noise from nowhere. */
const fileText = (pick: () => string) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.array(damage, { minLength: 1, maxLength: 3 }).map((hits) => damaged(pick(), hits)) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 400 }) },
  );

describe('show files', () => {
  it('a damaged show file is refused with its name and place, and is left as it was', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fileText(() => demoShow),
        async (text) => {
          const file = path.join(dir, `show-${n++}.json`);
          const bytes = Buffer.from(text, 'utf8');
          await writeFile(file, bytes);
          const loaded = await readShowFile(file, TEMPLATES);
          if ('error' in loaded) {
            expect(loaded.error.code).toBe('INVALID_SHOW_FILE');
            expect(loaded.error.message).toContain(file);
          }
          expect((await readFile(file)).equals(bytes)).toBe(true);
        },
      ),
      { seed: 1832, numRuns: 60 },
    );
  });

  it('refuses a show file over the size cap before reading it', async () => {
    const file = path.join(dir, 'huge.json');
    await writeFile(file, '');
    await truncate(file, MAX_SHOW_FILE_BYTES + 1); // sparse: no 50 MB written
    const loaded = await readShowFile(file, TEMPLATES);
    expect('error' in loaded && loaded.error.message).toMatch(/limit/);
  });
});

describe('imports', () => {
  const FORMATS: ImportFormat[] = ['commons-constituency', 'commons-candidate', 'notional', 'strapline-json', 'strapline-baseline-json'];
  const anySource = fc.nat(3).chain((i) =>
    fc.tuple(
      fc.constant(i),
      fileText(() => sources[i]!.text),
      fc.constantFrom(...FORMATS),
    ),
  );

  it('an importer never throws; a refused file applies nothing and says why', () => {
    const seen = { refused: 0, applied: 0 };
    fc.assert(
      fc.property(anySource, ([, text, format]) => {
        const { rows, report } = importResults(text, 'fuzz.csv', format);
        expect(report.summary.length).toBeGreaterThan(0);
        seen[report.applied === 'nothing' ? 'refused' : 'applied'] += 1;
        if (report.applied === 'nothing') {
          expect(rows).toHaveLength(0);
          expect(report.errors.length).toBeGreaterThan(0);
          for (const e of report.errors) expect(e.message.length).toBeGreaterThan(0);
        }
      }),
      { seed: 1066, numRuns: 150 },
    );
    // Damage that happens to leave a file valid is applied: both sides are reached.
    expect(seen.refused).toBeGreaterThan(50);
    expect(seen.applied).toBeGreaterThan(2);
  });

  describe('through POST /api/import', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer();
    });
    afterAll(() => server?.stop());

    it('a refused import changes nothing on the server', async () => {
      await fc.assert(
        fc.asyncProperty(anySource, async ([i, text, format]) => {
          const before = airState(server.engine);
          const res = await fetch(`${server.url}/api/import?format=${i === 3 ? 'strapline-json' : format}`, { method: 'POST', body: text });
          const body = await res.json();
          if (res.status !== 200) {
            expect(res.status).toBe(400);
            expect(body.error.message.length).toBeGreaterThan(0);
            expect(airState(server.engine)).toEqual(before);
          }
        }),
        { seed: 1215, numRuns: 30 },
      );
    });
  });
});

describe('drop folder', () => {
  it('reports each damaged file, applies nothing from a refused one and leaves it untouched, and moves a taken one whole into done/', async () => {
    const seatFile = JSON.stringify({ onsCode: 'E14000001', revision: 1, state: 'declared', validVotes: 100, partyVotes: { lab: 60, con: 40 } });
    let round = 0;
    const seen = { refused: 0, applied: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fileText(() => seatFile),
            fileText(() => sources[0]!.text),
          ),
          { minLength: 1, maxLength: 4 },
        ),
        async (texts) => {
          const drop = path.join(dir, `drop-${round++}`);
          await mkdir(drop);
          const files = texts.map((t) => Buffer.from(t, 'utf8'));
          await Promise.all(files.map((b, i) => writeFile(path.join(drop, `seat-${i}.json`), b)));
          const h = engineHarness();
          const before = airState(h.engine);
          const reports: DropFileReport[] = [];
          const watcher = watchDropFolder({
            dir: drop,
            engine: h.engine,
            settleMs: 5,
            badFileGraceMs: 20,
            maxFileBytes: 4096,
            onReport: (r) => reports.push(r),
            onError: () => undefined,
          });
          try {
            await expect.poll(() => reports.length, { timeout: 5000, interval: 10 }).toBe(texts.length);
          } finally {
            await watcher.close();
          }
          for (const r of reports) if (r.seats.length === 0) expect(r.errors.length).toBeGreaterThan(0);
          for (const r of reports) seen[r.errors.length > 0 ? 'refused' : 'applied'] += 1;
          if (!reports.some((r) => r.seats.some((s) => s.verdict === 'applied' || s.verdict === 'correction'))) expect(airState(h.engine)).toEqual(before);
          // A refused file (or one of unknown seats) stays as it was, to be fixed in place; a taken one is moved, byte for byte, into done/.
          const refusedNames = reports
            .filter((r) => !wasTaken(r))
            .map((r) => r.file)
            .sort();
          await expect.poll(async () => (await readdir(drop)).filter((n) => n !== 'done').sort(), { timeout: 3000, interval: 10 }).toEqual(refusedNames);
          for (const [i, b] of files.entries()) {
            const name = `seat-${i}.json`;
            expect((await readFile(path.join(drop, refusedNames.includes(name) ? '' : 'done', name))).equals(b), name).toBe(true);
          }
        },
      ),
      { seed: 1945, numRuns: 12 },
    );
    expect(seen.refused).toBeGreaterThan(3);
    expect(seen.applied).toBeGreaterThan(0);
  });
});
