import type { Engine } from '../engine/engine';
import type { Layer } from '../engine/show';
import type { OnAir } from '../engine/protocol-on-air';
import { isOutsideView } from '../templates/outside/contract';

/**
 * An SPX template whose definition says `"out": "<ms>"` takes itself out that
 * long after its take (SPX's own behaviour, which the output's host keeps:
 * overlays/outside/outside-host.ts). The engine must agree, or the program, the
 * console's on-air bar and Companion would show a graphic the picture no longer
 * has: so here, beside the engine, the same time after the take the layer is
 * taken out with the ordinary `out` command (logged in the as-run like any out).
 * A timer per take: a new take, an out or a clear before it runs cancels it.
 * It lives in the server, not the engine, as the engine is pure and has no timers.
 */
export function attachSpxAutoOut(engine: Engine, now: () => number): () => void {
  const timers = new Map<Layer, { takeId: number; timer: ReturnType<typeof setTimeout> }>();

  const follow = (program: Partial<Record<Layer, OnAir>>) => {
    for (const [layer, held] of timers) {
      if (program[layer]?.takeId !== held.takeId) {
        clearTimeout(held.timer);
        timers.delete(layer);
      }
    }
    for (const [layer, onAir] of Object.entries(program) as [Layer, OnAir][]) {
      if (timers.has(layer)) continue;
      const outMs = autoOutMs(onAir);
      if (outMs === null) continue;
      const takeId = onAir.takeId;
      const timer = setTimeout(
        () => {
          timers.delete(layer);
          // Only the graphic this timer was set for: a re-take since has its own.
          if (engine.programSnapshot().program[layer]?.takeId === takeId) engine.dispatch({ type: 'out', layer });
        },
        Math.max(0, onAir.since + outMs - now()),
      );
      timers.set(layer, { takeId, timer });
    }
  };

  follow(engine.programSnapshot().program);
  const unsubscribe = engine.subscribe((event) => {
    if (event.type === 'program') follow(event.data.program);
  });
  return () => {
    unsubscribe();
    for (const held of timers.values()) clearTimeout(held.timer);
    timers.clear();
  };
}

/** The out in ms of an SPX graphic on air; null for any other graphic, or `manual` / `none`. A graphic put back after a crash is left to the operator. */
function autoOutMs(onAir: OnAir): number | null {
  if (onAir.restored || !isOutsideView(onAir.view)) return null;
  const { kind, spxOut } = onAir.view.outside;
  return kind === 'spx' && typeof spxOut === 'number' ? spxOut : null;
}
