import { memo } from 'react';
import type { Cue } from '../../main/engine/show';

interface Props {
  cue: Cue;
  /** From the registry (renderer/template-facts.ts): a plain string, so the memo holds. */
  templateName: string;
  top: number;
  position: number;
  setSize: number;
  selected: boolean;
  preview: boolean;
  onAir: boolean;
  dragging: boolean;
  drop: 'before' | 'after' | null;
}

/**
 * One cue. Memoised on plain props, so moving the selection re-renders the two
 * rows that changed and nothing else, however long the stack. Clicks, drags
 * and keys are handled once, on the list.
 */
export const CueRow = memo(function CueRow({ cue, templateName, top, position, setSize, selected, preview, onAir, dragging, drop }: Props) {
  const state = [selected && 'selected', onAir && 'on-air', preview && 'preview', dragging && 'dragging', drop && `drop-${drop}`].filter(Boolean).join(' ');
  return (
    <div
      id={`cue-row-${cue.id}`}
      role="option"
      aria-selected={selected}
      aria-posinset={position}
      aria-setsize={setSize}
      data-cue-id={cue.id}
      data-row="cue"
      draggable
      className={`cue ${state}`}
      style={{ transform: `translateY(${top}px)` }}
    >
      <span className="cue-number" aria-hidden="true">
        {position}
      </span>
      <span className="cue-main">
        <span className="cue-title">{cue.title}</span>
        <span className="cue-meta">
          {templateName} · <span className={`cue-layer layer-${cue.layer}`}>{cue.layer.replace('-', ' ')}</span>
        </span>
      </span>
      {onAir ? <span className="cue-tally air">ON AIR</span> : preview ? <span className="cue-tally pvw">PVW</span> : null}
    </div>
  );
});
