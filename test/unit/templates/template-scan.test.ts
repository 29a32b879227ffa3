import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanTemplateFolder } from '../../../main/server/template-scan';
import type { ScannedTemplate } from '../../../main/templates/outside/scanned';
import * as T from '../../support/outside-templates';

/** Real files in a temporary folder, read by the real scanner: nothing mocked. */
let dir: string;
let found: ScannedTemplate[];
const bySource = (source: string) => {
  const t = found.find((x) => x.source === source);
  if (!t) throw new Error(`${source} not listed; listed: ${found.map((x) => x.source).join(', ')}`);
  return t;
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'strapline-templates-'));
  await T.writeTemplate(dir, 'ograf/l3rd/l3rd.ograf.json', T.OGRAF_L3RD);
  await T.writeTemplate(dir, 'ograf/l3rd/graphic.mjs', T.OGRAF_MODULE);
  // A demo page beside a manifest is the graphic's, not a CasparCG template.
  await T.writeTemplate(dir, 'ograf/l3rd/demo.html', '<html><body>demo</body></html>');
  await T.writeTemplate(dir, 'ograf/bare/bare.ograf.json', T.OGRAF_BARE);
  await T.writeTemplate(dir, 'ograf/bare/lib/bare.js', T.OGRAF_MODULE);
  await T.writeTemplate(dir, 'ograf/nomodule/nomodule.ograf.json', JSON.stringify({ id: 'x', name: 'No module', main: 'gone.mjs' }));
  await T.writeTemplate(dir, 'ograf/broken/broken.ograf.json', '{\n  "id": "b",\n  "name": "Broken",\n  "main": "x.mjs",\n}\n');
  await T.writeTemplate(dir, 'ograf/nomain/nomain.ograf.json', JSON.stringify({ id: 'y', name: 'No main' }));
  await T.writeTemplate(dir, 'spx/strap/strap.html', T.SPX_TWO_STEP);
  await T.writeTemplate(dir, 'spx/literal.html', T.SPX_LITERAL);
  await T.writeTemplate(dir, 'spx/nosteps.html', T.SPX_NO_STEPS);
  await T.writeTemplate(dir, 'spx/computed.html', T.SPX_COMPUTED);
  await T.writeTemplate(dir, 'caspar/inline.html', T.CASPAR_INLINE);
  await T.writeTemplate(dir, 'caspar/src/index.html', T.CASPAR_SRC);
  await T.writeTemplate(dir, 'caspar/src/gdd.json', T.CASPAR_SRC_GDD);
  await T.writeTemplate(dir, 'caspar/plain.htm', T.CASPAR_PLAIN);
  await T.writeTemplate(dir, 'caspar/badgdd.html', T.CASPAR_BAD_GDD);
  await T.writeTemplate(dir, 'caspar/node_modules/lib/index.html', '<html></html>');
  await T.writeTemplate(dir, '.git/x.html', '<html></html>');
  found = await scanTemplateFolder(0, dir);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('OGraf manifests', () => {
  it('reads name, schema, dynamic steps, custom actions and our vendor layer, keeping others', () => {
    const t = bySource('ograf/l3rd/l3rd.ograf.json');
    expect(t).toMatchObject({
      kind: 'ograf',
      name: 'Test lower third',
      steps: -1,
      layer: 'bug',
      entry: 'ograf/l3rd/graphic.mjs',
      blocked: null,
      missing: false,
    });
    expect(t.customActions).toEqual([{ id: 'highlight', name: 'Highlight' }]);
    expect((t.schema.properties as Record<string, unknown>).name).toMatchObject({ gddType: 'single-line' });
  });
  it('without schema or stepCount: any fields, one step, main in a subfolder', () => {
    expect(bySource('ograf/bare/bare.ograf.json')).toMatchObject({
      steps: 1,
      schema: { type: 'object' },
      entry: 'ograf/bare/lib/bare.js',
      layer: 'lower-third',
      blocked: null,
    });
  });
  it('lists broken manifests with file and line, and a missing module or main', () => {
    expect(bySource('ograf/broken/broken.ograf.json').blocked).toMatch(/^ograf\/broken\/broken\.ograf\.json:5:1: not valid JSON/);
    expect(bySource('ograf/nomodule/nomodule.ograf.json').blocked).toMatch(/main module ograf\/nomodule\/gone\.mjs cannot be read \(ENOENT\)/);
    expect(bySource('ograf/nomain/nomain.ograf.json').blocked).toMatch(/not an OGraf manifest \(main: /);
  });
  it('does not take a demo page beside a manifest, node_modules or dot-folders as templates', () => {
    expect(found.map((t) => t.source)).not.toContain('ograf/l3rd/demo.html');
    expect(found.some((t) => t.source.includes('node_modules') || t.source.startsWith('.git'))).toBe(false);
  });
});

describe('SPX templates', () => {
  it('steps and out as strings, every data field with its default, f99 included, and no divider', () => {
    const t = bySource('spx/strap/strap.html');
    expect(t).toMatchObject({ kind: 'spx', name: 'Test SPX name strap', steps: 2, spxOut: 4000, blocked: null });
    const props = t.schema.properties as Record<string, Record<string, unknown>>;
    expect(Object.keys(props)).toEqual(['f0', 'f1', 'f2', 'f99']);
    expect(props.f99).toMatchObject({ default: './css/default.css', 'x-spx-ftype': 'filelist' });
    expect(props.f1!.enum).toEqual(['left', 'right']);
    expect(props.f2!.enum).toEqual(['0', '1']);
  });
  it('an object literal that is not JSON (bare keys, single quotes, trailing comma) and out none', () => {
    expect(bySource('spx/literal.html')).toMatchObject({ kind: 'spx', name: 'Literal SPX', steps: 1, spxOut: 'none', blocked: null });
  });
  it('steps absent is one step, out manual', () => {
    expect(bySource('spx/nosteps.html')).toMatchObject({ steps: 1, spxOut: 'manual', blocked: null });
  });
  it('a definition built by code is not run: listed with its line', () => {
    const t = bySource('spx/computed.html');
    expect(t.kind).toBe('spx');
    expect(t.blocked).toMatch(/^spx\/computed\.html:7:\d+: SPXGCTemplateDefinition: a CallExpression is not a plain literal/);
  });
});

describe('CasparCG pages', () => {
  it('an inline GDD becomes the schema, with the data format the page asks for', () => {
    const t = bySource('caspar/inline.html');
    expect(t).toMatchObject({ kind: 'casparcg', name: 'Caspar inline GDD', steps: 1, dataFormat: 'xml', blocked: null });
    expect(Object.keys(t.schema.properties as object)).toEqual(['f0', 'f1']);
  });
  it('a GDD by src is read from beside the page', () => {
    expect(bySource('caspar/src/index.html')).toMatchObject({ kind: 'casparcg', schema: { required: ['title'] }, blocked: null });
  });
  it('no GDD: any fields, json', () => {
    expect(bySource('caspar/plain.htm')).toMatchObject({
      kind: 'casparcg',
      name: 'Plain caspar',
      schema: { type: 'object' },
      dataFormat: 'json',
      blocked: null,
    });
  });
  it('a broken inline GDD names the page and its line there', () => {
    expect(bySource('caspar/badgdd.html').blocked).toMatch(/^GDD caspar\/badgdd\.html:5:\d+: not valid JSON/);
  });
});

describe('ids', () => {
  it("are stable across scans, unique, and fit a cue's template (64 characters)", async () => {
    const again = await scanTemplateFolder(0, dir);
    expect(again.map((t) => t.id).sort()).toEqual(found.map((t) => t.id).sort());
    expect(new Set(found.map((t) => t.id)).size).toBe(found.length);
    for (const t of found) expect(t.id.length).toBeLessThanOrEqual(64);
  });
});
