import os from 'node:os';
import path from 'node:path';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { shellStartOptions, startFailure } from '../../../main/shell/start-options';

/**
 * What the Electron shell reads from its environment. start-options.ts has no
 * Electron import (Electron's binary cannot run here), so it is tested under
 * plain Node; the shell passes it process.env.
 */
describe('shellStartOptions', () => {
  it("defaults: port 7300, the CLI's data folder (~/.strapline), and no show named (the last one, or the demo)", () => {
    expect(shellStartOptions({})).toEqual({ port: 7300, dataDir: path.join(os.homedir(), '.strapline'), showPath: undefined, electionDir: undefined });
  });

  it('takes STRAPLINE_PORT (0 included), STRAPLINE_SHOW, STRAPLINE_DATA and STRAPLINE_ELECTION, as full paths', () => {
    const options = shellStartOptions({
      STRAPLINE_PORT: '0',
      STRAPLINE_SHOW: 'shows/night.json',
      STRAPLINE_DATA: '/srv/strapline',
      STRAPLINE_ELECTION: 'seeds/elections/ge2017',
    });
    expect(options).toEqual({
      port: 0,
      showPath: path.resolve('shows/night.json'),
      dataDir: '/srv/strapline',
      electionDir: path.resolve('seeds/elections/ge2017'),
    });
  });

  it('takes STRAPLINE_TEMPLATES as folders separated as PATH separates them, as full paths', () => {
    const options = shellStartOptions({ STRAPLINE_TEMPLATES: ['templates/ograf', '/srv/caspar'].join(path.delimiter) });
    expect(options.templateDirs).toEqual([path.resolve('templates/ograf'), '/srv/caspar']);
  });

  it.each([
    [{ STRAPLINE_TEMPLATES: ' ' }, /STRAPLINE_TEMPLATES: is empty/],
    [{ STRAPLINE_PORT: 'seventy' }, /STRAPLINE_PORT: must be a whole number from 0 to 65535/],
    [{ STRAPLINE_PORT: '65536' }, /STRAPLINE_PORT: must be a whole number/],
    [{ STRAPLINE_PORT: '-1' }, /STRAPLINE_PORT/],
    [{ STRAPLINE_PORT: '' }, /STRAPLINE_PORT/],
    [{ STRAPLINE_SHOW: '  ' }, /STRAPLINE_SHOW: is empty/],
    [{ STRAPLINE_DATA: '' }, /STRAPLINE_DATA: is empty/],
    [{ STRAPLINE_ELECTION: ' ' }, /STRAPLINE_ELECTION: is empty/],
  ])('refuses %j, naming the variable', (env, message) => {
    expect(() => shellStartOptions(env)).toThrow(message);
  });
});

describe('startFailure', () => {
  it('says a busy port is busy, names it, and says how to choose another', async () => {
    const holder = createServer();
    await new Promise<void>((r) => holder.listen(0, '127.0.0.1', r));
    const { port } = holder.address() as { port: number };
    const second = createServer();
    const error = await new Promise<unknown>((r) => second.once('error', r).listen(port, '127.0.0.1'));
    holder.close();
    expect(startFailure(error)).toMatch(new RegExp(`^port ${port} is already in use.*STRAPLINE_PORT`));
  });

  it('passes any other error on as its message', () => {
    expect(startFailure(new Error('show.json: not a Strapline show'))).toBe('show.json: not a Strapline show');
    expect(startFailure('odd')).toBe('odd');
  });
});
