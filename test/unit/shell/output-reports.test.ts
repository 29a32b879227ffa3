import { describe, expect, it } from 'vitest';
import type { ServerEvent } from '../../../main/engine/protocol';
import { ViewHub } from '../../../main/server/view-hub';
import { WINDOW_PEER, WindowOutputs } from '../../../main/shell/output-reports';
import type { Sender } from '../../../main/shell/ipc-guard';
import { engineHarness } from '../../support/engine-fixture';

/**
 * The Electron output window as a view of the hub and its health reports,
 * judged by main/shell's own rules (output-reports.ts has no Electron import:
 * Electron's binary cannot run here) against the real hub and OutputHealth
 * the socket outputs feed. The window's send is a plain function here.
 */
const ORIGIN = 'http://127.0.0.1:7300';
const OUTPUT_ID = 7;
const CONSOLE_ID = 8;
const outputFrame: Sender = { id: OUTPUT_ID, frameUrl: `${ORIGIN}/output` };
const good = { type: 'output-report', fps: 59.94, layers: ['fullscreen', 'lower-third', 'ticker', 'bug'], revision: 4 };

/** What a window's page was sent, in order, with which window. */
const sent: { to: string; event: ServerEvent }[] = [];
const windowSend = (to: string) => (event: ServerEvent) => void sent.push({ to, event });

function setup() {
  let t = 1_000_000;
  let changes = 0;
  const harness = engineHarness();
  const hub = new ViewHub(harness.engine, null, () => t);
  // The console sees each change of the outputs as an `outputs` event.
  hub.register({ role: 'console', send: (e) => void (e.type === 'outputs' && (changes += 1)) });
  const health = hub.outputs;
  const outputs = new WindowOutputs(hub, ORIGIN);
  sent.length = 0;
  return { harness, hub, health, outputs, later: (ms: number) => (t += ms), changes: () => changes };
}
const send = windowSend('output window');

describe('WindowOutputs', () => {
  it("connects the output window on its page's ready, and its reports reach OutputHealth", () => {
    const { health, outputs } = setup();
    expect(outputs.ready(outputFrame, OUTPUT_ID, send)).toBe(true);
    expect(outputs.report(outputFrame, OUTPUT_ID, good)).toBeNull();
    const [entry] = health.snapshot().outputs;
    expect(entry).toMatchObject({ peer: WINDOW_PEER, disconnectedAt: null, fps: 59.9, revision: 4, layers: good.layers });
  });

  it.each([
    ['the console window', { id: CONSOLE_ID, frameUrl: `${ORIGIN}/` }],
    ['another origin in the output window', { id: OUTPUT_ID, frameUrl: 'https://evil.example/output' }],
    ['a file: page in the output window', { id: OUTPUT_ID, frameUrl: 'file:///opt/out/renderer/overlays/output.html' }],
  ])('refuses a report from %s, and changes nothing', (_what, sender) => {
    const { health, outputs, changes } = setup();
    outputs.ready(outputFrame, OUTPUT_ID, send);
    const before = health.snapshot();
    const seen = changes();
    expect(outputs.report(sender, OUTPUT_ID, good)).toMatchObject({ code: 'FORBIDDEN' });
    expect(health.snapshot()).toEqual(before);
    expect(changes()).toBe(seen);
  });

  it.each([
    ['no type', { fps: 60, layers: ['bug'], revision: 1 }],
    ['a command dressed as a report', { type: 'take', cueId: 'a' }],
    ['an extra key', { ...good, cueId: 'a' }],
    ['a negative frame rate', { ...good, fps: -1 }],
    ['an unknown layer', { ...good, layers: ['everything'] }],
    ['a string', 'output-report'],
    ['null', null],
  ])('refuses a malformed report (%s) from the output window, naming it, and changes nothing', (_what, raw) => {
    const { health, outputs } = setup();
    outputs.ready(outputFrame, OUTPUT_ID, send);
    const before = health.snapshot();
    expect(outputs.report(outputFrame, OUTPUT_ID, raw)).toMatchObject({ code: 'INVALID_REQUEST', message: expect.stringMatching(/^output-report: /) });
    expect(health.snapshot()).toEqual(before);
  });

  it('refuses a report before the page said ready, and a ready from anywhere but the output window', () => {
    const { health, outputs } = setup();
    expect(outputs.report(outputFrame, OUTPUT_ID, good)).toMatchObject({ code: 'NOT_FOUND' });
    expect(outputs.ready({ id: CONSOLE_ID, frameUrl: `${ORIGIN}/` }, OUTPUT_ID, send)).toBe(false);
    expect(outputs.ready(outputFrame, null, send)).toBe(false);
    expect(health.snapshot().outputs).toEqual([]);
  });

  it('rate-limits the window exactly as a socket: a second report at once is refused', () => {
    const { health, outputs, later } = setup();
    outputs.ready(outputFrame, OUTPUT_ID, send);
    expect(outputs.report(outputFrame, OUTPUT_ID, good)).toBeNull();
    expect(outputs.report(outputFrame, OUTPUT_ID, { ...good, revision: 5 })).toMatchObject({ code: 'INVALID_REQUEST' });
    expect(health.snapshot().outputs[0]!.revision).toBe(4);
    later(2000);
    expect(outputs.report(outputFrame, OUTPUT_ID, { ...good, revision: 5 })).toBeNull();
  });

  it('a gone window shows as lost and can report no more; its replacement is a new entry', () => {
    const { health, outputs, later } = setup();
    outputs.ready(outputFrame, OUTPUT_ID, send);
    outputs.report(outputFrame, OUTPUT_ID, good);
    later(500);
    outputs.gone(OUTPUT_ID);
    expect(outputs.report(outputFrame, OUTPUT_ID, good)).toMatchObject({ code: 'NOT_FOUND' });
    const fresh: Sender = { id: OUTPUT_ID + 10, frameUrl: `${ORIGIN}/output` };
    outputs.ready(fresh, fresh.id, send);
    const [old, now] = health.snapshot().outputs;
    expect(old).toMatchObject({ disconnectedAt: 1_000_500 });
    expect(now).toMatchObject({ disconnectedAt: null, fps: null });
    expect(now!.id).not.toBe(old!.id);
  });

  it('a reload (ready again from the same window) is a reconnect: the old entry is lost, one is live', () => {
    const { health, outputs } = setup();
    outputs.ready(outputFrame, OUTPUT_ID, send);
    outputs.ready(outputFrame, OUTPUT_ID, send);
    expect(health.connectedCount).toBe(1);
    expect(health.snapshot().outputs.map((o) => o.disconnectedAt === null)).toEqual([false, true]);
  });

  it('a refused ready registers nothing: the window is sent nothing and is not listed', () => {
    const { harness, hub, health, outputs } = setup();
    outputs.ready({ id: OUTPUT_ID, frameUrl: 'https://evil.example/output' }, OUTPUT_ID, send);
    harness.must({ type: 'cue', cueId: 'a' });
    harness.must({ type: 'take', cueId: 'a' });
    expect(sent).toEqual([]);
    expect(hub.count('output')).toBe(0);
    expect(health.snapshot().outputs).toEqual([]);
  });

  it('on ready the window is an output of the hub: greeted with the program, then every program, never the show', () => {
    const { harness, hub, outputs } = setup();
    outputs.ready(outputFrame, OUTPUT_ID, send);
    expect(sent.map((s) => s.event)).toEqual([{ type: 'program', data: harness.engine.programSnapshot() }]);
    harness.must({ type: 'cue', cueId: 'a' });
    harness.must({ type: 'take', cueId: 'a' });
    harness.must({ type: 'rename-stack', stackId: 's1', name: 'Renamed' });
    expect(new Set(sent.map((s) => s.event.type))).toEqual(new Set(['program']));
    expect(sent.at(-1)!.event).toEqual({ type: 'program', data: harness.engine.programSnapshot() });
    expect(hub.count('output')).toBe(1);
  });

  it('a reload is registered once, and a gone window hears nothing more', () => {
    const { harness, hub, outputs } = setup();
    outputs.ready(outputFrame, OUTPUT_ID, send);
    outputs.ready(outputFrame, OUTPUT_ID, send);
    expect(hub.count('output')).toBe(1);
    sent.length = 0;
    harness.must({ type: 'cue', cueId: 'a' });
    harness.must({ type: 'take', cueId: 'a' });
    const programs = sent.length;
    expect(programs).toBeGreaterThan(0);
    outputs.gone(OUTPUT_ID);
    harness.must({ type: 'out', layer: 'lower-third' });
    expect(sent).toHaveLength(programs);
    expect(hub.count('output')).toBe(0);
  });
});
