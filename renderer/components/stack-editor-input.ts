import { useCallback, useRef, useState, type DragEvent, type KeyboardEvent, type RefObject } from 'react';
import type { ConsoleStore } from '../store';
import type { EditActions } from './stack-editor-actions';
import { dropIndex, type DropAt, type RowModel } from './stack-editor-rows';
import { chordOf, listKeyFor } from '../keymap';

/** The cue editor's title box, focused by F2. */
export const CUE_TITLE_INPUT_ID = 'cue-title';

/** How long F2 waits for the editor to catch up; past that the operator has moved on. */
const TITLE_WAIT_MS = 1500;

/**
 * Focuses the title box of the editor showing `cueId`, once it does. The editor
 * follows the selection a beat behind (a deferred value) and its tab may still
 * be opening, so straight after ArrowDown the box on the page can be the
 * previous cue's: typing there would retitle the wrong cue. If the selection
 * moves on first, it gives up rather than snatch the focus from the list later.
 */
export function focusTitleOf(cueId: string, store: ConsoleStore): void {
  const until = performance.now() + TITLE_WAIT_MS;
  const attempt = () => {
    if (store.getState().selectedCueId !== cueId) return;
    const editor = [...document.querySelectorAll<HTMLElement>('[data-editing]')].find((el) => el.dataset.editing === cueId);
    const box = editor?.querySelector<HTMLInputElement>(`#${CUE_TITLE_INPUT_ID}`);
    box?.focus();
    // focus() does nothing while the editor's tab is still hidden: try again next frame.
    if (box && document.activeElement === box) return;
    if (performance.now() < until) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}

interface KeysOptions {
  store: ConsoleStore;
  actions: EditActions;
  model: RowModel | null;
  viewport: RefObject<HTMLDivElement | null>;
  onEdit: () => void;
}

/**
 * Editing keys that act only while the list has the focus, so a stray Delete
 * elsewhere never costs a cue. Which key is which comes from LIST_KEYS, the
 * same table the cheat sheet shows. Up/Down, Space and the air keys stay with
 * the console's keymap (hotkeys.ts); handled keys are marked so it leaves them.
 */
export function useListKeys({ store, actions, model, viewport, onEdit }: KeysOptions) {
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget) return; // a button or an input inside a row has its own keys
    const chord = chordOf(e.nativeEvent);
    const key = chord === null ? undefined : listKeyFor(chord);
    if (!chord || !key) return;
    e.preventDefault();
    const selected = store.getState().selectedCueId;
    const ids = model?.cueIds ?? [];
    // The first of a row's two keys goes up (or to the top); the second, down.
    const upward = (key.keys as readonly string[]).indexOf(chord) === 0;
    switch (key.id) {
      case 'move':
        if (selected) void actions.nudge(selected, upward ? -1 : 1);
        break;
      case 'duplicate':
        if (selected) void actions.duplicate(selected);
        break;
      case 'remove':
        if (selected) void actions.remove(selected, ids);
        break;
      case 'edit':
        onEdit();
        if (selected) focusTitleOf(selected, store);
        break;
      case 'ends':
        if (ids.length) store.getState().select(upward ? ids[0]! : ids.at(-1)!);
    }
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
