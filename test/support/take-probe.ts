import type { Page } from 'playwright-core';

/** One take as the output page saw it, on the page's own clock from the moment it was sent. */
export interface TakeTiming {
  /** The engine's answer came back over the socket. */
  answered: number;
  /** The graphic's element landed in the output's DOM. */
  dom: number;
  /** The first animation frame painted with it. */
  frame: number;
}

/**
 * In an output page: a console socket of its own that cues and takes, and a
 * MutationObserver on the stage that sees the take land. `echoUrl` adds a bare
 * WebSocket echo, the machine's floor (take-latency.bench.ts). Messages over
 * 1 MB (a big show's snapshot, sent to every console) are not parsed: the probe
 * measures the output, not the console's JSON.parse.
 */
export async function installTakeProbe(page: Page, echoUrl: string | null = null): Promise<void> {
  await page.evaluate(async (echoAt) => {
    const echo = echoAt === null ? null : new WebSocket(echoAt);
    if (echo) await new Promise((r) => (echo.onopen = r));
    const ws = new WebSocket(`ws://${location.host}/ws?role=console`);
    await new Promise((r) => (ws.onopen = r));
    let nextId = 1;
    const waiting = new Map<number, (ms: number, error: string | null) => void>();
    const sentAt = new Map<number, number>();
    ws.onmessage = (e) => {
      if (typeof e.data === 'string' && e.data.length > 1_000_000) return;
      const m = JSON.parse(String(e.data));
      if (m.type === 'result') {
        waiting.get(m.id)?.(performance.now() - sentAt.get(m.id)!, m.result.ok ? null : String(m.result.error.message));
      }
    };
    // A refused command rejects, so a take that will never land fails loudly instead of waiting for ever.
    const send = (command: unknown) =>
      new Promise<number>((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, (ms, error) => (error === null ? resolve(ms) : reject(new Error(`probe: ${JSON.stringify(command)} refused: ${error}`))));
        sentAt.set(id, performance.now());
        ws.send(JSON.stringify({ id, command }));
      });
    const stage = document.getElementById('stage')!;
    (window as any).__probe = {
      cue: (cueId: string) => send({ type: 'cue', cueId }),
      echo: () =>
        new Promise<number>((resolve) => {
          const t0 = performance.now();
          echo!.onmessage = () => resolve(performance.now() - t0);
          echo!.send('{"ping":true}');
        }),
      take: (cueId: string) =>
        new Promise<{ answered: number; dom: number; frame: number }>((resolve, reject) => {
          let t0 = 0;
          let answered = -1;
          let landed: { dom: number; frame: number } | null = null;
          // A take that never reaches the DOM fails the run instead of hanging it.
          const timer = setTimeout(() => (observer.disconnect(), reject(new Error(`take of ${cueId} never reached the output's DOM`))), 5000);
          const finish = () => answered >= 0 && landed && (clearTimeout(timer), resolve({ answered, ...landed }));
          // The preload waits hidden in its layer, so the take lands as its cue id being set (or, unpreloaded, as a new node).
          const isTaken = (n: Node) => (n as HTMLElement).dataset?.cueId === cueId;
          const observer = new MutationObserver((records) => {
            if (!records.some((r) => isTaken(r.target) || [...r.addedNodes].some(isTaken))) return;
            const dom = performance.now() - t0;
            observer.disconnect();
            requestAnimationFrame(() => {
              landed = { dom, frame: performance.now() - t0 };
              finish();
            });
          });
          observer.observe(stage, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-cue-id'] });
          t0 = performance.now();
          send({ type: 'take', cueId }).then(
            (ms) => {
              answered = ms;
              finish();
            },
            (e: Error) => {
              observer.disconnect();
              reject(e);
            },
          );
        }),
    };
  }, echoUrl);
}

export const probeCue = (page: Page, cueId: string): Promise<number> => page.evaluate((id) => (window as any).__probe.cue(id), cueId);
export const probeEcho = (page: Page): Promise<number> => page.evaluate(() => (window as any).__probe.echo());
export const probeTake = (page: Page, cueId: string): Promise<TakeTiming> => page.evaluate((id) => (window as any).__probe.take(id), cueId);
