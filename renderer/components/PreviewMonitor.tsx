import { useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { ConsoleStore } from '../store';
import type { ProgramSnapshot } from '../../main/engine/protocol';
import { findCue } from '../../main/engine/show';
import { OutputRenderer } from '../../overlays/output-renderer';
import { fitStage } from '../../overlays/stage';
import { TEMPLATES } from '../../overlays/graphics/definitions';
import { VIEWS } from '../../overlays/graphics/views';
import { MonitorFrame } from './ProgramMonitor';

const EMPTY: ProgramSnapshot = { revision: 0, program: {}, preview: null, at: 0 };

/**
 * The selected cue exactly as it will air: the engine's resolved view (bound
 * figures included) drawn by the output's own renderer, cut to the step the
 * scrubber picks. Selecting a cue cues it, so the engine's preview is this cue.
 */
export function PreviewMonitor({ store }: { store: ConsoleStore }) {
  const box = useRef<HTMLDivElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  const renderer = useRef<OutputRenderer | null>(null);
  const show = useStore(store, (s) => s.show);
  const selectedId = useStore(store, (s) => s.selectedCueId);
  const preview = useStore(store, (s) => s.program?.preview ?? null);
  const lost = useStore(store, (s) => s.connection !== 'open');
  const cue = show && selectedId ? findCue(show, selectedId)?.cue : undefined;
  const steps = cue ? (TEMPLATES.get(cue.template)?.steps ?? 1) : 1;
  const [step, setStep] = useState(1);
  const shown = Math.min(step, steps);
  const view = cue && preview?.cueId === cue.id ? preview.view : null;
  // Snapshots arrive as new objects each time: compare the drawing by value, so an unchanged cue is not rebuilt.
  const viewKey = view ? JSON.stringify(view) : null;
  const takeId = useMemo(() => nextTakeId(), [cue?.id, cue?.template, cue?.layer, viewKey]);

  useEffect(() => setStep(1), [selectedId]);

  useEffect(() => {
    renderer.current = new OutputRenderer(stage.current!);
    return fitStage(stage.current!, box.current!);
  }, []);

  useEffect(() => {
    if (!renderer.current) return;
    // Until the engine's preview of the new cue arrives, the old picture stays: no blank frame.
    if (cue && !view) return;
    const draw = () => {
      if (!cue || !view) return renderer.current!.cut(EMPTY);
      const onAir = { takeId, cueId: cue.id, title: cue.title, template: cue.template, fields: cue.fields, view, step: shown, steps, updateSeq: 0, since: 0 };
      renderer.current!.cut({ ...EMPTY, program: { [cue.layer]: onAir } });
      // The stack list owns [data-cue-id] on this page: the preview's copy of the selected cue is renamed, so
      // a lookup by cue id finds the cue, not its picture. The renderer never reads the attribute back.
      for (const el of stage.current!.querySelectorAll<HTMLElement>('[data-cue-id]')) {
        el.dataset.previewCueId = el.dataset.cueId;
        delete el.dataset.cueId;
      }
    };
    // Built after the frame that shows the operator's key press, so moving through a stack never waits on a drawing.
    let timer = 0;
    const frame = requestAnimationFrame(() => (timer = window.setTimeout(draw)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
    // takeId stands for cue and view; the objects themselves change identity on every snapshot.
  }, [takeId, shown, steps]);

  const note = lost ? 'Engine lost'
    : !cue ? 'Select a cue' : !VIEWS[cue.template] ? `No drawing for template "${cue.template}"` : !view ? 'Cueing…' : null;
  return (
    <MonitorFrame kind="preview" title="PREVIEW" tally={cue ? cue.title : null} lost={lost} stage={stage} box={box}>
      <div className="scrubber">
        <label htmlFor="preview-step">Step</label>
        <input id="preview-step" type="range" min={1} max={steps} step={1} value={shown} disabled={steps < 2}
          aria-valuetext={`Step ${shown} of ${steps}`} onChange={(e) => setStep(Number(e.target.value))} />
        <output htmlFor="preview-step" data-preview-step>{`${shown} / ${steps}`}</output>
        {note && <span className="monitor-note" role="status">{note}</span>}
      </div>
    </MonitorFrame>
  );
}

let takeCounter = 0;
/** A fresh id makes the renderer rebuild the graphic instead of treating it as the one it shows. */
function nextTakeId(): number {
  takeCounter += 1;
  return -takeCounter;
}
