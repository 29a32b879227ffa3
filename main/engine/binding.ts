import { fail, type StraplineError } from './errors';
import { sameValue } from './same-value';
import type { Fields, Layer } from './show';
import type { OnAir } from './protocol-on-air';
import type { Applied, EngineState, HandlerContext } from './state';
import type { BindingContext, TemplateDefinition } from './templates';
import { keepLoadedHost } from '../templates/outside/loaded-host';

/**
 * Bound graphics: a cue's fields may name a source in the results (a seat, the
 * totals, a region) and the output draws the resolved values (`view`). When
 * results change, every bound graphic on air is resolved again and, if what it
 * draws changed, goes out as an update (never a replayed in).
 */
export function resolveView(template: TemplateDefinition, fields: Fields, ctx: BindingContext): { view: Fields } | { error: StraplineError } {
  if (!template.resolve) return { view: fields };
  try {
    return { view: template.resolve(withDefaults(template, fields), ctx) };
  } catch (e) {
    // A resolver bug must cost one graphic, never the engine.
    return { error: fail('BINDING_FAILED', `${template.name}: could not read its data (${e instanceof Error ? e.message : String(e)})`) };
  }
}

/** A cue's fields as its template's schema parses them (defaults filled in), by fields object: see withDefaults. */
const parsedFields = new WeakMap<Fields, { template: TemplateDefinition; parsed: Fields }>();

/**
 * The fields resolve is given. The show keeps only the fields the operator set
 * (fields.ts), so the defaults come from the schema; the engine validated the
 * fields when they came in and never changes a fields object after, so they are
 * parsed once per object, not on every take, update and change of results.
 */
function withDefaults(template: TemplateDefinition, fields: Fields): Fields {
  const known = parsedFields.get(fields);
  if (known?.template === template) return known.parsed;
  const parsed = template.fields.parse(fields);
  parsedFields.set(fields, { template, parsed });
  return parsed;
}

/** Re-resolves bound graphics on air after the results changed. A failing resolver keeps what is on air. */
export function rebindProgram(state: EngineState, ctx: HandlerContext): Applied {
  const binding = ctx.binding(state.results);
  let program = state.program;
  const asRun: Applied['asRun'] = [];
  for (const [layer, onAir] of Object.entries(state.program) as [Layer, OnAir][]) {
    const template = ctx.templates.get(onAir.template);
    if (!template?.resolve) continue;
    const resolved = resolveView(template, onAir.fields, binding);
    if ('error' in resolved) continue;
    const view = keepLoadedHost(onAir.view, resolved.view);
    if (sameValue(view, onAir.view)) continue;
    const next: OnAir = { ...onAir, view, viewRevision: ctx.viewRevision(view), updateSeq: onAir.updateSeq + 1 };
    program = { ...program, [layer]: next };
    asRun.push({
      at: new Date(ctx.now).toISOString(),
      action: 'update',
      layer,
      cueId: next.cueId,
      template: next.template,
      title: next.title,
      step: next.step,
    });
  }
  return { state: program === state.program ? state : { ...state, program }, asRun };
}
