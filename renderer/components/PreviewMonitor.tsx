import { useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { ConsoleStore } from '../store';
import type { OnAir, ProgramSnapshot } from '../../main/engine/protocol';
import { findCue, type Layer } from '../../main/engine/show';
import { compose, holderName, type LayerShown } from '../../main/engine/composition';
import { drawingOf, OutputRenderer } from '../../overlays/output-renderer';
import { whenHexLayoutsReady } from '../../overlays/graphics/hex-map/layout-loader';
import { fitStage } from '../../overlays/stage';
import { templateFacts } from '../template-facts';
import { MonitorFrame } from './ProgramMonitor';
import { layerName } from './StackList';

const EMPTY: ProgramSnapshot = { revision: 0, program: {}, preview: null, composition: compose([]), at: 0 };

/** The program as it will be after the take: the cue on its layer, the rest as on air, composed by the engine's rules. */
function afterTake(program: ProgramSnapshot['program'], layer: Layer, onAir: OnAir): ProgramSnapshot {
  const next = { ...program, [layer]: onAir };
  return { ...EMPTY, program: next, composition: compose(Object.keys(next) as Layer[]) };
}

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
  const program = useStore(store, (s) => s.program?.program);
  // Redrawn when what is on air changes (a take, a step, an update), not on every snapshot.
  const programKey = Object.entries(program ?? {})
    .map(([l, o]) => `${l}:${o?.takeId}:${o?.step}:${o?.updateSeq}`)
    .join();
  const cue = show && selectedId ? findCue(show, selectedId)?.cue : undefined;
  const registry = useStore(store, (s) => s.templates);
  // OGraf's -1 (dynamic steps) has no end to scrub to: one step.
  const steps = cue ? Math.max(1, templateFacts(registry, cue.template)?.steps ?? 1) : 1;
  const [step, setStep] = useState(1);
  const shown = Math.min(step, steps);
  const shownPreview = cue && preview?.cueId === cue.id ? preview : null;
  const view = shownPreview?.view ?? null;
  // Snapshots arrive as new objects each time: the engine numbers each view, so an unchanged cue is not rebuilt.
  const viewRevision = shownPreview?.viewRevision ?? null;
  const takeId = useMemo(() => nextTakeId(), [cue?.id, cue?.template, cue?.layer, viewRevision]);

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
      if (!cue || !view || viewRevision === null) return renderer.current!.cut(EMPTY);
      // A hex map of an election whose layout has not arrived: drawn once it has.
      const asPreview = { ...EMPTY, preview: { cueId: cue.id, template: cue.template, layer: cue.layer, fields: cue.fields, view, viewRevision } };
      const layout = whenHexLayoutsReady(asPreview);
      if (layout) return void layout.then(() => whenHexLayoutsReady(asPreview) === null && draw());
      const onAir = {
        takeId,
        cueId: cue.id,
        title: cue.title,
        template: cue.template,
        fields: cue.fields,
        view,
        viewRevision,
        step: shown,
        steps,
        updateSeq: 0,
        since: 0,
      };
      // The cue already on air is drawn once, at the scrubber's step.
      const others = Object.fromEntries(Object.entries(store.getState().program?.program ?? {}).filter(([, o]) => o?.cueId !== cue.id));
      renderer.current!.cut(afterTake(others, cue.layer, onAir), { ghostHeld: true });
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
  }, [takeId, shown, steps, programKey]);

  const leaving = cue && view ? heldAfterTake(program ?? {}, cue.layer) : [];

  const note = lost
    ? 'Engine lost'
    : !cue
      ? 'Select a cue'
      : !drawingOf(cue.template, view)
        ? `No drawing for template "${cue.template}"`
        : !view
          ? 'Cueing…'
          : null;
  return (
    <MonitorFrame kind="preview" title="PREVIEW" tally={cue ? cue.title : null} lost={lost} stage={stage} box={box}>
      <div className="scrubber">
        <label htmlFor="preview-step">Step</label>
        <input
          id="preview-step"
          type="range"
          min={1}
          max={steps}
          step={1}
          value={shown}
          disabled={steps < 2}
          aria-valuetext={`Step ${shown} of ${steps}`}
          onChange={(e) => setStep(Number(e.target.value))}
        />
        <output htmlFor="preview-step" data-preview-step>{`${shown} / ${steps}`}</output>
        {note && (
          <span className="monitor-note" role="status">
            {note}
          </span>
        )}
        {leaving.length > 0 && (
          <span className="monitor-note monitor-held" data-preview-held={leaving.map((l) => l.layer).join(' ')}>
            {`HELD BY ${holderName(leaving[0]!.by).toUpperCase()}: ${leaving.map((l) => layerName(l.layer).toUpperCase()).join(', ')}`}
          </span>
        )}
      </div>
    </MonitorFrame>
  );
}

/** The layers that a take on this layer leaves held (off the picture, still in the program), itself included. */
function heldAfterTake(program: ProgramSnapshot['program'], layer: Layer): { layer: Layer; by: Layer }[] {
  const { layers } = compose([...(Object.keys(program) as Layer[]), layer]);
  return (Object.entries(layers) as [Layer, LayerShown][]).flatMap(([l, shown]) => (shown.visibility === 'held' ? [{ layer: l, by: shown.by }] : []));
}

let takeCounter = 0;
/** A fresh id makes the renderer rebuild the graphic instead of treating it as the one it shows. */
function nextTakeId(): number {
  takeCounter += 1;
  return -takeCounter;
}
