import { memo, useEffect, useRef, type KeyboardEvent } from 'react';
import type { Stack } from '../../main/engine/show';

interface Props {
  stack: Stack;
  shown: number;
  top: number;
  active: boolean;
  renaming: boolean;
  dropHere: boolean;
  onRename: (stackId: string, name: string | null) => void;
  onStartRename: (stackId: string) => void;
  onDelete: (stackId: string) => void;
}

/** A stack's heading row: its name (double-click or ✎ to rename in place), cue count, delete. */
export const StackHeader = memo(function StackHeader({ stack, shown, top, active, renaming, dropHere, onRename, onStartRename, onDelete }: Props) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (renaming) input.current?.select();
  }, [renaming]);
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // The name is typed here: no key may leave for the list or the air.
    e.stopPropagation();
    if (e.key === 'Enter') onRename(stack.id, e.currentTarget.value);
    else if (e.key === 'Escape') {
      e.preventDefault();
      onRename(stack.id, null);
    }
  };
  const count = shown === stack.cues.length ? `${stack.cues.length}` : `${shown} of ${stack.cues.length}`;
  return (
    <div
      className={`stack-row${active ? ' active' : ''}${dropHere ? ' drop-start' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      data-stack-id={stack.id}
      data-row="stack"
      role="presentation"
    >
      {renaming ? (
        <input
          ref={input}
          className="stack-rename"
          aria-label={`Rename stack ${stack.name}`}
          defaultValue={stack.name}
          maxLength={120}
          onKeyDown={onKeyDown}
          onBlur={(e) => onRename(stack.id, e.currentTarget.value)}
        />
      ) : (
        <h2 className="stack-name" onDoubleClick={() => onStartRename(stack.id)} title="Double-click to rename">
          {stack.name}
        </h2>
      )}
      <span className="stack-count" aria-label={`${count} cues`}>
        {count}
      </span>
      <button type="button" className="icon-btn" aria-label={`Rename stack ${stack.name}`} title="Rename" onClick={() => onStartRename(stack.id)}>
        ✎
      </button>
      <button
        type="button"
        className="icon-btn danger"
        aria-label={`Delete stack ${stack.name}`}
        title="Delete stack (Ctrl+Z undoes)"
        onClick={() => onDelete(stack.id)}
      >
        ✕
      </button>
    </div>
  );
});
