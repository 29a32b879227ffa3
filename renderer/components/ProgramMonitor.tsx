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
  /** The engine is lost: the picture is the last it sent, and the tally says so. */
  lost: boolean;
  /** Under the picture: the scrubber on preview. */
  children?: ReactNode;
}

/**
 * A 1920x1080 stage scaled into a 16:9 box, as both monitors draw it, with the
 * title-safe toggle (the output's own .show-safe overlay, so it is the same frame).
 */
export function MonitorFrame({ kind, title, tally, lost, stage, box, children }: FrameProps) {
  const [safe, setSafe] = useState(false);
  return (
    <figure
      className={`monitor monitor-${kind}${lost ? ' engine-lost' : ''}`}
      aria-label={`${title} monitor`}
      data-monitor={kind}
      data-engine-lost={lost || undefined}
    >
      <figcaption className="monitor-head">
        <span className="monitor-title">{title}</span>
        {tally && (
          <span className={`tally tally-${lost ? 'lost' : kind}`} data-tally>
            {tally}
          </span>
        )}
        <button
          type="button"
          className="btn tiny safe-toggle"
          aria-pressed={safe}
          onClick={() => setSafe(!safe)}
          aria-label={`Title-safe guides on the ${title.toLowerCase()} monitor`}
        >
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
  const lost = useStore(store, (s) => s.connection !== 'open');
  useEffect(() => {
    const renderer = new OutputRenderer(stage.current!);
    const unfit = fitStage(stage.current!, box.current!);
    let cutEpoch = -1;
    const draw = () => {
      const { program: snapshot, epoch } = store.getState();
      if (!snapshot) return;
      // Like an output that (re)connects: cut to the steady state, then animate every change. A restarted
      // engine counts its revisions from 1 again, so an animated render would ignore its snapshots as old.
      if (epoch !== cutEpoch) renderer.cut(snapshot);
      else renderer.render(snapshot);
      cutEpoch = epoch;
    };
    draw();
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.program !== prev.program || s.epoch !== prev.epoch) draw();
    });
    return () => {
      unsubscribe();
      unfit();
    };
  }, [store]);
  // Lost, the picture is the last one the engine sent: said on the tally, not passed off as the air.
  const tally = lost ? 'ENGINE LOST' : live ? `ON AIR · ${live}` : null;
  return <MonitorFrame kind="program" title="PROGRAM" tally={tally} lost={lost} stage={stage} box={box} />;
}
