import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { ConsoleStore } from '../store';
import type { OperatorActions } from '../commands';
import { findCue, LAYERS, type Layer } from '../../main/engine/show';
import { layerName } from './StackList';
import { holderName } from '../../main/engine/composition';
import { keymapStore } from '../hotkeys';
import { ariaShortcuts, formatChord, type ActionId } from '../keymap';
import { describeTarget, outTarget } from '../out-target';
import { OnAirCustomActions } from './OnAirCustomActions';

export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(t);
  }, [intervalMs]);
  return now;
}

function duration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(h ? 2 : 1, '0');
  return `${h ? `${h}:` : ''}${mm}:${String(s % 60).padStart(2, '0')}`;
}

/** Every layer at a glance: what is on air, which step, for how long, its OUT, and what the out key will take off. */
export function OnAirBar({ store, onOut }: { store: ConsoleStore; onOut: (layer: Layer) => void }) {
  const program = useStore(store, (s) => s.program);
  const lost = useStore(store, (s) => s.connection !== 'open');
  const target = useStore(
    store,
    useShallow((s) => outTarget(s)),
  );
  const outKey = useStore(keymapStore, (s) => s.keymap.out[0]);
  const now = useNow(500);
  // Times on air are measured on the engine's clock, not this machine's.
  const skew = program ? program.at - Date.now() : 0;
  const keyName = outKey ? formatChord(outKey) : 'The out key';
  return (
    <div className={`on-air${lost ? ' engine-lost' : ''}`} data-engine-lost={lost || undefined}>
      {lost && (
        <p className="on-air-lost" role="status">
          ENGINE LOST · the layers below are the last known air, not the air now
        </p>
      )}
      {/* The out key's target is marked on its row before the key is pressed; the list's description names it. */}
      <p id="out-target-text" className="visually-hidden" data-out-target-text>{`${keyName} takes off: ${describeTarget(target)}`}</p>
      <ul className="on-air-bar" aria-label="On air by layer" aria-describedby="out-target-text">
        {LAYERS.map((layer) => {
          const onAir = program?.program[layer];
          const name = layerName(layer);
          const targeted = target.layer === layer;
          const pick = () => store.getState().pickOut(targeted || !onAir ? null : { layer, takeId: onAir.takeId });
          const shown = program?.composition.layers[layer];
          // Still on air (its step, its updates), but off the picture until the board goes.
          const heldBy = shown?.visibility === 'held' ? shown.by : null;
          return (
            <li
              key={layer}
              className={`layer-row${onAir ? ' live' : ''}${targeted ? ' out-target' : ''}${heldBy ? ' held' : ''}`}
              data-layer-row={layer}
              data-out-target={targeted || undefined}
              data-held-by={heldBy ?? undefined}
            >
              {/* Pointing the out key at a layer is a console choice: it sends nothing to the engine. */}
              <button
                type="button"
                className="layer-name layer-pick"
                disabled={!onAir}
                aria-pressed={targeted}
                onClick={pick}
                aria-label={`Point the out key at ${name}`}
              >
                {name}
                {targeted && (
                  <kbd className="out-key" aria-hidden="true" title={`${keyName} takes this off`}>
                    {outKey ? keyName : 'OUT'}
                  </kbd>
                )}
              </button>
              <span className="layer-what-cell">
                <span className="layer-what">{onAir ? onAir.title : 'clear'}</span>
                {onAir && <span className="layer-template">{heldBy ? `held by ${holderName(heldBy)}` : onAir.template}</span>}
                {onAir && <OnAirCustomActions store={store} layer={layer} template={onAir.template} />}
              </span>
              <span className="layer-step" data-step={onAir ? `${onAir.step}/${onAir.steps}` : undefined}>
                {onAir ? `STEP ${onAir.step} of ${onAir.steps}` : ''}
              </span>
              <span className="layer-time" aria-label={onAir ? `${name} on air for` : undefined}>
                {onAir && !lost ? duration(now + skew - onAir.since) : ''}
              </span>
              <button type="button" className="btn small out" disabled={!onAir} onClick={() => onOut(layer)} aria-label={`Take ${name} out`}>
                OUT
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function KeyHint({ action }: { action: ActionId }) {
  const key = useStore(keymapStore, (s) => s.keymap[action][0]);
  return key ? <kbd aria-hidden="true">{formatChord(key)}</kbd> : null;
}

/** TAKE, NEXT and UPDATE act on the selected cue, OUT on the on-air bar's target; CLEAR ALL on everything, at once, never asking. */
export function Transport({ store, actions }: { store: ConsoleStore; actions: OperatorActions }) {
  const keymap = useStore(keymapStore, (s) => s.keymap);
  const show = useStore(store, (s) => s.show);
  const selected = useStore(store, (s) => s.selectedCueId);
  const program = useStore(store, (s) => s.program?.program);
  const cue = show && selected ? findCue(show, selected)?.cue : undefined;
  const onLayer = cue ? program?.[cue.layer] : undefined;
  const isLive = onLayer?.cueId === cue?.id && cue !== undefined;
  const canOut = useStore(store, (s) => outTarget(s).layer !== null);
  const button = (action: ActionId, label: string, run: () => void, disabled: boolean, className = '') => (
    <button type="button" className={`btn ${className}`} onClick={run} disabled={disabled} aria-keyshortcuts={ariaShortcuts(keymap, action)}>
      {label} <KeyHint action={action} />
    </button>
  );
  return (
    <div className="transport" role="toolbar" aria-label="Playout">
      {button('take', 'TAKE', actions.take, !cue || isLive, 'take')}
      {button('next', 'NEXT', actions.next, !onLayer || onLayer.step >= onLayer.steps)}
      {button('update', 'UPDATE', () => actions.update(), !onLayer)}
      {button('out', 'OUT', actions.outTargeted, !canOut)}
      {button('clear-all', 'CLEAR ALL', actions.clearAll, false, 'clear')}
    </div>
  );
}
