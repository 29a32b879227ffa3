import { fail } from './errors';
import type { CommandOf, OnAir } from './protocol';
import type { EngineState, HandlerContext, Outcome } from './state';

/**
 * An OGraf custom action for the graphic on a layer (a button on the on-air
 * bar, Companion, a script). Only an OGraf graphic has them, and only the ones
 * its manifest lists: anything else is refused and nothing changes. It is
 * state, not a one-off message (OnAir.customAction with a bumped seq), so every
 * output applies it once and a reconnecting output does not replay it.
 */
export function customAction(state: EngineState, cmd: CommandOf<'custom-action'>, ctx: HandlerContext): Outcome {
  const current = state.program[cmd.layer];
  if (!current) return { error: fail('LAYER_EMPTY', `Nothing is on air on ${cmd.layer}`) };
  const template = ctx.templates.get(current.template);
  if (template?.kind !== 'ograf') {
    return { error: fail('INVALID_COMMAND', `custom-action on ${cmd.layer}: "${current.title}" is not an OGraf graphic, which alone has custom actions`) };
  }
  const listed = template.customActions ?? [];
  if (!listed.includes(cmd.action)) {
    const offered = listed.length ? `it lists ${listed.map((a) => `"${a}"`).join(', ')}` : 'it lists none';
    return { error: fail('INVALID_COMMAND', `custom-action on ${cmd.layer}: ${template.name} has no custom action "${cmd.action}" (${offered})`) };
  }
  const seq = (current.customAction?.seq ?? 0) + 1;
  const onAir: OnAir = { ...current, customAction: { seq, id: cmd.action, payload: cmd.payload ?? null } };
  return {
    state: { ...state, program: { ...state.program, [cmd.layer]: onAir } },
    asRun: [
      {
        at: new Date(ctx.now).toISOString(),
        action: 'custom-action',
        customAction: cmd.action,
        layer: cmd.layer,
        cueId: onAir.cueId,
        template: onAir.template,
        title: onAir.title,
        step: onAir.step,
      },
    ],
  };
}
