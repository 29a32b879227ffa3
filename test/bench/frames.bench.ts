import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { SHOW_FORMAT_VERSION, type Show } from '../../main/engine/show';
import { REFERENCE_DIR } from '../../main/server/headless';
import { TEMPLATE_DEFINITIONS } from '../../main/templates/definitions';
import { launchChromium } from '../support/chromium';
import { spawnServer } from '../support/server-process';
import { summarise, type Summary } from './stats';

const RUNS = Number(process.env.BENCH_FRAME_RUNS ?? 12);
const WARMUP = 2;
/** One frame at 60 Hz; an interval past 1.5 of these has missed at least one. */
export const FRAME_MS = 1000 / 60;

export interface FrameSummary extends Summary {
  droppedShare: number;
  intervals: number;
}

/** The frames a run of intervals should have drawn and did not: an interval of n frames missed n - 1. */
export function droppedFrames(intervals: readonly number[]): { missed: number; share: number } {
  let missed = 0;
  for (const ms of intervals) if (ms > 1.5 * FRAME_MS) missed += Math.round(ms / FRAME_MS) - 1;
  return { missed, share: missed / (intervals.length + missed || 1) };
}

function frameSummary(intervals: number[], runs: number): FrameSummary {
  const { share } = droppedFrames(intervals);
  return { ...summarise(intervals), runs, intervals: intervals.length, droppedShare: Math.round(share * 10_000) / 10_000 };
}

/** One cue a template, with its demo fields, on its own layer. */
function framesShow(): Show {
  const cues = TEMPLATE_DEFINITIONS.map((t) => ({ id: `frames-${t.id}`, title: t.name, template: t.id, layer: t.layer, fields: t.demo }));
  return { format: 'strapline-show', version: SHOW_FORMAT_VERSION, name: 'Frames', stacks: [{ id: 'frames', name: 'Frames', cues }] } as Show;
}

/**
 * In the output page: a control socket of its own, and a recorder that keeps
 * every requestAnimationFrame time from the take until the graphic has been
 * still for QUIET_MS after its in and each step. "Still" is read off the DOM
 * (GSAP writes a style on every frame it animates), so it needs nothing from
 * the template; a graphic that never rests (a scrolling ticker) stops at MAX_MS.
 */
async function installRecorder(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const QUIET_MS = 250;
    const MAX_MS = 4000;
    const IDLE_MS = 500;
    const ws = new WebSocket(`ws://${location.host}/ws?role=console`);
    await new Promise((r) => (ws.onopen = r));
    let nextId = 1;
    const waiting = new Map<number, (r: { ok: boolean; error?: { message: string } }) => void>();
    ws.onmessage = (e) => {
      const m = JSON.parse(String(e.data));
      if (m.type === 'result') waiting.get(m.id)?.(m.result);
    };
    const send = (command: unknown) =>
      new Promise<{ ok: boolean; error?: { message: string } }>((resolve) => {
        const id = nextId++;
        waiting.set(id, resolve);
        ws.send(JSON.stringify({ id, command }));
      }).then((r) => {
        if (!r.ok) throw new Error(`${JSON.stringify(command)}: ${r.error?.message}`);
      });
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    (window as any).__frames = async (cueId: string, layer: string, steps: number) => {
      const slot = document.querySelector(`[data-layer-slot="${layer}"]`)!;
      await send({ type: 'cue', cueId });
      await sleep(150); // the preload, as an operator's cue leaves time for it
      let lastChange = performance.now();
      const observer = new MutationObserver(() => (lastChange = performance.now()));
      observer.observe(slot, { subtree: true, childList: true, attributes: true, characterData: true });
      const stamps: number[] = [];
      let recording = true;
      const tick = (t: number) => {
        stamps.push(t);
        if (recording) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      // A phase (the in, or one step) runs from its command until the graphic has been still for QUIET_MS.
      const windows: [number, number][] = [];
      const phase = async (command: unknown) => {
        const began = performance.now();
        await send(command);
        for (;;) {
          const now = performance.now();
          const moved = lastChange >= began;
          if (moved && now - lastChange >= QUIET_MS) break;
          if (now - began >= (moved ? MAX_MS : 1000)) break;
          await sleep(20);
        }
        if (lastChange >= began) windows.push([began, lastChange]);
      };
      await phase({ type: 'take', cueId });
      for (let step = 2; step <= steps; step++) await phase({ type: 'next', layer });
      recording = false;
      observer.disconnect();
      // An interval counts when the frame it starts from is inside a phase: up to and including the one that drew the last change.
      const intervals: number[] = [];
      for (let i = 1; i < stamps.length; i++) {
        const from = stamps[i - 1]!;
        if (windows.some(([a, b]) => from >= a && from <= b)) intervals.push(stamps[i]! - from);
      }
      await send({ type: 'out', layer });
      // The cue stays in preview, so its preload waits in the slot again: wait for the aired copy only.
      while (slot.querySelector('[data-cue-id]')) await sleep(20);
      // The baseline, in the same run: frames with nothing moving, so a busy machine shows as such.
      const idle: number[] = [];
      await new Promise<void>((resolve) => {
        let prev = 0;
        const until = performance.now() + IDLE_MS;
        const idleTick = (t: number) => {
          if (prev) idle.push(t - prev);
          prev = t;
          if (t < until) requestAnimationFrame(idleTick);
          else resolve();
        };
        requestAnimationFrame(idleTick);
      });
      return { intervals, idle };
    };
  });
}

/** Frame intervals of every template's (or only some: `only`) in-animation and steps, in the real output page, with the whole 2024 night declared. */
export async function benchFrames(only: readonly string[] = []): Promise<Record<string, FrameSummary>> {
  const server = await spawnServer(framesShow());
  const browser = await launchChromium();
  try {
    const results = await readFile(path.join(REFERENCE_DIR, 'ge2024-results.json'), 'utf8');
    const imported = await fetch(`${server.url}/api/import?format=strapline-json&name=ge2024-results.json`, { method: 'POST', body: results });
    if (!imported.ok) throw new Error(`frames bench: importing the 2024 results failed: ${await imported.text()}`);
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    page.on('pageerror', (e) => console.error(`frames bench page: ${e.message}`));
    await page.addInitScript({ content: 'window.__name = (f) => f;' });
    await page.goto(`${server.url}/output`);
    await page.waitForFunction(() => document.body.dataset.connection === 'open');
    await installRecorder(page);
    const figures: Record<string, FrameSummary> = {};
    const idle: number[] = [];
    const measured = TEMPLATE_DEFINITIONS.filter((t) => only.length === 0 || only.includes(t.id));
    for (const t of measured) {
      const intervals: number[] = [];
      for (let run = 0; run < RUNS + WARMUP; run++) {
        const got = await page.evaluate(
          ([id, layer, steps]) => (window as any).__frames(id, layer, steps) as Promise<{ intervals: number[]; idle: number[] }>,
          [`frames-${t.id}`, t.layer, t.steps] as const,
        );
        if (run < WARMUP) continue;
        intervals.push(...got.intervals);
        idle.push(...got.idle);
      }
      figures[`frames_${t.id}`] = frameSummary(intervals, RUNS);
    }
    figures.frames_baseline_idle = frameSummary(idle, RUNS * measured.length);
    return figures;
  } finally {
    await browser.close();
    await server.stop();
  }
}
