import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useStore } from 'zustand';
import type { ConsoleStore } from '../store';
import { OutputRenderer } from '../../overlays/output-renderer';
import { fitStage } from '../../overlays/stage';

interface FrameProps {
  kind: 'preview' | 'program';
  title: string;
  /** The tally: lit red on program when anything is on air. */
  tally: string | null;
  stage: RefObject<HTMLDivElement | null>;
  box: RefObject<HTMLDivElement | null>;
  /** Under the picture: the scrubber on preview. */
  children?: ReactNode;
}

/**
 * A 1920x1080 stage scaled into a 16:9 box, as both monitors draw it, with the
 * title-safe toggle (the output's own .show-safe overlay, so it is the same frame).
 */
export function MonitorFrame({ kind, title, tally, stage, box, children }: FrameProps) {
  const [safe, setSafe] = useState(false);
  return (
    <figure className={`monitor monitor-${kind}`} aria-label={`${title} monitor`} data-monitor={kind}>
      <figcaption className="monitor-head">
        <span className="monitor-title">{title}</span>
        {tally && <span className={`tally tally-${kind}`}>{tally}</span>}
        <button type="button" className="btn tiny safe-toggle" aria-pressed={safe} onClick={() => setSafe(!safe)}
          aria-label={`Title-safe guides on the ${title.toLowerCase()} monitor`}>
          SAFE
        </button>
      </figcaption>
      <div className="monitor-box" ref={box}>
        <div className={`stage${safe ? ' show-safe' : ''}`} ref={stage} />
      </div>
      {children}
    </figure>
  );
}

/** Mirrors the output with the real output renderer: what the vision mixer sees, animations and all. */
export function ProgramMonitor({ store }: { store: ConsoleStore }) {
  const box = useRef<HTMLDivElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  const live = useStore(store, (s) => Object.keys(s.program?.program ?? {}).length);
  useEffect(() => {
    const renderer = new OutputRenderer(stage.current!);
    const unfit = fitStage(stage.current!, box.current!);
    let first = true;
    const draw = (snapshot = store.getState().program) => {
      if (!snapshot) return;
      // Like an output that (re)connects: cut to the steady state once, then animate every change.
      if (first) renderer.cut(snapshot);
      else renderer.render(snapshot);
      first = false;
    };
    draw();
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.program !== prev.program) draw(s.program);
    });
    return () => {
      unsubscribe();
      unfit();
    };
  }, [store]);
  return <MonitorFrame kind="program" title="PROGRAM" tally={live ? `ON AIR · ${live}` : null} stage={stage} box={box} />;
}
