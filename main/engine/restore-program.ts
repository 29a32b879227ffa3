import type { Fields, Layer } from './show';
import type { CommandOf, OnAir, RestoredGraphic } from './protocol';
import type { Applied, EngineState, HandlerContext, Outcome } from './state';
import type { TemplateDefinition } from './templates';
import type { ResultsState } from './results-state';
import { describeIssues } from './errors';
import { validateFields } from './fields';
import { resolveView } from './binding';

/**
 * Crash recovery: puts back what was on air before the engine stopped, on the
 * operator's word. Each graphic comes back at its step, marked `restored`, so
 * outputs mount it in its steady state instead of animating it in.
 *
 * A layer the operator has already used since the restart is left alone (the
 * air they chose wins over the air that was). A graphic whose template is gone
 * or whose fields no longer pass is skipped with the reason: the rest still
 * go back, since half the air restored is better than none on a live night.
 *
 * The air only ever holds a view the engine made or checked: the saved view
 * came from a file (or a caller), so it is never trusted as it stands.
 */

export interface Skipped {
  layer: Layer;
  cueId: string;
  reason: string;
}

/** Any seat past pending: the results are back (or new ones came in), so a bound view can be resolved from them. */
function holdsResults(results: ResultsState): boolean {
  for (const seat of results.seats.values()) if (seat.state !== 'pending') return true;
  return false;
}

/**
 * What the restored graphic draws. Unbound: its fields, exactly as a take
 * would. Bound: resolved again from the results the engine holds; with none
 * back yet, the saved view, if it passes the template's own view schema (the
 * next change of results resolves it afresh, as for any graphic on air).
 */
function restoredView(
  graphic: RestoredGraphic,
  template: TemplateDefinition,
  fields: Fields,
  state: EngineState,
  ctx: HandlerContext,
): { view: Fields } | { reason: string } {
  if (!template.resolve) return { view: fields };
  const saved = template.view?.safeParse(graphic.view);
  if (saved && !saved.success) return { reason: `its saved view is not a ${template.name} view (${describeIssues(saved.error.issues)})` };
  if (saved && !holdsResults(state.results)) return { view: saved.data };
  const resolved = resolveView(template, fields, ctx.binding(state.results));
  if (!('error' in resolved)) return resolved;
  return saved ? { view: saved.data } : { reason: resolved.error.message };
}

function check(graphic: RestoredGraphic, state: EngineState, ctx: HandlerContext): { steps: number; fields: Fields; view: Fields } | { reason: string } {
  const template = ctx.templates.get(graphic.template);
  if (!template) return { reason: `unknown template "${graphic.template}"` };
  const fields = validateFields(ctx.templates, graphic.template, graphic.fields);
  if ('error' in fields) return { reason: fields.error.message };
  if (graphic.step > template.steps) return { reason: `step ${graphic.step} is past the last (${template.steps})` };
  const view = restoredView(graphic, template, fields.fields, state, ctx);
  return 'reason' in view ? view : { steps: template.steps, fields: fields.fields, view: view.view };
}

export function restoreProgram(state: EngineState, cmd: CommandOf<'restore-program'>, ctx: HandlerContext): Outcome {
  let program = state.program;
  let lastTakeAt = state.lastTakeAt;
  let nextTakeId = state.nextTakeId;
  const asRun: Applied['asRun'] = [];
  const restored: Layer[] = [];
  const skipped: Skipped[] = [];
  for (const [layer, graphic] of Object.entries(cmd.program) as [Layer, RestoredGraphic][]) {
    if (program[layer]) {
      skipped.push({ layer, cueId: graphic.cueId, reason: `${layer} is already on air with "${program[layer].title}"` });
      continue;
    }
    const checked = check(graphic, state, ctx);
    if ('reason' in checked) {
      skipped.push({ layer, cueId: graphic.cueId, reason: checked.reason });
      continue;
    }
    const onAir: OnAir = {
      takeId: nextTakeId,
      cueId: graphic.cueId,
      title: graphic.title,
      template: graphic.template,
      fields: checked.fields,
      view: checked.view,
      viewRevision: ctx.viewRevision(checked.view),
      step: graphic.step,
      steps: checked.steps,
      updateSeq: 0,
      since: ctx.now,
      restored: true,
    };
    nextTakeId += 1;
    program = { ...program, [layer]: onAir };
    lastTakeAt = { ...lastTakeAt, [layer]: ctx.now };
    restored.push(layer);
    asRun.push({
      at: new Date(ctx.now).toISOString(),
      action: 'take',
      restored: true,
      layer,
      cueId: onAir.cueId,
      template: onAir.template,
      title: onAir.title,
      step: onAir.step,
    });
  }
  const next = restored.length === 0 ? state : { ...state, program, lastTakeAt, nextTakeId };
  return { state: next, asRun, detail: { restored, skipped } };
}
