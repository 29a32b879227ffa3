import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOW_FORMAT_VERSION, type Show } from '../../../main/engine/show';
import { post, startTestServer, type TestServer } from '../../support/server';
import * as T from '../../support/outside-templates';

const SHOW: Show = { format: 'strapline-show', version: SHOW_FORMAT_VERSION, name: 'Outside show', stacks: [{ id: 'night', name: 'Night', cues: [] }] };

/**
 * Save As and Open check a show in the big-input worker, off the event loop
 * that drives the air. A show holding cues of outside templates must be read
 * there as the engine reads it, with the registry's outside templates, not the
 * built-ins alone. Real headless server with a data folder, a real templates
 * folder and real show files in a temporary folder.
 */
describe('a show holding outside cues through Save As and Open', () => {
  let server: TestServer;
  let templatesDir: string;
  const send = (route: string, body: unknown) => post(`${server.url}/api/show/${route}`, body);

  beforeAll(async () => {
    templatesDir = await mkdtemp(path.join(os.tmpdir(), 'strapline-show-outside-'));
    await T.writeTemplate(templatesDir, 'spx/strap.html', T.SPX_TWO_STEP);
    server = await startTestServer({ show: SHOW, data: true, templateDirs: [templatesDir] });
    const { templates } = (await (await fetch(`${server.url}/api/templates`)).json()) as { templates: { id: string; source: string | null }[] };
    const template = templates.find((t) => t.source === 'spx/strap.html')!.id;
    const added = await post(`${server.url}/api/command`, { type: 'add-cue', stackId: 'night', template, cueId: 'spx-1', fields: { f0: 'Ada Lovelace' } });
    expect(added.status, JSON.stringify(added.json)).toBe(200);
  });
  afterAll(async () => {
    await server?.stop();
    await rm(templatesDir, { recursive: true, force: true });
  });

  it('saves it, saves over it again (the target is read back in the worker), and opens it with its outside cue', async () => {
    const target = path.join(server.dir, 'outside-night.json');
    const saved = await send('save-as', { path: target });
    expect(saved.status, JSON.stringify(saved.json)).toBe(200);
    expect(JSON.parse(await readFile(target, 'utf8')).stacks[0].cues[0].id).toBe('spx-1');
    // The file exists now, so this Save As reads it in the worker before writing over it.
    const again = await send('save-as', { path: target, overwrite: true });
    expect(again.status, JSON.stringify(again.json)).toBe(200);

    expect((await send('new', { name: 'Empty' })).status).toBe(200);
    expect(server.engine.showSnapshot().show.stacks.flatMap((s) => s.cues)).toEqual([]);
    const opened = await send('open', { path: target });
    expect(opened.status, JSON.stringify(opened.json)).toBe(200);
    expect(server.engine.showSnapshot().show.stacks[0]!.cues.map((c) => [c.id, c.fields.f0])).toEqual([['spx-1', 'Ada Lovelace']]);
  });

  it('still refuses a show whose cue names a template the registry does not hold, naming it, and changes nothing', async () => {
    const target = path.join(server.dir, 'unknown-template.json');
    const show = {
      ...SHOW,
      stacks: [{ id: 'night', name: 'Night', cues: [{ id: 'x-1', title: 'X', template: 'nowhere-0000000000', layer: 'lower-third', fields: {} }] }],
    };
    await writeFile(target, JSON.stringify(show));
    const before = server.engine.showSnapshot();
    const opened = await send('open', { path: target });
    expect(opened.status).toBe(404);
    expect(opened.json.error.message).toMatch(/nowhere-0000000000/);
    expect(server.engine.showSnapshot()).toEqual(before);
  });
});
