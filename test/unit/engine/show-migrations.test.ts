import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_SHOW_FORMAT_VERSION, MIGRATIONS, migrateShow } from '../../../main/engine/show-migrations';
import { parseShow } from '../../../main/engine/show-check';
import { SHOW_FORMAT_VERSION } from '../../../main/engine/show';
import { readShowFile } from '../../../main/server/show-file';
import { TEMPLATES } from '../../../main/templates/definitions';
import { DEMO_SHOW } from '../../../main/server/headless';

/** Every earlier format version opens; a newer one, or something that is not a show, is refused with where and why. */

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/shows');
const fixture = (name: string) => path.join(FIXTURES, name);
const json = (name: string): Record<string, unknown> => JSON.parse(readFileSync(fixture(name), 'utf8')) as Record<string, unknown>;
const earlier = Array.from({ length: SHOW_FORMAT_VERSION - FIRST_SHOW_FORMAT_VERSION }, (_, i) => FIRST_SHOW_FORMAT_VERSION + i);

describe('migrations from every earlier version', () => {
  it('has one migration for each version below the current one, and a fixture to prove it', () => {
    expect(earlier.length).toBeGreaterThan(0);
    for (const version of earlier) {
      expect(MIGRATIONS[version], `migration from version ${version}`).toBeTypeOf('function');
      expect(existsSync(fixture(`v${version}-election-night.json`)), `fixture v${version}-election-night.json`).toBe(true);
    }
  });

  it.each(earlier)('brings the version %i fixture up to the current format, cues and fields intact', (version) => {
    const old = json(`v${version}-election-night.json`);
    expect(old.version).toBe(version);
    const migrated = migrateShow(old, 'fixture');
    if ('error' in migrated) throw new Error(migrated.error.message);
    expect(migrated.fromVersion).toBe(version);
    const parsed = parseShow(migrated.raw, TEMPLATES, 'fixture');
    if ('error' in parsed) throw new Error(parsed.error.message);
    expect(parsed.show.version).toBe(SHOW_FORMAT_VERSION);
    expect(parsed.show.name).toBe(old.name);
    expect(parsed.show.stacks).toEqual(old.stacks);
  });

  it('puts a version 3 show, which names no election, on the 2024 general election', () => {
    const migrated = migrateShow(json('v3-election-night.json'), 'fixture');
    if ('error' in migrated) throw new Error(migrated.error.message);
    expect((migrated.raw as Record<string, unknown>).election).toEqual({ folder: 'ge2024', name: 'General election 2024' });
  });

  it('does not change the object it was given', () => {
    const old = json('v1-election-night.json');
    const before = structuredClone(old);
    migrateShow(old, 'fixture');
    expect(old).toEqual(before);
  });

  it('passes a current-version show through as it is', () => {
    const current = { format: 'strapline-show', version: SHOW_FORMAT_VERSION, name: 'Now', savedAt: '2024-07-05T01:02:03.000Z', stacks: [] };
    expect(migrateShow(current, 'x')).toEqual({ raw: current, fromVersion: SHOW_FORMAT_VERSION });
  });
});

describe('refusals', () => {
  const errorOf = (raw: unknown) => {
    const result = migrateShow(raw, 'night.json');
    if (!('error' in result)) throw new Error('expected a refusal');
    expect(result.error.code).toBe('INVALID_SHOW_FILE');
    expect(result.error.message).toContain('night.json');
    return result.error.message;
  };

  it('refuses a file from a newer Strapline, saying which versions this one reads', () => {
    const message = errorOf(json('v5-from-a-newer-strapline.json'));
    expect(message).toContain('newer Strapline');
    expect(message).toContain('version 5');
    expect(message).toContain(`versions ${FIRST_SHOW_FORMAT_VERSION} to ${SHOW_FORMAT_VERSION}`);
    expect(message).toContain('will not be overwritten');
  });

  it.each([
    ['another format', { format: 'caspar-show', version: 1, stacks: [] }, 'format'],
    ['no version', { format: 'strapline-show', name: 'x', stacks: [] }, 'version'],
    ['version 0', { format: 'strapline-show', version: 0 }, 'version'],
    ['a fractional version', { format: 'strapline-show', version: 1.5 }, 'version'],
    ['a version in a string', { format: 'strapline-show', version: '2' }, 'version'],
    ['an array', [], '(root)'],
    ['null', null, '(root)'],
  ])('refuses %s, naming the field', (_name, raw, field) => {
    expect(errorOf(raw)).toContain(field);
  });
});

describe('show files on disk go through the migration', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'strapline-migrate-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('opens the version 1 fixture, and the demo show in the current version', async () => {
    const old = await readShowFile(fixture('v1-election-night.json'), TEMPLATES);
    if ('error' in old) throw new Error(old.error.message);
    expect(old.fromVersion).toBe(1);
    expect(old.show.version).toBe(SHOW_FORMAT_VERSION);
    const demo = await readShowFile(DEMO_SHOW, TEMPLATES);
    expect('show' in demo && demo.fromVersion).toBe(SHOW_FORMAT_VERSION);
  });

  it('names the bad field of a version 1 file by its path after migrating', async () => {
    const read = await readShowFile(fixture('v1-bad-field.json'), TEMPLATES);
    expect('error' in read && read.error.message).toContain('stacks.0.cues.1.layer');
  });

  it('refuses a newer or a cut-short file, naming the file and the place', async () => {
    const newer = await readShowFile(fixture('v5-from-a-newer-strapline.json'), TEMPLATES);
    expect('error' in newer && newer.error.message).toContain('newer Strapline');
    const copy = path.join(dir, 'cut.json');
    await copyFile(fixture('damaged-cut-short.json'), copy);
    const cut = await readShowFile(copy, TEMPLATES);
    expect('error' in cut && cut.error.message).toMatch(/cut\.json: not valid JSON at line 7, column 1/);
  });
});
