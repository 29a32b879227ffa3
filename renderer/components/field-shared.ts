import type { KeyboardEvent } from 'react';
import type { FieldModel, Raw } from '../cue-form';

// What every field control shares: FieldInput.tsx, the pickers and the row editors import it from here, not from each
// other, so the console's field modules form no import cycle (a row editor is handed the cell control as a prop).

export interface FieldProps {
  field: FieldModel;
  /** Unique on the page: inputs, labels and messages are tied together by it. */
  id: string;
  raw: Raw;
  /** Messages for this field and anything inside it, by path. */
  errors: [string, string][];
  onChange: (raw: Raw) => void;
  /** Save what was typed (or this value, for pickers that save on choice). */
  onCommit: (raw?: Raw) => void;
  /** Escape: back to the saved value. */
  onRevert: () => void;
}

/**
 * Enter saves a line; Escape puts the saved value back. Both stay in the field. Enter hands over
 * what the field holds now, so a save never depends on a render that has not caught up with typing.
 */
export function lineKeys(commit: (value: string) => void, revert: () => void) {
  return (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit(e.currentTarget.value);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      revert();
    }
  };
}
