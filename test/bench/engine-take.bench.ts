import { performance } from 'node:perf_hooks';
import { Engine } from '../../main/engine/engine';
import { importResults } from '../../main/engine/import';
import { SHOW_FORMAT_VERSION, type Show } from '../../main/engine/show';
import { REFERENCE_DIR } from '../../main/server/headless';
import { loadReferenceData } from '../../main/server/reference-data';
import { TEMPLATES, TEMPLATE_DEFINITIONS } from '../../main/templates/definitions';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { summarise, type Summary } from './stats';

const RUNS = Number(process.env.BENCH_ENGINE_TAKES ?? 2000);
const WARMUP = 200;
/** The takes that do the most work on the engine's side: a strap, a bound card and the 650-seat map. */
const TIMED = ['strap', 'seat-result', 'hex-map'] as const;

/** Every template's demo cue on its own layer, so one take never has to wait for another's out. */
function engineShow(): Show {
  const cues = TEMPLATE_DEFINITIONS.map((t) => ({ id: t.id, title: t.name, template: t.id, layer: t.layer, fields: t.demo }));
  return { format: 'strapline-show', version: SHOW_FORMAT_VERSION, name: 'Engine bench', stacks: [{ id: 'bench', name: 'Bench', cues }] };
}

function must(engine: Engine, command: unknown): void {
  const r = engine.dispatch(command);
  if (!r.ok) throw new Error(`engine bench: ${JSON.stringify(command)} refused: ${r.error.message}`);
}

/**
 * The engine's take command alone, in microseconds: no socket, no page. The cue is
 * loaded first (the preload, as an operator does), then only the take is timed,
 * with the whole 2024 night declared so bound templates read real results. The
 * floor is a command that changes nothing (cueing the cue already in preview):
 * parsing and dispatch with no playout work, in the same run.
 */
export async function benchEngineTake(): Promise<Record<string, Summary>> {
  const reference = await loadReferenceData(REFERENCE_DIR);
  const file = path.join(REFERENCE_DIR, 'ge2024-results.json');
  const night = importResults(await readFile(file, 'utf8'), file, 'strapline-json').rows;
  let clock = 0;
  const engine = new Engine({
    show: engineShow(),
    baseline: reference.baseline,
    constituencies: reference.constituencies,
    templates: TEMPLATES,
    now: () => clock,
  });
  must(engine, { type: 'declare-results', source: 'bench', seats: night });
  // As the server does: every program snapshot is read by a listener (the view hub).
  engine.subscribe((e) => void (e.type === 'program' && e.data.revision));
  const figures: Record<string, Summary> = {};
  const floor: number[] = [];
  for (const id of TIMED) {
    const layer = TEMPLATES.get(id)!.layer;
    const takes: number[] = [];
    for (let i = 0; i < RUNS + WARMUP; i++) {
      clock += 1000; // past the minimum take interval
      if (engine.programSnapshot().program[layer]) must(engine, { type: 'out', layer });
      must(engine, { type: 'cue', cueId: id });
      const f0 = performance.now();
      must(engine, { type: 'cue', cueId: id });
      const t0 = performance.now();
      must(engine, { type: 'take', cueId: id });
      const t1 = performance.now();
      if (i >= WARMUP) {
        takes.push((t1 - t0) * 1000);
        floor.push((t0 - f0) * 1000);
      }
    }
    figures[`engine_take_${id.replace('-', '_')}_us`] = summarise(takes);
  }
  figures.baseline_engine_noop_us = summarise(floor);
  return figures;
}
