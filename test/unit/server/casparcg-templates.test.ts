import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/server';
import { CasparcgStandin } from '../../support/casparcg-standin';
import { CASPARCG_SHOW, TEST_TEMPLATES, allConnected, bare, casparcgStatus, command, configureCasparcg } from '../../support/casparcg-show';

/**
 * Templates mode through the real server, casparcg-connection and TCP. The
 * stand-in (test/support/casparcg-standin.ts) replaces a real CasparCG Server,
 * which cannot run on these machines; it refuses what a real one would refuse.
 */

let server: TestServer;
let main: CasparcgStandin;
let backup: CasparcgStandin;

const output = (extra: Record<string, unknown> = {}) => ({
  id: 'studio',
  main: { host: '127.0.0.1', port: main.port },
  channel: 1,
  mode: 'templates',
  templates: TEST_TEMPLATES,
  outMs: 150,
  settleMs: 150,
  ...extra,
});

beforeAll(async () => {
  server = await startTestServer({ show: CASPARCG_SHOW });
});
afterAll(async () => {
  await server?.stop();
});
beforeEach(async () => {
  await sinceLastTake();
});
afterEach(async () => {
  await configureCasparcg(server, []);
  await command(server, '/api/clear', {});
  await main?.stop();
  await backup?.stop();
});

/** The engine refuses a second take on a layer within 200 ms (a double take): the test waits that out. */
const sinceLastTake = () => new Promise((r) => setTimeout(r, 250));
const lines = (s: CasparcgStandin, from = 0) => s.commands.slice(from).map((c) => bare(c.line));
const lastWith = (s: CasparcgStandin, pattern: RegExp) => s.commands.filter((c) => pattern.test(c.line)).at(-1);

describe('CasparCG templates output', () => {
  it('cues with CG ADD (play-on-load 0, the data escaped), takes with CG PLAY only, then next, update, out and clear', async () => {
    main = await CasparcgStandin.start({ templates: ['strapline/STRAP', 'strapline/MAP'] });
    await configureCasparcg(server, [output()]);
    await allConnected(server);

    await command(server, '/api/cue', { cueId: 'strap-a' });
    await expect.poll(() => lastWith(main, /CG 1-2\d ADD/)?.code).toBe(202);
    const add = bare(lastWith(main, /CG 1-2\d ADD/)!.line);
    expect(add).toMatch(/^CG 1-20 ADD 1 "strapline\/STRAP" 0 "/);
    // What the template receives is the view, quotes, backslash, line break and dollar intact.
    const loaded = JSON.parse(main.layer(1, 20)!.data!);
    expect(loaded.headline).toBe('Labour "gain" in C:\\Wales');
    expect(loaded.subline).toBe('Line one\nline two, costs $5');
    expect(main.layer(1, 20)!.playing).toBe(false);

    const before = main.commands.length;
    await command(server, '/api/take', { cueId: 'strap-a' });
    await expect.poll(() => main.layer(1, 20)?.playing).toBe(true);
    expect(lines(main, before)).toEqual(['CG 1-20 PLAY 1']);

    // The next cue preloads beside it; its take plays it and stops the first, removed once its out has played.
    await command(server, '/api/cue', { cueId: 'strap-b' });
    await expect.poll(() => main.layer(1, 21)?.template).toBe('strapline/STRAP');
    await sinceLastTake();
    await command(server, '/api/take', { cueId: 'strap-b' });
    await expect.poll(() => main.layer(1, 20)?.template ?? null).toBeNull();
    expect(lines(main).slice(-3)).toEqual(['CG 1-21 PLAY 1', 'CG 1-20 STOP 1', 'CG 1-20 REMOVE 1']);

    const updated = main.commands.length;
    await command(server, '/api/command', { type: 'update', layer: 'lower-third', fields: { headline: 'Ynys Môn: Plaid HOLD' } });
    await expect.poll(() => JSON.parse(main.layer(1, 21)!.data!).headline).toBe('Ynys Môn: Plaid HOLD');
    expect(lines(main, updated)[0]).toMatch(/^CG 1-21 UPDATE 1 "/);

    // The map is XML (templateData), two steps; the board holds the strap off the picture.
    await command(server, '/api/cue', { cueId: 'map' });
    await command(server, '/api/take', { cueId: 'map' });
    await expect.poll(() => main.layer(1, 10)?.playing).toBe(true);
    expect(main.layer(1, 10)!.data).toMatch(/^<templateData><componentData id="title"><data id="text" value="General election 2024"\/>/);
    await expect.poll(() => main.layer(1, 21)?.opacity).toBe(0);
    await command(server, '/api/next', { layer: 'fullscreen' });
    await expect.poll(() => main.layer(1, 10)?.nexts).toBe(1);

    await command(server, '/api/out', { layer: 'fullscreen' });
    await expect.poll(() => main.layer(1, 10)?.template ?? null).toBeNull();
    await expect.poll(() => main.layer(1, 21)?.opacity).toBe(1);
    await command(server, '/api/clear', {});
    await expect.poll(() => main.layer(1, 21)?.template ?? null).toBeNull();
    expect(main.commands.filter((c) => c.code >= 400)).toEqual([]);
    expect((await casparcgStatus(server))[0]!.servers[0]!.lastError).toBeNull();
  });

  it('re-asserts after a drop and after a restart: on air at its step, its in played unseen, nothing replayed', async () => {
    main = await CasparcgStandin.start();
    await configureCasparcg(server, [output()]);
    await allConnected(server);
    await command(server, '/api/cue', { cueId: 'map' });
    await command(server, '/api/take', { cueId: 'map' });
    await command(server, '/api/next', { layer: 'fullscreen' });
    await expect.poll(() => main.layer(1, 10)?.nexts).toBe(1);
    const data = main.layer(1, 10)!.data;

    for (const fault of ['drop', 'restart'] as const) {
      const from = main.plays.length;
      if (fault === 'drop') main.dropConnections();
      else await main.restart(300);
      if (fault === 'restart') expect(main.layer(1, 10)).toBeUndefined();
      await expect.poll(() => main.plays.length, { timeout: 10_000 }).toBeGreaterThan(from);
      await expect.poll(() => main.layer(1, 10)?.opacity, { timeout: 5000 }).toBe(1);
      const layer = main.layer(1, 10)!;
      expect({ template: layer.template, data: layer.data, nexts: layer.nexts, playing: layer.playing }).toEqual({
        template: 'strapline/MAP',
        data,
        nexts: 1,
        playing: true,
      });
      // Every in since the fault played while the layer was dark.
      expect(main.plays.slice(from).map((p) => p.visible)).toEqual([false]);
    }
  });

  it('a strap taken under a board plays its in unseen and comes back at its steady state when the board goes', async () => {
    main = await CasparcgStandin.start();
    await configureCasparcg(server, [output()]);
    await allConnected(server);
    await command(server, '/api/cue', { cueId: 'map' });
    await command(server, '/api/take', { cueId: 'map' });
    await command(server, '/api/cue', { cueId: 'strap-a' });
    await command(server, '/api/take', { cueId: 'strap-a' });
    await expect
      .poll(() => main.plays.map((p) => [p.template, p.visible]))
      .toEqual([
        ['strapline/MAP', true],
        ['strapline/STRAP', false],
      ]);
    const strapLayer = main.plays[1]!.layer;
    await command(server, '/api/out', { layer: 'fullscreen' });
    await expect.poll(() => main.layer(1, strapLayer)?.opacity).toBe(1);
    // Back without a second in.
    expect(main.plays).toHaveLength(2);
  });

  it('keeps main and backup on the same commands, and says when they disagree', async () => {
    main = await CasparcgStandin.start();
    backup = await CasparcgStandin.start();
    await configureCasparcg(server, [output({ backup: { host: '127.0.0.1', port: backup.port } })]);
    await allConnected(server);
    await command(server, '/api/cue', { cueId: 'strap-a' });
    await command(server, '/api/take', { cueId: 'strap-a' });
    await expect.poll(() => [main.layer(1, 20)?.playing, backup.layer(1, 20)?.playing]).toEqual([true, true]);
    expect(lines(backup)).toEqual(lines(main));
    await expect.poll(async () => (await casparcgStatus(server))[0]!.disagreement).toBeNull();

    await backup.stop();
    await expect.poll(async () => (await casparcgStatus(server))[0]!.disagreement).toBe('backup is not connected');
    await command(server, '/api/out', { layer: 'lower-third' });
    await expect.poll(() => main.layer(1, 20)?.template ?? null).toBeNull();
    await backup.restart();
    await expect.poll(async () => (await casparcgStatus(server))[0]!.disagreement, { timeout: 10_000 }).toBeNull();
    expect(backup.layer(1, 20)?.template ?? null).toBeNull();
  });

  it('reports a refusal per server, naming the command, and a slow server never holds up another', async () => {
    main = await CasparcgStandin.start({ templates: ['strapline/MAP'] });
    backup = await CasparcgStandin.start();
    backup.delayMs = 1500;
    await configureCasparcg(server, [output(), output({ id: 'slow', main: { host: '127.0.0.1', port: backup.port } })]);
    await allConnected(server);
    await command(server, '/api/cue', { cueId: 'strap-b' });
    await command(server, '/api/take', { cueId: 'strap-b' });
    // The server lacks the strap's template: its CG ADD is refused, and so is the CG PLAY after it.
    await expect
      .poll(async () => (await casparcgStatus(server))[0]!.servers[0]!.lastError?.message)
      .toMatch(/^CasparCG main 127\.0\.0\.1:\d+: CG (ADD|PLAY) 1-20: 404 /);
    // Every CG ADD of the strap (the preview left by the last test is preloaded at the greeting too) is refused.
    const adds = main.received(/CG 1-2\d ADD 1 "strapline\/STRAP"/).map((c) => c.code);
    expect(adds.length).toBeGreaterThan(0);
    expect(new Set(adds)).toEqual(new Set([404]));
    expect((await casparcgStatus(server))[0]!.servers[0]!.inSync).toBe(false);
    // The slow server has not answered the take's CG PLAY, and the other output already had its commands.
    await expect.poll(() => main.commands.length).toBeGreaterThan(2);
    expect(backup.received(/CG 1-2\d PLAY/)).toEqual([]);
    await expect.poll(async () => (await casparcgStatus(server))[1]!.servers[0]!.lagMs ?? 0).toBeGreaterThan(500);
    await expect.poll(() => backup.layer(1, 20)?.playing, { timeout: 10_000 }).toBe(true);
  });

  it('refuses a configuration that names a layer twice or a bad host, and changes nothing', async () => {
    main = await CasparcgStandin.start();
    await configureCasparcg(server, [output()]);
    const res = await fetch(`${server.url}/api/casparcg`, {
      method: 'POST',
      body: JSON.stringify({ outputs: [output({ layers: { 'lower-third': 20, bug: 21 } })] }),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/outputs: 0\.layers\.bug: CasparCG layer 21 is already lower-third's/);
    const bad = await fetch(`${server.url}/api/casparcg`, {
      method: 'POST',
      body: JSON.stringify({ outputs: [output({ main: { host: 'a "b"', port: 1 } })] }),
    });
    expect((await bad.json()).error.message).toMatch(/0\.main\.host/);
    expect((await casparcgStatus(server)).map((o) => o.id)).toEqual(['studio']);
  });
});
