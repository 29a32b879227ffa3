import { fail } from './errors';
import { findCue, type Cue, type Show, type Stack } from './show';
import type { CommandOf } from './protocol';
import type { EngineState, HandlerContext, Outcome } from './state';
import { validateFields } from './fields';
import { checkShow } from './show-check';
import { automaticTitle, withFollowedTitle } from './cue-title';

/** The editing half of the command map. Edits change the show, never the air. */

function withStacks(state: EngineState, stacks: Stack[]): Outcome {
  return { state: { ...state, show: { ...state.show, stacks } }, asRun: [] };
}

function stackById(show: Show, stackId: string): Stack | undefined {
  return show.stacks.find((s) => s.id === stackId);
}

function idTaken(show: Show, id: string): boolean {
  return show.stacks.some((s) => s.id === id || s.cues.some((c) => c.id === id));
}

/** Ids are short, readable and unique in the show: "cue-17". */
function freshId(show: Show, prefix: string): string {
  let n = show.stacks.reduce((sum, s) => sum + s.cues.length + 1, 1);
  while (idTaken(show, `${prefix}-${n}`)) n += 1;
  return `${prefix}-${n}`;
}

export function addStack(state: EngineState, cmd: CommandOf<'add-stack'>): Outcome {
  const id = cmd.stackId ?? freshId(state.show, 'stack');
  if (idTaken(state.show, id)) return { error: fail('DUPLICATE_ID', `Id "${id}" is already used`) };
  return withStacks(state, [...state.show.stacks, { id, name: cmd.name, cues: [] }]);
}

export function renameStack(state: EngineState, cmd: CommandOf<'rename-stack'>): Outcome {
  if (!stackById(state.show, cmd.stackId)) return { error: fail('UNKNOWN_STACK', `No stack "${cmd.stackId}"`) };
  return withStacks(
    state,
    state.show.stacks.map((s) => (s.id === cmd.stackId ? { ...s, name: cmd.name } : s)),
  );
}

export function deleteStack(state: EngineState, cmd: CommandOf<'delete-stack'>): Outcome {
  const stack = stackById(state.show, cmd.stackId);
  if (!stack) return { error: fail('UNKNOWN_STACK', `No stack "${cmd.stackId}"`) };
  const previewGone = stack.cues.some((c) => c.id === state.previewCueId);
  const next = withStacks(
    state,
    state.show.stacks.filter((s) => s !== stack),
  );
  return previewGone && 'state' in next ? { ...next, state: { ...next.state, previewCueId: null } } : next;
}

export function addCue(state: EngineState, cmd: CommandOf<'add-cue'>, ctx: HandlerContext): Outcome {
  const stack = stackById(state.show, cmd.stackId);
  if (!stack) return { error: fail('UNKNOWN_STACK', `No stack "${cmd.stackId}"`) };
  const template = ctx.templates.get(cmd.template);
  if (!template) return { error: fail('UNKNOWN_TEMPLATE', `Unknown template "${cmd.template}"`) };
  const id = cmd.cueId ?? freshId(state.show, 'cue');
  if (idTaken(state.show, id)) return { error: fail('DUPLICATE_ID', `Id "${id}" is already used`) };
  const checked = validateFields(ctx.templates, cmd.template, cmd.fields ?? {});
  if ('error' in checked) return checked;
  const names = ctx.binding(state.results);
  // No title given: the template's, following the fields until the operator names the cue.
  const cue: Cue =
    cmd.title === undefined
      ? {
          id,
          title: automaticTitle(template, checked.fields, names),
          autoTitle: true,
          template: cmd.template,
          layer: cmd.layer ?? template.layer,
          fields: checked.fields,
        }
      : { id, title: cmd.title, template: cmd.template, layer: cmd.layer ?? template.layer, fields: checked.fields };
  const cues = [...stack.cues];
  cues.splice(Math.min(cmd.index ?? cues.length, cues.length), 0, cue);
  return withStacks(
    state,
    state.show.stacks.map((s) => (s === stack ? { ...s, cues } : s)),
  );
}

export function editCue(state: EngineState, cmd: CommandOf<'edit-cue'>, ctx: HandlerContext): Outcome {
  const found = findCue(state.show, cmd.cueId);
  if (!found) return { error: fail('UNKNOWN_CUE', `No cue "${cmd.cueId}" in the show`) };
  if (cmd.title !== undefined && cmd.autoTitle) {
    return { error: fail('INVALID_COMMAND', `edit-cue "${cmd.cueId}": give a title or autoTitle, not both`) };
  }
  let fields = found.cue.fields;
  if (cmd.fields) {
    const checked = validateFields(ctx.templates, found.cue.template, { ...fields, ...cmd.fields });
    if ('error' in checked) return checked;
    fields = checked.fields;
  }
  const { autoTitle: _, ...named } = found.cue;
  const base: Cue = cmd.title !== undefined ? { ...named, title: cmd.title } : cmd.autoTitle ? { ...found.cue, autoTitle: true } : found.cue;
  const edited = withFollowedTitle({ ...base, fields, layer: cmd.layer ?? found.cue.layer }, ctx.templates.get(found.cue.template), ctx.binding(state.results));
  const cues = found.stack.cues.map((c) => (c === found.cue ? edited : c));
  return withStacks(
    state,
    state.show.stacks.map((s) => (s === found.stack ? { ...s, cues } : s)),
  );
}

export function deleteCue(state: EngineState, cmd: CommandOf<'delete-cue'>): Outcome {
  const found = findCue(state.show, cmd.cueId);
  if (!found) return { error: fail('UNKNOWN_CUE', `No cue "${cmd.cueId}" in the show`) };
  const cues = found.stack.cues.filter((c) => c !== found.cue);
  const next = withStacks(
    state,
    state.show.stacks.map((s) => (s === found.stack ? { ...s, cues } : s)),
  );
  return state.previewCueId === cmd.cueId && 'state' in next ? { ...next, state: { ...next.state, previewCueId: null } } : next;
}

export function moveCue(state: EngineState, cmd: CommandOf<'move-cue'>): Outcome {
  const found = findCue(state.show, cmd.cueId);
  if (!found) return { error: fail('UNKNOWN_CUE', `No cue "${cmd.cueId}" in the show`) };
  if (!stackById(state.show, cmd.stackId)) return { error: fail('UNKNOWN_STACK', `No stack "${cmd.stackId}"`) };
  const stacks = state.show.stacks.map((s) => ({ ...s, cues: s.cues.filter((c) => c !== found.cue) }));
  const target = stacks.find((s) => s.id === cmd.stackId)!;
  target.cues.splice(Math.min(cmd.index, target.cues.length), 0, found.cue);
  return withStacks(state, stacks);
}

/** Replaces the show. What is on air stays on air: outputs never depend on the show. */
export function loadShow(state: EngineState, cmd: CommandOf<'load-show'>, ctx: HandlerContext): Outcome {
  const problem = ctx.showChecked ? null : checkShow(cmd.show, ctx.templates);
  if (problem) return { error: problem };
  const keepPreview = state.previewCueId !== null && findCue(cmd.show, state.previewCueId) !== undefined;
  return { state: { ...state, show: cmd.show, previewCueId: keepPreview ? state.previewCueId : null }, asRun: [] };
}
