import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import type { ConsoleStore } from '../store';
import type { Layer } from '../../main/engine/show';

export function StackList({ store }: { store: ConsoleStore }) {
  const show = useStore(store, (s) => s.show);
  const selected = useStore(store, (s) => s.selectedCueId);
  const program = useStore(store, (s) => s.program?.program);
  const select = useStore(store, (s) => s.select);
  const list = useRef<HTMLDivElement>(null);
  const onAirIds = new Set(Object.values(program ?? {}).map((o) => o?.cueId));

  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  if (!show) return <nav className="stacks" aria-label="Stacks">Connecting…</nav>;
  return (
    <nav className="stacks" aria-label="Stacks" ref={list}>
      <h1 className="show-name">{show.name}</h1>
      {show.stacks.map((stack) => (
        <section key={stack.id} className="stack" aria-label={stack.name}>
          <h2>{stack.name}</h2>
          <div role="listbox" aria-label={`${stack.name} cues`}>
            {stack.cues.map((cue) => (
              <div
                key={cue.id}
                role="option"
                tabIndex={-1}
                aria-selected={cue.id === selected}
                data-cue-id={cue.id}
                className={`cue${cue.id === selected ? ' selected' : ''}${onAirIds.has(cue.id) ? ' on-air' : ''}`}
                onClick={() => select(cue.id)}
              >
                <span className="cue-title">{cue.title}</span>
                <span className="cue-meta">{cue.template} · {layerName(cue.layer)}</span>
              </div>
            ))}
          </div>
        </section>
      ))}
    </nav>
  );
}

export function layerName(layer: Layer): string {
  return layer.replace('-', ' ');
}
