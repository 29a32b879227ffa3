import { useCallback, useRef, useState, type DragEvent, type KeyboardEvent, type RefObject } from 'react';
import type { ConsoleStore } from '../store';
import type { EditActions } from './StackEditorActions';
import { dropIndex, type DropAt, type RowModel } from './StackEditorRows';

/** The cue editor's title box, focused by F2. */
export const CUE_TITLE_INPUT_ID = 'cue-title';

interface KeysOptions {
  store: ConsoleStore;
  actions: EditActions;
  model: RowModel | null;
  viewport: RefObject<HTMLDivElement | null>;
  onEdit: () => void;
}

/**
 * Editing keys that act only while the list has the focus, so a stray Delete
 * elsewhere never costs a cue. Up/Down, Space and the air keys stay with the
 * console's keymap (hotkeys.ts); handled keys are marked so it leaves them.
 */
export function useListKeys({ store, actions, model, viewport, onEdit }: KeysOptions) {
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget) return; // a button or an input inside a row has its own keys
    const selected = store.getState().selectedCueId;
    const ctrl = e.ctrlKey || e.metaKey;
    let handled = true;
    if (e.altKey && !ctrl && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      if (selected) void actions.nudge(selected, e.key === 'ArrowUp' ? -1 : 1);
    } else if (ctrl && !e.altKey && e.key.toLowerCase() === 'd') {
      if (selected) void actions.duplicate(selected);
    } else if (e.key === 'Delete' && !ctrl && !e.altKey) {
      if (selected) void actions.remove(selected, model?.cueIds ?? []);
    } else if (e.key === 'F2') {
      onEdit();
      requestAnimationFrame(() => document.getElementById(CUE_TITLE_INPUT_ID)?.focus());
    } else if ((e.key === 'Home' || e.key === 'End') && !ctrl && model?.cueIds.length) {
      store.getState().select(e.key === 'Home' ? model.cueIds[0]! : model.cueIds.at(-1)!);
    } else handled = false;
    if (handled) e.preventDefault();
  };

  // Stable across renders (the search bar is memoised); reads the latest rows when called.
  const latest = useRef(model);
  latest.current = model;
  /** From the search box into the list, on the first match if the selection is hidden. */
  const enterList = useCallback(() => {
    viewport.current?.focus();
    const rows = latest.current;
    const selected = store.getState().selectedCueId;
    const first = rows?.cueIds[0];
    if (first && (selected === null || !rows.rowOfCue.has(selected))) store.getState().select(first);
  }, [store, viewport]);
  return { onKeyDown, enterList };
}

export const CUE_DRAG_TYPE = 'application/x-strapline-cue';

/** Drag a cue onto another (above or below its middle) or onto a stack's header to put it first. */
export function useListDrag({ store, model }: { store: ConsoleStore; model: RowModel | null }) {
  const [drag, setDrag] = useState<{ id: string; at: DropAt | null } | null>(null);

  const dropAt = (e: DragEvent<HTMLElement>): DropAt | null => {
    const row = (e.target as HTMLElement).closest<HTMLElement>('[data-row]');
    if (!row || !model) return null;
    if (row.dataset.row !== 'cue') return row.dataset.stackId ? { stackId: row.dataset.stackId, start: true } : null;
    const id = row.dataset.cueId!;
    const at = model.rows[model.rowOfCue.get(id) ?? -1];
    if (at?.kind !== 'cue') return null;
    const rect = row.getBoundingClientRect();
    return e.clientY < rect.top + rect.height / 2 ? { stackId: at.stackId, beforeCueId: id } : { stackId: at.stackId, afterCueId: id };
  };

  const handlers = {
    onDragStart(e: DragEvent<HTMLDivElement>) {
      const row = (e.target as HTMLElement).closest<HTMLElement>('[data-row="cue"]');
      if (!row) return;
      e.dataTransfer.setData(CUE_DRAG_TYPE, row.dataset.cueId!);
      e.dataTransfer.setData('text/plain', row.dataset.cueId!);
      e.dataTransfer.effectAllowed = 'move';
      setDrag({ id: row.dataset.cueId!, at: null });
    },
    onDragOver(e: DragEvent<HTMLDivElement>) {
      if (!drag) return;
      const at = dropAt(e);
      if (!at) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
      if (JSON.stringify(at) !== JSON.stringify(drag.at)) setDrag({ ...drag, at });
    },
    onDrop(e: DragEvent<HTMLDivElement>) {
      e.preventDefault();
      const show = store.getState().show;
      const at = dropAt(e) ?? drag?.at;
      const to = drag && at && show ? dropIndex(show, drag.id, at) : null;
      if (drag && to) void store.getState().send({ type: 'move-cue', cueId: drag.id, ...to });
      setDrag(null);
    },
    onDragEnd() {
      setDrag(null);
    },
  };
  return { drag, handlers };
}
