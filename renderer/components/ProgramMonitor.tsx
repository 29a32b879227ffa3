import { useEffect, useRef } from 'react';
import type { ConsoleStore } from '../store';
import { OutputRenderer } from '../../overlays/output-renderer';
import { fitStage } from '../../overlays/stage';

/** Mirrors the output with the real output renderer, scaled to fit. */
export function ProgramMonitor({ store }: { store: ConsoleStore }) {
  const box = useRef<HTMLDivElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const renderer = new OutputRenderer(stage.current!);
    const unfit = fitStage(stage.current!, box.current!);
    let first = true;
    const draw = (snapshot = store.getState().program) => {
      if (!snapshot) return;
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
  return (
    <figure className="monitor" aria-label="Program monitor">
      <div className="monitor-box" ref={box}>
        <div className="stage" ref={stage} />
      </div>
      <figcaption>PROGRAM</figcaption>
    </figure>
  );
}
