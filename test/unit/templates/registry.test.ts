import { describe, expect, it } from 'vitest';
import { Engine } from '../../../main/engine/engine';
import { baselineFromSeats } from '../../../main/engine/election';
import type { ServerEvent } from '../../../main/engine/protocol';
import { TEMPLATE_DEFINITIONS } from '../../../main/templates/definitions';
import { TemplateRegistry } from '../../../main/templates/registry';
import { assignedLiteral, NotALiteral } from '../../../main/templates/outside/js-literal';
import type { ScannedTemplate } from '../../../main/templates/outside/scanned';
import { BASELINE_SEATS, T0, testShow } from '../../support/engine-fixture';

/** The registry with the real engine: outside templates come, change and go while cues of them are on air. */
const caspar = (over: Partial<ScannedTemplate> = {}): ScannedTemplate => ({
  id: 'page-0123456789',
  folder: 0,
  source: 'caspar/page.html',
  kind: 'casparcg',
  name: 'Page',
  layer: 'lower-third',
  steps: 1,
  schema: { type: 'object', properties: { f0: { type: 'string', maxLength: 20 } } },
  customActions: [],
  entry: 'caspar/page.html',
  version: 'v1',
  dataFormat: 'json',
  blocked: null,
  warnings: [],
  missing: false,
  ...over,
});

function engineWith(registry: TemplateRegistry) {
  let t = T0;
  const engine = new Engine({ show: testShow(), baseline: baselineFromSeats(BASELINE_SEATS), templates: registry, now: () => (t += 1_000) });
  const events: ServerEvent[] = [];
  engine.subscribe((e) => events.push(e));
  const must = (c: Record<string, unknown>) => {
    const r = engine.dispatch(c);
    if (!r.ok) throw new Error(`${JSON.stringify(c)}: ${r.error.message}`);
  };
  return { engine, events, must };
}

describe('the template registry', () => {
  it('lists every built-in with a JSON Schema of its fields', () => {
    const listed = new TemplateRegistry(TEMPLATE_DEFINITIONS).snapshot().templates;
    expect(listed.map((t) => t.id)).toEqual(TEMPLATE_DEFINITIONS.map((t) => t.id));
    for (const t of listed) expect(t.schema.type, t.id).toBe('object');
  });

  it('never lets an outside template shadow a built-in, and bumps its revision only on a change', () => {
    const registry = new TemplateRegistry(TEMPLATE_DEFINITIONS);
    const r0 = registry.snapshot().templatesRevision;
    registry.put([caspar({ id: 'strap' })]);
    expect(registry.get('strap')?.kind).toBeUndefined();
    expect(registry.snapshot().templatesRevision).toBe(r0);
    registry.put([caspar()]);
    registry.put([caspar()]);
    expect(registry.snapshot().templatesRevision).toBe(r0 + 1);
  });

  it('a graphic on air keeps the version it loaded through an update; the next take loads the new one', () => {
    const registry = new TemplateRegistry(TEMPLATE_DEFINITIONS);
    registry.put([caspar()]);
    const { engine, events, must } = engineWith(registry);
    must({ type: 'add-cue', stackId: 's1', template: 'page-0123456789', cueId: 'p1', fields: { f0: 'one' } });
    must({ type: 'cue', cueId: 'p1' });
    must({ type: 'take', cueId: 'p1' });
    events.length = 0;
    registry.put([caspar({ version: 'v2' })]);
    // The consoles hear of the change through the engine.
    expect(events.map((e) => e.type)).toEqual(['templates']);
    must({ type: 'update', layer: 'lower-third', fields: { f0: 'two' } });
    const onAir = engine.programSnapshot().program['lower-third']!;
    expect(onAir.view).toMatchObject({ outside: { version: 'v1' }, data: { f0: 'two' } });
    must({ type: 'out', layer: 'lower-third' });
    must({ type: 'cue', cueId: 'p1' });
    must({ type: 'take', cueId: 'p1' });
    expect(engine.programSnapshot().program['lower-third']!.view).toMatchObject({ outside: { version: 'v2' } });
  });

  it('a template gone from its folder: its cue still edits, a take of it is refused, nothing else changes', () => {
    const registry = new TemplateRegistry(TEMPLATE_DEFINITIONS);
    registry.put([caspar()]);
    const { engine, must } = engineWith(registry);
    must({ type: 'add-cue', stackId: 's1', template: 'page-0123456789', cueId: 'p1', fields: { f0: 'one' } });
    registry.markMissing(['page-0123456789']);
    must({ type: 'edit-cue', cueId: 'p1', fields: { f0: 'edited' } });
    must({ type: 'cue', cueId: 'p1' });
    const take = engine.dispatch({ type: 'take', cueId: 'p1' });
    expect(take).toMatchObject({ ok: false, error: { message: expect.stringMatching(/caspar\/page\.html has gone/) } });
    expect(engine.programSnapshot().program['lower-third']).toBeUndefined();
  });

  it('refuses a value past the schema naming the field', () => {
    const registry = new TemplateRegistry(TEMPLATE_DEFINITIONS);
    registry.put([caspar()]);
    const { engine } = engineWith(registry);
    const r = engine.dispatch({ type: 'add-cue', stackId: 's1', template: 'page-0123456789', fields: { f0: 'x'.repeat(21) } });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_FIELDS', message: expect.stringMatching(/f0: must NOT have more than 20 characters/) } });
  });
});

describe('reading a definition without running the page', () => {
  it('takes literals only, and names where code begins', () => {
    expect(assignedLiteral('var SPXGCTemplateDefinition = { a: `x`, b: -1, c: [true, null] };', 'SPXGCTemplateDefinition')).toEqual({
      a: 'x',
      b: -1,
      c: [true, null],
    });
    expect(() => assignedLiteral('window.SPXGCTemplateDefinition = { ...base };', 'SPXGCTemplateDefinition')).toThrow(NotALiteral);
    expect(() => assignedLiteral('window.SPXGCTemplateDefinition = { a: f() };', 'SPXGCTemplateDefinition')).toThrow(/CallExpression is not a plain literal/);
    expect(assignedLiteral('window.other = {};', 'SPXGCTemplateDefinition')).toBeUndefined();
  });
  it('a __proto__ key is a plain key, never a prototype', () => {
    const value = assignedLiteral('window.SPXGCTemplateDefinition = { "__proto__": { polluted: 1 } };', 'SPXGCTemplateDefinition') as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
