import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, startTestServer, type TestServer } from '../../support/server';
import * as T from '../../support/outside-templates';

/**
 * GET /api/templates and outside cues through the real headless server on a
 * loopback port, with our own templates in a real temporary folder. Nothing is
 * mocked; the output's host (another part) is not needed to check what the
 * engine sends it.
 */
let server: TestServer;
let templatesDir: string;
let ids: Record<'ograf' | 'spx' | 'caspar' | 'broken', string>;

interface Listed {
  id: string;
  name: string;
  kind: string;
  layer: string;
  steps: number;
  schema: Record<string, unknown>;
  source: string | null;
  problems: string[];
}

const command = (body: Record<string, unknown>) => post(`${server.url}/api/command`, body);
const program = async () => (await (await fetch(`${server.url}/api/state`)).json()).program;
const showRevision = () => server.engine.showSnapshot().showRevision;

async function onAir(cueId: string): Promise<void> {
  expect((await command({ type: 'cue', cueId })).status).toBe(200);
  const take = await command({ type: 'take', cueId });
  expect(take.status, JSON.stringify(take.json)).toBe(200);
}

beforeAll(async () => {
  templatesDir = await mkdtemp(path.join(os.tmpdir(), 'strapline-api-templates-'));
  await T.writeTemplate(templatesDir, 'ograf/l3rd/l3rd.ograf.json', T.OGRAF_L3RD);
  await T.writeTemplate(templatesDir, 'ograf/l3rd/graphic.mjs', T.OGRAF_MODULE);
  await T.writeTemplate(templatesDir, 'spx/strap.html', T.SPX_TWO_STEP);
  await T.writeTemplate(templatesDir, 'caspar/inline.html', T.CASPAR_INLINE);
  await T.writeTemplate(templatesDir, 'broken/broken.ograf.json', '{ "id": ');
  server = await startTestServer({ templateDirs: [templatesDir] });
  const { templates } = (await (await fetch(`${server.url}/api/templates`)).json()) as { templates: Listed[] };
  const id = (source: string) => templates.find((t) => t.source === source)!.id;
  ids = { ograf: id('ograf/l3rd/l3rd.ograf.json'), spx: id('spx/strap.html'), caspar: id('caspar/inline.html'), broken: id('broken/broken.ograf.json') };
  expect((await command({ type: 'add-stack', name: 'Outside', stackId: 'outside' })).status).toBe(200);
});
afterAll(async () => {
  await server.stop();
  await rm(templatesDir, { recursive: true, force: true });
});

describe('GET /api/templates', () => {
  it('lists built-ins and outside templates alike, with source, schema and problems', async () => {
    const res = await fetch(`${server.url}/api/templates`);
    expect(res.status).toBe(200);
    const { templates } = (await res.json()) as { templates: Listed[] };
    const strap = templates.find((t) => t.id === 'strap')!;
    expect(strap).toMatchObject({ kind: 'builtin', layer: 'lower-third', steps: 1, source: null, problems: [] });
    expect((strap.schema.properties as Record<string, unknown>).headline).toMatchObject({ type: 'string', maxLength: 70 });
    expect(templates.find((t) => t.id === ids.ograf)).toMatchObject({
      kind: 'ograf',
      name: 'Test lower third',
      layer: 'bug',
      steps: -1,
      source: 'ograf/l3rd/l3rd.ograf.json',
      problems: [],
    });
    expect(templates.find((t) => t.id === ids.spx)).toMatchObject({ kind: 'spx', steps: 2, source: 'spx/strap.html' });
    expect(templates.find((t) => t.id === ids.broken)!.problems[0]).toMatch(/^broken\/broken\.ograf\.json:1:\d+: not valid JSON/);
    for (const t of templates) expect(Object.keys(t)).toEqual(expect.arrayContaining(['id', 'name', 'kind', 'layer', 'steps', 'schema', 'source', 'problems']));
  });
  it('is read-only', async () => {
    expect((await post(`${server.url}/api/templates`, {})).status).toBe(405);
  });
});

describe('add-cue of an outside template', () => {
  it('refuses a bad value with 400 naming the field, and changes nothing', async () => {
    const before = showRevision();
    const spx = await command({ type: 'add-cue', stackId: 'outside', template: ids.spx, fields: { f1: 'middle' } });
    expect(spx.status).toBe(400);
    expect(spx.json.error.message).toMatch(/f1: must be equal to one of the allowed values/);
    const ograf = await command({ type: 'add-cue', stackId: 'outside', template: ids.ograf, fields: { votes: -3 } });
    expect(ograf.status).toBe(400);
    expect(ograf.json.error.message).toMatch(/votes: must be >= 0/);
    expect(ograf.json.error.message).toMatch(/name: must have required property 'name'/);
    const bind = await command({ type: 'add-cue', stackId: 'outside', template: ids.caspar, fields: { bind: { f1: { seat: 'nowhere', value: 'verdict' } } } });
    expect(bind.status).toBe(400);
    expect(bind.json.error.message).toMatch(/bind\.f1/);
    const broken = await command({ type: 'add-cue', stackId: 'outside', template: ids.broken, fields: {} });
    expect(broken.status).toBe(400);
    expect(broken.json.error.message).toMatch(/cannot be used: broken\/broken\.ograf\.json:1/);
    expect(showRevision()).toBe(before);
  });

  it('an SPX cue goes to air with every field as a string, f99 with its default, and its out mode', async () => {
    expect((await command({ type: 'add-cue', stackId: 'outside', template: ids.spx, cueId: 'spx-1', fields: { f0: 'Ada Lovelace' } })).status).toBe(200);
    await onAir('spx-1');
    const view = (await program())['lower-third'].view;
    expect(view.outside).toMatchObject({ kind: 'spx', steps: 2, dataFormat: 'json', spxOut: 4000 });
    expect(view.outside.src).toMatch(/^\/templates\/0\/spx\/strap\.html$/);
    expect(view.data).toEqual({ f0: 'Ada Lovelace', f1: 'left', f2: '0', f99: './css/default.css' });
  });

  it("a CasparCG cue sends its template's data format unless the cue picks another", async () => {
    expect((await command({ type: 'add-cue', stackId: 'outside', template: ids.caspar, cueId: 'cg-xml', layer: 'ticker', fields: { f1: 'x' } })).status).toBe(
      200,
    );
    expect(server.engine.viewOf('cg-xml')).toMatchObject({ view: { outside: { kind: 'casparcg', dataFormat: 'xml' }, data: { f0: 'Headline', f1: 'x' } } });
    expect((await command({ type: 'edit-cue', cueId: 'cg-xml', fields: { dataFormat: 'json' } })).status).toBe(200);
    expect(server.engine.viewOf('cg-xml')).toMatchObject({ view: { outside: { dataFormat: 'json' } } });
  });
});

describe('custom-action', () => {
  it('is refused on an empty layer, on a graphic that is not OGraf, and for an action its manifest does not list', async () => {
    const empty = await command({ type: 'custom-action', layer: 'fullscreen', action: 'highlight' });
    expect(empty.status).toBe(409);
    expect(empty.json.error.message).toMatch(/Nothing is on air on fullscreen/);
    const spx = await command({ type: 'custom-action', layer: 'lower-third', action: 'highlight' });
    expect(spx.json.error.message).toMatch(/is not an OGraf graphic/);
    expect((await command({ type: 'add-cue', stackId: 'outside', template: ids.ograf, cueId: 'og-1', fields: { name: 'Bug name' } })).status).toBe(200);
    await onAir('og-1');
    const before = await program();
    const unlisted = await command({ type: 'custom-action', layer: 'bug', action: 'explode' });
    expect(unlisted.status).toBe(400);
    expect(unlisted.json.error.message).toMatch(/no custom action "explode" \(it lists "highlight"\)/);
    expect(await program()).toEqual(before);
  });

  it("sets the layer's customAction with a bumped seq, and is in the as-run", async () => {
    expect((await command({ type: 'custom-action', layer: 'bug', action: 'highlight', payload: { colour: 'red' } })).status).toBe(200);
    expect((await program()).bug.customAction).toEqual({ seq: 1, id: 'highlight', payload: { colour: 'red' } });
    expect((await command({ type: 'custom-action', layer: 'bug', action: 'highlight' })).status).toBe(200);
    expect((await program()).bug.customAction).toMatchObject({ seq: 2, payload: null });
    const asRun = (await (await fetch(`${server.url}/api/as-run`)).json()) as { entries?: unknown[] } | unknown[];
    const entries = (Array.isArray(asRun) ? asRun : (asRun.entries ?? [])) as { action: string; customAction?: string; layer?: string }[];
    expect(entries.filter((e) => e.action === 'custom-action')).toEqual([
      expect.objectContaining({ layer: 'bug', customAction: 'highlight' }),
      expect.objectContaining({ layer: 'bug', customAction: 'highlight' }),
    ]);
  });
});

describe('a bound field of an outside cue', () => {
  it('follows the results on air: the typed value until the seat declares, then its GAIN/HOLD and majority, as an update', async () => {
    const bind = { f0: { seat: 'E14001425', value: 'verdict' }, f1: { seat: 'E14001425', value: 'majority' } };
    expect(
      (await command({ type: 'add-cue', stackId: 'outside', template: ids.caspar, cueId: 'cg-bound', layer: 'fullscreen', fields: { f0: 'Waiting', bind } }))
        .status,
    ).toBe(200);
    await onAir('cg-bound');
    const taken = (await program()).fullscreen;
    expect(taken.view.data).toMatchObject({ f0: 'Waiting' });
    const seat = { onsCode: 'E14001425', revision: 1, state: 'declared', validVotes: 40000, partyVotes: { lab: 18000, con: 15000, ref: 7000 } };
    expect((await command({ type: 'declare-results', source: 'test', seats: [seat] })).status).toBe(200);
    const after = (await program()).fullscreen;
    expect(after.view.data).toMatchObject({ f0: 'LAB GAIN FROM CON', f1: '3000' });
    expect(after.updateSeq).toBe(taken.updateSeq + 1);
    expect(after.takeId).toBe(taken.takeId);
    // What it loaded stays: the host's facts are those of the take.
    expect(after.view.outside).toEqual(taken.view.outside);
  });
});
