import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SHOW } from '../../../main/server/headless';
import { MAX_SHOW_FILE_BYTES, readShowFile } from '../../../main/server/show-file';
import type { Show } from '../../../main/engine/show';
import { TEMPLATES } from '../../../main/templates/definitions';

/** Show files on disk: a bad one is refused whole, with where and why, and never throws. */

let dir: string;
let demoText: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'strapline-show-file-'));
  demoText = await readFile(DEMO_SHOW, 'utf8');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let n = 0;
async function fileWith(text: string): Promise<string> {
  const file = path.join(dir, `show-${(n += 1)}.json`);
  await writeFile(file, text);
  return file;
}

function demo(): Show {
  return JSON.parse(demoText) as Show;
}

async function errorOf(file: string) {
  const result = await readShowFile(file, TEMPLATES);
  if (!('error' in result)) throw new Error(`expected ${file} to be refused`);
  expect(result.error.message).toContain(file);
  return result.error;
}

describe('readShowFile', () => {
  it('loads the demo show', async () => {
    const result = await readShowFile(DEMO_SHOW, TEMPLATES);
    if ('error' in result) throw new Error(result.error.message);
    expect(result.show).toEqual(demo());
    expect(result.show.stacks.flatMap((s) => s.cues).length).toBeGreaterThan(5);
  });

  it('strips a byte-order mark', async () => {
    const result = await readShowFile(await fileWith(`\uFEFF${demoText}`), TEMPLATES);
    expect('show' in result && result.show.name).toBe(demo().name);
  });

  it.each([
    ['a missing comma', '{\n  "format": "strapline-show"\n  "version": 1\n}', 'line 3, column 3'],
    ['a trailing comma in an object', '{\n  "format": "strapline-show",\n}', 'line 3, column 1'],
    ['a value left out', '{\n  "format": "strapline-show",\n  "version": ,\n  "name": "x"\n}', 'line 3, column 14'],
    ['a trailing comma in an array', '{\n  "stacks": [\n    {},\n  ]\n}', 'line 4, column 3'],
    ['a misspelt literal', '{\n  "ok": tru\n}', 'line 2, column 9'],
    ['a file cut short', '{\n  "format": "strapline-show",\n  "stacks": [', 'line 3, column 14'],
  ])('reports the line and column of %s', async (_name, text, place) => {
    const error = await errorOf(await fileWith(text));
    expect(error.code).toBe('INVALID_SHOW_FILE');
    expect(error.message).toContain(place);
  });

  it('reports an empty file as not JSON', async () => {
    const error = await errorOf(await fileWith(''));
    expect(error).toMatchObject({ code: 'INVALID_SHOW_FILE', message: expect.stringContaining('not valid JSON') });
  });

  it('refuses a cue with an unknown template, naming stacks[i].cues[j]', async () => {
    const show = demo();
    show.stacks[1]!.cues[1]!.template = 'pie-chart';
    const error = await errorOf(await fileWith(JSON.stringify(show)));
    expect(error.code).toBe('UNKNOWN_TEMPLATE');
    expect(error.message).toContain('stacks[1].cues[1]');
    expect(error.message).toContain('pie-chart');
  });

  it('refuses a cue with a bad field, naming stacks[i].cues[j] and the field', async () => {
    const show = demo();
    show.stacks[1]!.cues[0]!.fields = { ...show.stacks[1]!.cues[0]!.fields, party: 'Whig' };
    const error = await errorOf(await fileWith(JSON.stringify(show)));
    expect(error.code).toBe('INVALID_FIELDS');
    expect(error.message).toContain('stacks[1].cues[0]');
    expect(error.message).toContain('party');
  });

  it('refuses a file of the wrong shape, naming the property', async () => {
    const error = await errorOf(await fileWith(JSON.stringify({ ...demo(), format: 'caspar' })));
    expect(error.code).toBe('INVALID_SHOW_FILE');
    expect(error.message).toContain('format');
  });

  it('refuses a show with a value nested 20,000 levels deep, naming where, before any schema reads it', async () => {
    const text = demoText.replace('"fields": {', `"fields": { "deep": ${'['.repeat(20_000)}${']'.repeat(20_000)},`);
    expect(text).not.toBe(demoText);
    const error = await errorOf(await fileWith(text));
    expect(error).toMatchObject({
      code: 'INVALID_SHOW_FILE',
      message: expect.stringMatching(/: stacks\[0\]\.cues\[0\]\.fields\.deep\[0\]\[0\].*nested deeper than 32 levels$/),
    });
  });

  it('refuses a missing file with a clear error', async () => {
    const error = await errorOf(path.join(dir, 'no-such-show.json'));
    expect(error).toMatchObject({ code: 'INVALID_SHOW_FILE', message: expect.stringContaining('ENOENT') });
  });

  it('refuses a folder', async () => {
    const error = await errorOf(dir);
    expect(error.code).toBe('INVALID_SHOW_FILE');
  });

  it('refuses a file over the size limit without reading it', async () => {
    const file = await fileWith('');
    await truncate(file, MAX_SHOW_FILE_BYTES + 1); // sparse: no 50 MB written
    const error = await errorOf(file);
    expect(error.message).toContain('limit');
  });
});
