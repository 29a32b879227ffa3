import { findCue } from '../../main/engine/show';
import type { ConsoleStore } from '../store';
import { neighbourMove, uniqueId } from './stack-editor-rows';

/**
 * The show edits the stack list, the palette and the cue editor share. Each is
 * one command to the engine (so one step of undo); the console changes nothing
 * itself and waits for the show snapshot.
 */
export function editActions(store: ConsoleStore) {
  const s = () => store.getState();

  return {
    /** A new cue from the palette, after the selected cue when it is in that stack, else last. */
    async addCue(stackId: string, template: string): Promise<string | null> {
      const show = s().show;
      const stack = show?.stacks.find((st) => st.id === stackId);
      if (!show || !stack) return null;
      const at = stack.cues.findIndex((c) => c.id === s().selectedCueId);
      const cueId = uniqueId(show, template);
      const r = await s().send({ type: 'add-cue', stackId, template, cueId, index: at < 0 ? stack.cues.length : at + 1 });
      if (!r.ok) return null;
      s().select(cueId);
      return cueId;
    },

    /** A copy straight after the original, selected so the operator can change what differs. */
    async duplicate(cueId: string): Promise<void> {
      const show = s().show;
      const found = show && findCue(show, cueId);
      if (!show || !found) return;
      const { cue, stack, index } = found;
      const copyId = uniqueId(show, `${cue.id.replace(/-copy(-\d+)?$/, '')}-copy`);
      // An automatic title stays automatic: the copy is made to be pointed at another seat.
      const title = cue.autoTitle ? undefined : `${cue.title} (copy)`.slice(0, 200);
      const r = await s().send({
        type: 'add-cue',
        stackId: stack.id,
        template: cue.template,
        cueId: copyId,
        title,
        layer: cue.layer,
        fields: cue.fields,
        index: index + 1,
      });
      if (r.ok) s().select(copyId);
    },

    /** Deletes, then selects the cue that took its place, so the operator stays where they were. */
    async remove(cueId: string, visible: readonly string[]): Promise<void> {
      const at = visible.indexOf(cueId);
      const neighbour = visible[at + 1] ?? visible[at - 1];
      const title = (s().show && findCue(s().show!, cueId)?.cue.title) ?? cueId;
      const r = await s().send({ type: 'delete-cue', cueId });
      if (!r.ok) return;
      if (neighbour && s().selectedCueId === cueId) s().select(neighbour);
      s().notify(`Deleted "${title}": Ctrl+Z brings it back`);
    },

    /** Alt+Up / Alt+Down: one place, across into the next stack at either end. */
    async nudge(cueId: string, delta: -1 | 1): Promise<void> {
      const show = s().show;
      const to = show && neighbourMove(show, cueId, delta);
      if (to) await s().send({ type: 'move-cue', cueId, ...to });
    },

    async addStack(): Promise<string | null> {
      const show = s().show;
      if (!show) return null;
      const stackId = uniqueId(show, `stack-${show.stacks.length + 1}`);
      const r = await s().send({ type: 'add-stack', stackId, name: `Stack ${show.stacks.length + 1}` });
      return r.ok ? stackId : null;
    },

    async renameStack(stackId: string, name: string): Promise<void> {
      const stack = s().show?.stacks.find((st) => st.id === stackId);
      const trimmed = name.trim().slice(0, 120);
      if (stack && trimmed && trimmed !== stack.name) await s().send({ type: 'rename-stack', stackId, name: trimmed });
    },

    async deleteStack(stackId: string): Promise<void> {
      const stack = s().show?.stacks.find((st) => st.id === stackId);
      if (!stack) return;
      const r = await s().send({ type: 'delete-stack', stackId });
      if (r.ok) s().notify(`Deleted stack "${stack.name}" and its ${stack.cues.length} cues: Ctrl+Z brings them back`);
    },

    async undo(): Promise<void> {
      const r = await s().send({ type: 'undo' });
      if (r.ok && typeof r.detail?.undone === 'string') s().notify(`Undone: ${r.detail.undone}`);
    },

    async redo(): Promise<void> {
      const r = await s().send({ type: 'redo' });
      if (r.ok && typeof r.detail?.redone === 'string') s().notify(`Redone: ${r.detail.redone}`);
    },
  };
}

export type EditActions = ReturnType<typeof editActions>;
