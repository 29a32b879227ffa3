import { mkdtemp, rm, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTemplateFolders, type TemplateFolders } from '../../../main/server/template-folders';
import { TEMPLATE_DEFINITIONS } from '../../../main/templates/definitions';
import { TemplateRegistry } from '../../../main/templates/registry';
import * as T from '../../support/outside-templates';

/** The real watcher (chokidar) on a real temporary folder: templates added, changed and removed while it runs. */
let dir: string;
let registry: TemplateRegistry;
let folders: TemplateFolders;

const listing = (source: string) => registry.snapshot().templates.find((t) => t.source === source);

/** Waits for a condition, not a time: chokidar's events arrive when the machine gets to them. */
async function until(what: string, ok: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  await folders.settled();
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'strapline-watch-'));
  await T.writeTemplate(dir, 'spx/strap.html', T.SPX_NO_STEPS);
  registry = new TemplateRegistry(TEMPLATE_DEFINITIONS);
  folders = await startTemplateFolders({ dirs: [dir], registry, log: () => {} });
});
afterEach(async () => {
  await folders.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a watched templates folder', () => {
  it('lists the built-ins and what was there at start', () => {
    const ids = registry.snapshot().templates.map((t) => t.id);
    expect(ids).toContain('strap');
    expect(listing('spx/strap.html')).toMatchObject({ kind: 'spx', steps: 1, problems: [] });
  });

  it('a template added during the show appears, with a new revision, and the listener hears it', async () => {
    const heard: number[] = [];
    registry.watch(() => heard.push(registry.snapshot().templatesRevision));
    const before = registry.snapshot().templatesRevision;
    await T.writeTemplate(dir, 'ograf/l3rd/graphic.mjs', T.OGRAF_MODULE);
    await T.writeTemplate(dir, 'ograf/l3rd/l3rd.ograf.json', T.OGRAF_L3RD);
    await until('the manifest listed', () => listing('ograf/l3rd/l3rd.ograf.json')?.problems.length === 0);
    expect(registry.snapshot().templatesRevision).toBeGreaterThan(before);
    expect(heard.length).toBeGreaterThan(0);
    const id = listing('ograf/l3rd/l3rd.ograf.json')!.id;
    expect(registry.get(id)?.kind).toBe('ograf');
  });

  it('a changed template updates in place, keeping its id and taking a new version', async () => {
    const first = registry.scanned(listing('spx/strap.html')!.id)!;
    await T.writeTemplate(dir, 'spx/strap.html', T.SPX_TWO_STEP);
    await until('the new steps', () => registry.scanned(first.id)?.steps === 2);
    expect(registry.scanned(first.id)!.version).not.toBe(first.version);
  });

  it('a removed template is marked missing, not dropped: its cues still validate, no new take resolves', async () => {
    const id = listing('spx/strap.html')!.id;
    await unlink(path.join(dir, 'spx/strap.html'));
    await until('missing', () => registry.scanned(id)?.missing === true);
    expect(listing('spx/strap.html')!.problems[0]).toMatch(/has gone from the templates folder/);
    const def = registry.get(id)!;
    expect(def.fields.safeParse({ f0: 'still fine' }).success).toBe(true);
    expect(() => def.resolve!({ f0: 'x' }, {} as never)).toThrow(/has gone/);
  });

  it('a broken file never stops the rest: it is listed with its reason and the good one beside it still appears', async () => {
    await T.writeTemplate(dir, 'caspar/bad.html', T.CASPAR_BAD_GDD);
    await T.writeTemplate(dir, 'caspar/good.html', T.CASPAR_INLINE);
    await until('both listed', () => listing('caspar/bad.html') !== undefined && listing('caspar/good.html') !== undefined);
    expect(listing('caspar/bad.html')!.problems[0]).toMatch(/caspar\/bad\.html:5:\d+: not valid JSON/);
    expect(listing('caspar/good.html')!.problems).toEqual([]);
  });
});
