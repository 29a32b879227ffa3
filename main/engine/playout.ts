import { fail } from './errors';
import { findCue, type Layer } from './show';
import type { CommandOf, OnAir } from './protocol';
import type { Applied, EngineState, HandlerContext, Outcome } from './state';
import { validateFields } from './fields';
import { withFollowedTitle } from './cue-title';
import { resolveView } from './binding';
import { keepLoadedHost } from '../templates/outside/loaded-host';

/** The on-air half of the command map: cue, take, next, update, out, clear-all. */

type OnAirAction = 'take' | 'next' | 'update' | 'out' | 'clear-all';

function asRunOf(onAir: OnAir, layer: Layer, action: OnAirAction, ctx: HandlerContext): Applied['asRun'][number] {
  return {
    at: new Date(ctx.now).toISOString(),
    action,
    layer,
    cueId: onAir.cueId,
    template: onAir.template,
    title: onAir.title,
    step: onAir.step,
  };
}

export function cue(state: EngineState, cmd: CommandOf<'cue'>): Outcome {
  if (!findCue(state.show, cmd.cueId)) return { error: fail('UNKNOWN_CUE', `No cue "${cmd.cueId}" in the show`) };
  return { state: { ...state, previewCueId: cmd.cueId }, asRun: [] };
}

export function take(state: EngineState, cmd: CommandOf<'take'>, ctx: HandlerContext): Outcome {
  if (state.previewCueId === null) return { error: fail('NOTHING_IN_PREVIEW', 'Nothing is in preview to take') };
  if (state.previewCueId !== cmd.cueId) {
    return { error: fail('STALE_TAKE', `Take expected "${cmd.cueId}" but preview holds "${state.previewCueId}"`) };
  }
  const found = findCue(state.show, cmd.cueId);
  if (!found) return { error: fail('UNKNOWN_CUE', `No cue "${cmd.cueId}" in the show`) };
  const { cue: c } = found;
  const template = ctx.templates.get(c.template);
  if (!template) return { error: fail('UNKNOWN_TEMPLATE', `Cue "${c.id}" uses unknown template "${c.template}"`) };
  const current = state.program[c.layer];
  if (current && current.cueId === c.id) {
    return { error: fail('ALREADY_ON_AIR', `"${c.title}" is already on air on ${c.layer}`) };
  }
  const last = state.lastTakeAt[c.layer];
  if (last !== undefined && ctx.now - last < ctx.minTakeIntervalMs) {
    return { error: fail('TAKE_TOO_SOON', `A take on ${c.layer} ${ctx.now - last} ms after the last one was refused (minimum ${ctx.minTakeIntervalMs} ms)`) };
  }
  // The preview's view when the results have not moved since the cue: no second resolve on the take.
  const resolved = ctx.cueView(c, state.results);
  if ('error' in resolved) return resolved;
  const onAir: OnAir = {
    takeId: state.nextTakeId,
    cueId: c.id,
    title: c.title,
    template: c.template,
    fields: c.fields,
    view: resolved.view,
    viewRevision: ctx.viewRevision(resolved.view),
    step: 1,
    steps: template.steps,
    updateSeq: 0,
    since: ctx.now,
  };
  return {
    state: {
      ...state,
      program: { ...state.program, [c.layer]: onAir },
      lastTakeAt: { ...state.lastTakeAt, [c.layer]: ctx.now },
      nextTakeId: state.nextTakeId + 1,
    },
    asRun: [asRunOf(onAir, c.layer, 'take', ctx)],
  };
}

function onLayer(state: EngineState, layer: Layer): OnAir | { error: ReturnType<typeof fail> } {
  return state.program[layer] ?? { error: fail('LAYER_EMPTY', `Nothing is on air on ${layer}`) };
}

export function next(state: EngineState, cmd: CommandOf<'next'>, ctx: HandlerContext): Outcome {
  const current = onLayer(state, cmd.layer);
  if ('error' in current) return current;
  if (current.step >= current.steps) {
    return { error: fail('NO_NEXT_STEP', `"${current.title}" is on its last step (${current.step} of ${current.steps})`) };
  }
  const onAir = { ...current, step: current.step + 1 };
  return { state: { ...state, program: { ...state.program, [cmd.layer]: onAir } }, asRun: [asRunOf(onAir, cmd.layer, 'next', ctx)] };
}

/**
 * Sends new values to a graphic on air without replaying its in-animation.
 * Without fields, it sends the cue's current (edited) fields; with fields, they
 * are merged into the cue as well, so the show and the air agree.
 */
export function update(state: EngineState, cmd: CommandOf<'update'>, ctx: HandlerContext): Outcome {
  const current = onLayer(state, cmd.layer);
  if ('error' in current) return current;
  const found = findCue(state.show, current.cueId);
  const base = found ? found.cue.fields : current.fields;
  const merged = cmd.fields ? { ...base, ...cmd.fields } : base;
  const checked = validateFields(ctx.templates, current.template, merged);
  if ('error' in checked) return checked;
  const template = ctx.templates.get(current.template);
  if (!template) return { error: fail('UNKNOWN_TEMPLATE', `Unknown template "${current.template}"`) };
  const resolved = resolveView(template, checked.fields, ctx.binding(state.results));
  if ('error' in resolved) return resolved;
  const view = keepLoadedHost(current.view, resolved.view);
  const onAir: OnAir = { ...current, fields: checked.fields, view, viewRevision: ctx.viewRevision(view), updateSeq: current.updateSeq + 1 };
  let show = state.show;
  if (found && cmd.fields) {
    const names = ctx.binding(state.results);
    const cues = found.stack.cues.map((c) => (c.id === current.cueId ? withFollowedTitle({ ...c, fields: checked.fields }, template, names) : c));
    show = { ...show, stacks: show.stacks.map((s) => (s === found.stack ? { ...s, cues } : s)) };
  }
  return {
    state: { ...state, show, program: { ...state.program, [cmd.layer]: onAir } },
    asRun: [asRunOf(onAir, cmd.layer, 'update', ctx)],
  };
}

export function out(state: EngineState, cmd: CommandOf<'out'>, ctx: HandlerContext): Outcome {
  const current = onLayer(state, cmd.layer);
  if ('error' in current) return current;
  const program = { ...state.program };
  delete program[cmd.layer];
  return { state: { ...state, program }, asRun: [asRunOf(current, cmd.layer, 'out', ctx)] };
}

/** The panic button: never fails, takes everything off at once. */
export function clearAll(state: EngineState, _cmd: CommandOf<'clear-all'>, ctx: HandlerContext): Outcome {
  const layers = Object.keys(state.program) as Layer[];
  if (layers.length === 0) return { state, asRun: [] };
  const asRun = layers.map((layer) => asRunOf(state.program[layer]!, layer, 'clear-all', ctx));
  return { state: { ...state, program: {} }, asRun };
}
