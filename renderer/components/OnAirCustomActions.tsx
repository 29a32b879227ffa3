import { useStore } from 'zustand';
import type { Layer } from '../../main/engine/show';
import type { ConsoleStore } from '../store';
import './outside-fields.css';

interface Props {
  store: ConsoleStore;
  layer: Layer;
  /** The template on air on the layer. */
  template: string;
}

/**
 * An OGraf graphic's custom actions (its manifest's customActions), as buttons
 * on its on-air row: each sends `custom-action` for the layer, which every
 * output hands to the graphic. An action with a payload schema is sent with
 * no payload: the API takes one (POST /api/command).
 */
export function OnAirCustomActions({ store, layer, template }: Props) {
  const actions = useStore(store, (s) => s.templates)?.templates.find((t) => t.id === template)?.customActions ?? [];
  if (actions.length === 0) return null;
  const send = store.getState().send;
  return (
    <span className="layer-actions" role="group" aria-label={`Custom actions on ${layer}`}>
      {actions.map((a) => (
        <button
          key={a.id}
          type="button"
          className="btn small custom-action"
          data-action={a.id}
          onClick={() => void send({ type: 'custom-action', layer, action: a.id })}
        >
          {a.name}
        </button>
      ))}
    </span>
  );
}
