import type { Layer } from './show';
import type { CommandOf, OnAir, RestoredGraphic } from './protocol';
import type { Applied, EngineState, HandlerContext, Outcome } from './state';
import { validateFields } from './fields';

/**
 * Crash recovery: puts back what was on air before the engine stopped, on the
 * operator's word. Each graphic comes back at its step, marked `restored`, so
 * outputs mount it in its steady state instead of animating it in.
 *
 * A layer the operator has already used since the restart is left alone (the
 * air they chose wins over the air that was). A graphic whose template is gone
 * or whose fields no longer pass is skipped with the reason: the rest still
 * go back, since half the air restored is better than none on a live night.
 */

export interface Skipped {
  layer: Layer;
  cueId: string;
  reason: string;
}

function check(graphic: RestoredGraphic, ctx: HandlerContext): { steps: number } | { reason: string } {
  const template = ctx.templates.get(graphic.template);
  if (!template) return { reason: `unknown template "${graphic.template}"` };
  const fields = validateFields(ctx.templates, graphic.template, graphic.fields);
  if ('error' in fields) return { reason: fields.error.message };
  if (graphic.step > template.steps) return { reason: `step ${graphic.step} is past the last (${template.steps})` };
  return { steps: template.steps };
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
    const checked = check(graphic, ctx);
    if ('reason' in checked) {
      skipped.push({ layer, cueId: graphic.cueId, reason: checked.reason });
      continue;
    }
    const onAir: OnAir = {
      takeId: nextTakeId,
      cueId: graphic.cueId,
      title: graphic.title,
      template: graphic.template,
      fields: graphic.fields,
      view: graphic.view,
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
    asRun.push({ at: new Date(ctx.now).toISOString(), action: 'take', restored: true, layer, cueId: onAir.cueId, template: onAir.template, title: onAir.title, step: onAir.step });
  }
  const next = restored.length === 0 ? state : { ...state, program, lastTakeAt, nextTakeId };
  return { state: next, asRun, detail: { restored, skipped } };
}
