import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ServerEvent } from '../../../main/engine/protocol';
import { fail } from '../../../main/engine/errors';
import { DropProblems } from '../../../main/server/drop-problems';
import { ViewHub, type ViewRole } from '../../../main/server/view-hub';
import { engineHarness } from '../../support/engine-fixture';

/**
 * The view hub with plain send functions and a real engine and drop list:
 * what each role is greeted with, what it hears, and in what order. The same
 * hub behind real sockets and Electron windows is tested in
 * snapshot-stream.test.ts and test/unit/shell/shell-view-hub.test.ts.
 */
const T = Date.UTC(2024, 6, 4, 23, 0, 0);
/** Every event any view was sent, in the order the hub sent them. */
let log: { view: string; event: ServerEvent }[] = [];

function setup() {
  const harness = engineHarness();
  const drop = new DropProblems('/drop', () => T);
  const hub = new ViewHub(harness.engine, drop, () => T);
  const add = (view: string, role: ViewRole) => hub.register({ role, send: (event) => void log.push({ view, event }) });
  log = [];
  return { harness, drop, hub, add, to: (view: string) => log.filter((l) => l.view === view).map((l) => l.event) };
}
const takeA = (h: ReturnType<typeof engineHarness>) => {
  h.must({ type: 'cue', cueId: 'a' });
  h.must({ type: 'take', cueId: 'a' });
};
const badFile = { file: 'bad.json', seats: [], errors: [{ file: 'bad.json', line: 2, message: 'not JSON' }], warnings: [], summary: 'refused' };

afterEach(() => vi.restoreAllMocks());

describe('greeting on register', () => {
  it('a console gets the show, the results, the program, the outputs, the drop folder and the failing writes, at once', () => {
    const { harness, drop, hub, add, to } = setup();
    add('console', 'console');
    expect(to('console')).toEqual([
      { type: 'show', data: harness.engine.showSnapshot() },
      { type: 'results', data: harness.engine.resultsSnapshot() },
      { type: 'program', data: harness.engine.programSnapshot() },
      { type: 'outputs', data: hub.outputs.snapshot() },
      { type: 'drop', data: drop.snapshot() },
      { type: 'storage', data: { faults: [] } },
    ]);
  });

  it.each(['output', 'producer'] as const)('a %s gets the program only', (role) => {
    const { harness, add, to } = setup();
    takeA(harness);
    add('view', role);
    expect(to('view')).toEqual([{ type: 'program', data: harness.engine.programSnapshot() }]);
  });
});

describe('broadcast', () => {
  it('gives every program snapshot to every output before any producer or console, whoever registered first', () => {
    const { harness, add } = setup();
    add('console 1', 'console');
    add('producer', 'producer');
    add('output 1', 'output');
    add('console 2', 'console');
    add('output 2', 'output');
    log = [];
    takeA(harness);
    harness.must({ type: 'out', layer: 'lower-third' });
    const programs = log.filter((l) => l.event.type === 'program');
    // Three program snapshots (cue, take, out), each to five views, outputs first.
    expect(programs.map((l) => l.view)).toEqual(Array(3).fill(['output 1', 'output 2', 'producer', 'console 1', 'console 2']).flat());
  });

  it('tells outputs and producers of the program alone; consoles of everything, faults included', () => {
    const { harness, drop, hub, add, to } = setup();
    for (const role of ['output', 'producer', 'console'] as const) add(role, role);
    log = [];
    harness.engine.resumeResults(harness.engine.resultsState());
    takeA(harness);
    harness.must({ type: 'rename-stack', stackId: 's1', name: 'Renamed' });
    harness.engine.reportStorage([{ what: 'autosave', message: 'disk full', since: T }]);
    drop.record(badFile);
    hub.outputs.connect('a browser source');
    hub.broadcast({ type: 'error', data: fail('INVALID_REQUEST', 'Internal error in deferred work: boom') });
    expect(new Set(to('output').map((e) => e.type))).toEqual(new Set(['program']));
    expect(to('producer')).toEqual(to('output'));
    expect(new Set(to('console').map((e) => e.type))).toEqual(new Set(['results', 'program', 'as-run', 'show', 'storage', 'drop', 'outputs', 'error']));
    expect(to('console').find((e) => e.type === 'drop')).toEqual({ type: 'drop', data: drop.snapshot() });
    expect(to('console').at(-1)).toMatchObject({ type: 'error', data: { message: expect.stringContaining('boom') } });
  });

  it("does not pass on the engine's own error events: a refused command is answered to its sender only", () => {
    const { harness, add, to } = setup();
    add('console', 'console');
    log = [];
    expect(harness.engine.dispatch({ type: 'take', cueId: 'nope' }).ok).toBe(false);
    expect(to('console')).toEqual([]);
  });

  it('encodes each event as JSON once, however many views ask for it', () => {
    const { harness, hub } = setup();
    const texts: string[] = [];
    for (let i = 0; i < 4; i++) hub.register({ role: 'output', send: (e, json) => void (e.type === 'program' && texts.push(json())) });
    texts.length = 0;
    const stringify = vi.spyOn(JSON, 'stringify');
    harness.must({ type: 'cue', cueId: 'a' });
    const calls = stringify.mock.calls.length;
    stringify.mockRestore();
    expect(calls).toBe(1);
    expect(texts).toEqual(Array(4).fill(JSON.stringify({ type: 'program', data: harness.engine.programSnapshot() })));
  });
});

describe('views that go wrong or go away', () => {
  it('a view whose send throws costs only that view: the outputs after it and the consoles still get the program', () => {
    const { harness, hub, add, to } = setup();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    hub.register({
      role: 'output',
      send: () => {
        throw new Error('window destroyed');
      },
    });
    add('output', 'output');
    add('console', 'console');
    log = [];
    takeA(harness);
    expect(to('output').filter((e) => e.type === 'program')).toHaveLength(2);
    expect(to('console').filter((e) => e.type === 'program')).toHaveLength(2);
    expect(logged).toHaveBeenCalledWith(expect.stringMatching(/^strapline: the program event could not be sent to a view \(output\): Error: window destroyed/));
  });

  it('an unregistered view hears nothing more (unregistering twice is harmless); closing the hub stops every broadcast', () => {
    const { harness, hub, add, to } = setup();
    const off = add('gone', 'console');
    add('stays', 'output');
    off();
    off();
    log = [];
    harness.must({ type: 'cue', cueId: 'a' });
    expect(to('gone')).toEqual([]);
    expect(to('stays')).toHaveLength(1);
    expect([hub.count('console'), hub.count('output')]).toEqual([0, 1]);
    hub.close();
    harness.must({ type: 'cue', cueId: 'b' });
    expect(to('stays')).toHaveLength(1);
  });

  it('a view registered while a broadcast runs is greeted with that state and not sent it twice', () => {
    const { harness, hub, add, to } = setup();
    hub.register({ role: 'output', send: (e) => void (e.type === 'program' && to('late').length === 0 && add('late', 'output')) });
    log = [];
    harness.must({ type: 'cue', cueId: 'a' });
    expect(to('late')).toEqual([{ type: 'program', data: harness.engine.programSnapshot() }]);
  });
});
