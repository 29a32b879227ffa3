import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { amcpQuoted, cgDataParameter, templateDataXml } from '../../../main/server/casparcg/amcp-data';
import { parseCasparcgSpec } from '../../../main/server/casparcg/config';
import { CasparcgStandin, tokenize } from '../../support/casparcg-standin';
import { startTestServer, type TestServer } from '../../support/server';
import { bare } from '../../support/casparcg-show';

/** The AMCP data escaping, the --casparcg spec and the stand-in's strictness (it replaces a real CasparCG Server, which cannot run here). */

describe('AMCP data parameters', () => {
  it("read back exactly, by CasparCG's tokenizer rules, whatever the text holds", () => {
    for (const text of [
      'plain',
      'a "quoted" word',
      'C:\\path\\n not a newline',
      'two\nlines',
      'windows\r\nline',
      'costs $5',
      'Ynys Môn, Sinn Féin',
      '',
      '\\"',
    ]) {
      const tokens = tokenize(`CG 1-20 UPDATE 1 ${amcpQuoted(text)}`);
      expect(tokens?.at(-1)).toBe(text.replace(/\r\n/g, '\n'));
    }
  });

  it('are JSON or templateData XML, escaped for both', () => {
    const data = { headline: 'Labour <gain> & "hold"', seats: 411 };
    expect(JSON.parse(tokenize(`x ${cgDataParameter(data, 'json')}`)![1]!)).toEqual(data);
    expect(templateDataXml(data)).toBe(
      '<templateData><componentData id="headline"><data id="text" value="Labour &lt;gain&gt; &amp; &quot;hold&quot;"/></componentData>' +
        '<componentData id="seats"><data id="text" value="411"/></componentData></templateData>',
    );
  });

  it('what casparcg-connection sends for an object ($ as \\$) is an escape a 2.3 server drops: the stand-in refuses it', () => {
    expect(tokenize('CG 1-20 UPDATE 1 "{\\"price\\":\\"\\$5\\"}"')).toBeNull();
    expect(tokenize('CG 1-20 ADD 1 "open quote 0')).toBeNull();
  });
});

describe('--casparcg', () => {
  it('reads host:port/channel with a mode and a backup', () => {
    expect(parseCasparcgSpec('10.0.0.5:5251/2?mode=templates&backup=10.0.0.6&id=studio-a', 0)).toMatchObject({
      output: {
        id: 'studio-a',
        main: { host: '10.0.0.5', port: 5251 },
        backup: { host: '10.0.0.6', port: 5250 },
        channel: 2,
        mode: 'templates',
        layers: { 'lower-third': 20 },
      },
    });
    expect(parseCasparcgSpec('caspar/1', 1)).toMatchObject({ output: { id: 'casparcg-2', main: { host: 'caspar', port: 5250 }, mode: 'strapline' } });
  });

  it('refuses a bad spec, saying which and why', () => {
    expect(parseCasparcgSpec('10.0.0.5:5250', 0)).toEqual({ error: '--casparcg "10.0.0.5:5250": expected host:port/channel, e.g. 127.0.0.1:5250/1' });
    expect(parseCasparcgSpec('h/1?mode=flash', 0)).toMatchObject({ error: expect.stringMatching(/^--casparcg "h\/1\?mode=flash": 0\.mode: /) });
    expect(parseCasparcgSpec('h/0', 0)).toMatchObject({ error: expect.stringMatching(/0\.channel/) });
    expect(parseCasparcgSpec('h/1?layer=3', 0)).toEqual({ error: '--casparcg "h/1?layer=3": unknown option "layer" (mode, backup, id)' });
  });
});

describe('the CasparCG stand-in', () => {
  let standin: CasparcgStandin;
  let server: TestServer | undefined;
  afterEach(async () => {
    await standin?.stop();
    await server?.stop();
    server = undefined;
  });

  /** Raw AMCP, line by line, as a client that gets it wrong would send it. */
  async function exchange(lines: string[]): Promise<string> {
    const socket = connect(standin.port, '127.0.0.1');
    let received = '';
    socket.on('data', (d) => (received += String(d)));
    for (const line of lines) socket.write(`${line}\r\n`);
    await expect.poll(() => received.split('\r\n').filter((l) => /^\d{3} /.test(l)).length).toBe(lines.length);
    socket.destroy();
    return received;
  }

  it('answers with the documented codes and refuses what a real server would', async () => {
    standin = await CasparcgStandin.start({ templates: ['STRAP'], maxLayer: 100 });
    const answer = await exchange([
      'VERSION',
      'INFO',
      'CG 1-20 PLAY 1',
      'CG 2-20 ADD 1 "STRAP" 0',
      'CG 1-200 ADD 1 "STRAP" 0',
      'CG 1-20 ADD 1 "MISSING" 0',
      'CG 1-20 ADD 1 "STRAP" 0 "not json"',
      'CG 1-20 ADD 1 "STRAP" 0 "{\\"a\\":1}"',
      'CG 1-20 PLAY 1',
      'NONSENSE',
    ]);
    expect(answer.split('\r\n').filter((l) => /^\d{3} /.test(l))).toEqual([
      '201 VERSION OK',
      '200 INFO OK',
      '404 CG ERROR',
      '401 CG ERROR',
      '403 CG ERROR',
      '404 CG ERROR',
      '403 CG ERROR',
      '202 CG OK',
      '202 CG OK',
      '400 ERROR',
    ]);
    expect(answer).toContain('1 1080i5000 PLAYING');
    expect(standin.layer(1, 20)).toMatchObject({ template: 'STRAP', data: '{"a":1}', playing: true });
  });

  it('is sent the output page with the read-only token when Strapline is open to the network', async () => {
    standin = await CasparcgStandin.start();
    server = await startTestServer({ host: '0.0.0.0' });
    const tokens = server.access!.tokens;
    const res = await fetch(`${server.url}/api/casparcg`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.control}` },
      body: JSON.stringify({
        outputs: [{ id: 'air', main: { host: '127.0.0.1', port: standin.port }, channel: 1, mode: 'strapline', layers: { ticker: 30 }, pageBase: server.url }],
      }),
    });
    expect(res.status).toBe(200);
    await expect
      .poll(() => standin.received(/PLAY 1-30/).map((c) => bare(c.line)))
      .toEqual([`PLAY 1-30 [html] ${server.url}/output?layers=ticker&token=${encodeURIComponent(tokens.readOnly)}`]);
    // The URL given is one the guard lets watch, and only watch.
    expect((await fetch(standin.layer(1, 30)!.html!)).status).toBe(200);
    expect((await fetch(`${server.url}/api/clear?token=${tokens.readOnly}`, { method: 'POST' })).status).toBe(403);
  });
});
