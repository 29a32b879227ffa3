import { memo } from 'react';
import { useStore } from 'zustand';
import type { ConsoleStore } from '../store';
import { useHotkey } from '../hotkeys';
import { CuePalette } from './CuePalette';
import type { EditActions } from './stack-editor-actions';

interface Props {
  store: ConsoleStore;
  actions: EditActions;
  /** The stack a new cue goes into (a Stack from the show, so memo compares it by identity). */
  target: { id: string; name: string } | null;
  onAdded: (cueId: string) => void;
  onStackAdded: (stackId: string) => void;
}

/** Above the list: + Cue (the palette), + Stack, Undo and Redo. The show's name is in the show bar. */
export const StackEditorToolbar = memo(function StackEditorToolbar({ store, actions, target, onAdded, onStackAdded }: Props) {
  const history = useStore(store, (s) => s.showHistory);
  useHotkey('undo', () => void actions.undo());
  useHotkey('redo', () => void actions.redo());
  const pick = async (template: string) => {
    if (!target) return;
    const id = await actions.addCue(target.id, template);
    if (id) onAdded(id);
  };
  const addStack = async () => {
    const id = await actions.addStack();
    if (id) onStackAdded(id);
  };
  return (
    <div className="stack-toolbar">
      <div className="stack-tools" role="toolbar" aria-label="Edit the show">
        <CuePalette store={store} target={target?.name ?? null} onPick={(t) => void pick(t)} />
        <button type="button" className="btn small" onClick={() => void addStack()}>
          + Stack
        </button>
        <button
          type="button"
          className="btn small"
          aria-keyshortcuts="Control+Z"
          disabled={!history?.undo}
          title={history?.undo ? `Undo ${history.undo} (Ctrl+Z)` : 'Nothing to undo'}
          onClick={() => void actions.undo()}
        >
          Undo
        </button>
        <button
          type="button"
          className="btn small"
          aria-keyshortcuts="Control+Shift+Z Control+Y"
          disabled={!history?.redo}
          title={history?.redo ? `Redo ${history.redo} (Ctrl+Shift+Z)` : 'Nothing to redo'}
          onClick={() => void actions.redo()}
        >
          Redo
        </button>
      </div>
    </div>
  );
});
