import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode, type UIEvent } from 'react';
import { useStore } from 'zustand';
import type { ConsoleStore } from '../store';
import type { Layer } from '../../main/engine/show';
import { NO_FILTER, ROW_HEIGHT, buildRows, filtering, visibleRange, type Filter } from './stack-editor-rows';
import { editActions } from './stack-editor-actions';
import { StackEditorToolbar } from './StackEditorToolbar';
import { StackHeader } from './StackEditorHeader';
import { CueRow } from './StackEditorCueRow';
import { templateFacts } from '../template-facts';
import { SearchBar } from './SearchBar';
import { useListKeys, useListDrag } from './stack-editor-input';
import { stackHint } from './stack-hint';
import { keymapStore } from '../hotkeys';
import { LIST_KEYS, ariaChords } from '../keymap';
import './stack-hint.css';

/** Rows drawn beyond each edge of a long show's view: scrolling and Up/Down never meet an undrawn row. */
const OVERSCAN_PX = 1600;
/** The window is recomputed only every this many pixels of scroll. */
const SCROLL_STEP_PX = 200;
/** The keys the list itself answers to, for assistive technology: the same table the handler reads. */
const LIST_SHORTCUTS = ariaChords(LIST_KEYS.flatMap((k) => k.keys));

interface Props {
  store: ConsoleStore;
  /** Opens the cue editor (double-click, F2, a new cue from the palette). */
  onEdit?: () => void;
}

/**
 * The show's stacks as one virtualised list: headers and cues of known heights
 * and, in a long show, only the rows near the view in the DOM, so a stack of
 * thousands of cues moves as fast as a stack of ten.
 */
export function StackList({ store, onEdit }: Props) {
  const show = useStore(store, (s) => s.show);
  const selected = useStore(store, (s) => s.selectedCueId);
  const program = useStore(store, (s) => s.program?.program);
  const registry = useStore(store, (s) => s.templates);
  const previewId = useStore(store, (s) => s.program?.preview?.cueId ?? null);
  const actions = useMemo(() => editActions(store), [store]);
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const [renaming, setRenaming] = useState<string | null>(null);
  // A header click picks the stack for new cues until the selection moves.
  const [chosen, setChosen] = useState<{ stackId: string; whileSelected: string | null } | null>(null);
  const [view, setView] = useState({ top: 0, height: 900 });
  const viewport = useRef<HTMLDivElement>(null);
  const scrollTop = useRef(0);
  const model = useMemo(() => (show ? buildRows(show, filter) : null), [show, filter]);

  useEffect(() => {
    store.setState({ visibleCueIds: model && filtering(filter) ? model.cueIds : null });
  }, [model, filter, store]);

  const hasList = model !== null;
  useLayoutEffect(() => {
    const el = viewport.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setView((v) => (v.height === el.clientHeight ? v : { ...v, height: el.clientHeight })));
    observer.observe(el);
    return () => observer.disconnect();
  }, [hasList]);

  // Keep the selected row in view; its neighbours are already drawn (overscan), so no second render.
  useLayoutEffect(() => {
    const el = viewport.current;
    const row = selected === null ? undefined : model?.rowOfCue.get(selected);
    if (!el || !model || row === undefined) return;
    const y = model.offsets[row]!;
    const header = row > 0 && model.rows[row - 1]!.kind === 'stack' ? ROW_HEIGHT.stack : 0;
    if (y - header < scrollTop.current) el.scrollTop = y - header;
    else if (y + ROW_HEIGHT.cue > scrollTop.current + view.height) el.scrollTop = y + ROW_HEIGHT.cue - view.height;
  }, [selected, model, view.height]);

  const onScroll = (e: UIEvent<HTMLDivElement>) => {
    scrollTop.current = e.currentTarget.scrollTop;
    const top = Math.floor(scrollTop.current / SCROLL_STEP_PX) * SCROLL_STEP_PX;
    if (top !== view.top) setView((v) => ({ ...v, top }));
  };

  const stackOfSelected = selected === null || !model ? undefined : model.rows[model.rowOfCue.get(selected) ?? -1];
  const targetId =
    (chosen && chosen.whileSelected === selected ? chosen.stackId : undefined) ??
    (stackOfSelected?.kind === 'cue' ? stackOfSelected.stackId : undefined) ??
    show?.stacks[0]?.id;
  const target = show?.stacks.find((s) => s.id === targetId) ?? null;

  const startEdit = useCallback(() => onEdit?.(), [onEdit]);
  const keys = useListKeys({ store, actions, model, viewport, onEdit: startEdit });
  const { drag, handlers: dragHandlers } = useListDrag({ store, model });
  // Enter ends the rename, and so may the blur as the box goes: the first one counts.
  const renamingNow = useRef<string | null>(null);
  renamingNow.current = renaming;
  const onRename = useCallback(
    (stackId: string, name: string | null) => {
      if (renamingNow.current !== stackId) return;
      renamingNow.current = null;
      setRenaming(null);
      if (name !== null) void actions.renameStack(stackId, name);
      viewport.current?.focus();
    },
    [actions],
  );
  const onDelete = useCallback((stackId: string) => void actions.deleteStack(stackId), [actions]);

  if (!show || !model)
    return (
      <nav className="stacks" aria-label="Stacks">
        <p className="stacks-empty">Connecting…</p>
      </nav>
    );

  const onAir = new Set(Object.values(program ?? {}).map((o) => o?.cueId));
  const [start, end] = visibleRange(model, view.top, view.height, OVERSCAN_PX);
  const items: ReactNode[] = [];
  for (let i = start; i < end; i++) {
    const row = model.rows[i]!;
    const top = model.offsets[i]!;
    if (row.kind === 'stack') {
      items.push(
        <StackHeader
          key={`s:${row.stack.id}`}
          stack={row.stack}
          shown={row.shown}
          top={top}
          active={row.stack.id === targetId}
          renaming={renaming === row.stack.id}
          dropHere={drag?.at !== null && drag?.at !== undefined && 'start' in drag.at && drag.at.stackId === row.stack.id}
          onRename={onRename}
          onStartRename={setRenaming}
          onDelete={onDelete}
        />,
      );
    } else if (row.kind === 'cue') {
      const at = drag?.at;
      const drop =
        at && 'beforeCueId' in at && at.beforeCueId === row.cue.id ? 'before' : at && 'afterCueId' in at && at.afterCueId === row.cue.id ? 'after' : null;
      items.push(
        <CueRow
          key={row.cue.id}
          cue={row.cue}
          templateName={templateFacts(registry, row.cue.template)?.name ?? row.cue.template}
          top={top}
          position={row.position}
          setSize={model.cueIds.length}
          selected={row.cue.id === selected}
          preview={row.cue.id === previewId}
          onAir={onAir.has(row.cue.id)}
          dragging={drag?.id === row.cue.id}
          drop={drop}
        />,
      );
    } else {
      items.push(
        <div key={`e:${row.stackId}`} className="empty-row" data-row="empty" data-stack-id={row.stackId} style={{ transform: `translateY(${top}px)` }}>
          Empty: add a cue with + Cue, or drag one here
        </div>,
      );
    }
  }

  return (
    <nav className="stacks" aria-label="Stacks">
      <StackEditorToolbar store={store} actions={actions} target={target} onAdded={startEdit} onStackAdded={setRenaming} />
      <SearchBar filter={filter} onFilter={setFilter} shown={model.cueIds.length} total={model.total === 0 ? 0 : countCues(show)} onLeave={keys.enterList} />
      <div
        ref={viewport}
        className="stack-viewport"
        tabIndex={0}
        role="listbox"
        aria-label="Cues"
        aria-activedescendant={selected && model.rowOfCue.has(selected) ? `cue-row-${selected}` : undefined}
        aria-keyshortcuts={LIST_SHORTCUTS}
        onScroll={onScroll}
        onClick={(e) => {
          const row = (e.target as HTMLElement).closest<HTMLElement>('[data-row]');
          if (row?.dataset.row === 'cue') store.getState().select(row.dataset.cueId!);
          else if (row?.dataset.stackId && !(e.target as HTMLElement).closest('button, input'))
            setChosen({ stackId: row.dataset.stackId, whileSelected: selected });
        }}
        onDoubleClick={(e) => (e.target as HTMLElement).closest('[data-row="cue"]') && startEdit()}
        onKeyDown={keys.onKeyDown}
        {...dragHandlers}
      >
        <div className="stack-rows" style={{ height: model.total }}>
          {items}
        </div>
        {show.stacks.length === 0 && <p className="stacks-empty">No stacks yet: + Stack makes one.</p>}
        {show.stacks.length > 0 && model.rows.length === 0 && <p className="stacks-empty">No cue matches the search.</p>}
      </div>
      <StackHint />
    </nav>
  );
}

/** The key reminder under the list, redrawn when the keymap changes (stack-hint.ts). */
function StackHint() {
  const keymap = useStore(keymapStore, (s) => s.keymap);
  return (
    <p className="stack-hint" aria-hidden="true" data-stack-hint>
      {stackHint(keymap).map((item) => (
        <span key={item.id} className="hint-item" data-hint={item.id}>
          <kbd>{item.keys}</kbd> {item.label}
        </span>
      ))}
      <span className="hint-item">drag to reorder</span>
    </p>
  );
}

const counted = new WeakMap<object, number>();
/** Cues in the show, counted once per show object. */
function countCues(show: { stacks: { cues: unknown[] }[] }): number {
  let n = counted.get(show);
  if (n === undefined) counted.set(show, (n = show.stacks.reduce((sum, s) => sum + s.cues.length, 0)));
  return n;
}

export function layerName(layer: Layer): string {
  return layer.replace('-', ' ');
}
