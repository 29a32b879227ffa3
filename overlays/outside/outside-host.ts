import type { OutsideView } from '../../main/templates/outside/contract';
import type { Layer } from '../../main/engine/show';
import { MAX_REPORTED_FAULTS, type OutputFault } from '../../main/engine/protocol';
import { casparData, frameMessageSchema, playResultSchema, type FrameMessage } from './frame-messages';

/** Where the OGraf runner page is served (main/server/template-files.ts OGRAF_RUNNER_PATH). */
const OGRAF_RUNNER = '/templates/_host/ograf.html';
/** The page loaded and the graphic given its data: past this a load is a fault. */
export const LOAD_TIMEOUT_MS = 5000;
/** Any one action (play, next, update, custom). */
export const ACTION_TIMEOUT_MS = 2000;
/** The out, from stop to its end: past this the graphic is disposed anyway. */
export const OUT_TIMEOUT_MS = 4000;

const pendingFaults: OutputFault[] = [];

/** The faults since the last call, for the output's next health report (overlays/output.ts). */
export function takeOutsideFaults(): OutputFault[] {
  return pendingFaults.splice(0, pendingFaults.length);
}

interface Waiting {
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}

/**
 * One outside graphic in its own sandboxed frame (allow-scripts only: an opaque
 * origin, no navigation of the output, no forms, no popups), driven by
 * postMessage. Calls run one after another, each with a deadline; a call that
 * throws, refuses or misses its deadline is reported and the graphic is left
 * where it is, and after a failed load nothing more is asked of it. Nothing it
 * does can hold up the caller: every method returns at once.
 */
export class OutsideGraphic {
  readonly el: HTMLElement;
  private readonly frame: HTMLIFrameElement;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  private queue: Promise<unknown>;
  private failed = false;
  private autoOut: ReturnType<typeof setTimeout> | undefined;
  private readyResolve!: () => void;
  private readonly ready = new Promise<void>((r) => (this.readyResolve = r));

  constructor(private readonly view: OutsideView) {
    const { kind, src } = view.outside;
    this.el = document.createElement('div');
    this.el.className = 'outside-host';
    this.el.dataset.outsideKind = kind;
    this.frame = document.createElement('iframe');
    this.frame.setAttribute('sandbox', 'allow-scripts');
    this.frame.setAttribute('referrerpolicy', 'no-referrer');
    this.frame.setAttribute('scrolling', 'no');
    this.frame.title = `${kind} graphic`;
    this.frame.src = kind === 'ograf' ? OGRAF_RUNNER : src;
    this.el.append(this.frame);
    window.addEventListener('message', this.onMessage);
    this.queue = this.run('load', LOAD_TIMEOUT_MS, () => this.load());
  }

  /** The take, or (skip) the put-back of a graphic that was on air all along. */
  take(skip: boolean): void {
    const { kind, spxOut } = this.view.outside;
    this.enqueue('play', ACTION_TIMEOUT_MS, async () => {
      // SPX: the in starts from update(); play() is kept for templates that use it.
      if (kind === 'spx') await this.call('update', { data: JSON.stringify(this.view.data) });
      const result = playResultSchema.safeParse(await this.call('play', kind === 'ograf' ? { delta: 1, skipAnimation: skip } : {}));
      if (result.success && result.data?.frameAt !== undefined) this.el.dataset.frameAt = String(result.data.frameAt);
      this.el.dataset.outsideState = 'playing';
    });
    if (kind === 'spx' && typeof spxOut === 'number')
      this.autoOut = setTimeout(() => this.enqueue('auto-out', OUT_TIMEOUT_MS, () => this.stopAndWait()), spxOut);
  }

  next(skip: boolean): void {
    this.enqueue('next', ACTION_TIMEOUT_MS, () =>
      this.view.outside.kind === 'ograf' ? this.call('play', { delta: 1, skipAnimation: skip }) : this.call('next', {}),
    );
  }

  update(data: OutsideView['data']): void {
    const { kind, dataFormat } = this.view.outside;
    this.enqueue('update', ACTION_TIMEOUT_MS, () =>
      kind === 'ograf'
        ? this.call('update', { data, skipAnimation: false })
        : this.call('update', { data: casparData(data, kind === 'spx' ? 'json' : dataFormat) }),
    );
  }

  customAction(id: string, payload: unknown): void {
    if (this.view.outside.kind !== 'ograf') return this.fault('custom', `custom action ${id}: only OGraf graphics have custom actions`);
    this.enqueue('custom', ACTION_TIMEOUT_MS, () => this.call('custom', { id, payload }));
  }

  /** The out: stop, wait for it to end (or OUT_TIMEOUT_MS), dispose. Resolves when the frame may go. */
  out(): Promise<void> {
    clearTimeout(this.autoOut);
    // An SPX graphic that took itself out is not stopped twice.
    const stop = this.enqueue('stop', OUT_TIMEOUT_MS, async () => (this.el.dataset.outsideState === 'stopped' ? undefined : this.stopAndWait()));
    const done = stop.then(() =>
      this.enqueue('dispose', ACTION_TIMEOUT_MS, () => (this.view.outside.kind === 'ograf' ? this.call('dispose', {}) : this.call('remove', {}))),
    );
    return done.then(() => this.close());
  }

  /** The frame is gone (out ended, or cut away): no more messages, no more timers. */
  close(): void {
    clearTimeout(this.autoOut);
    window.removeEventListener('message', this.onMessage);
    for (const w of this.waiting.values()) w.reject(new Error('closed'));
    this.waiting.clear();
    this.failed = true;
  }

  private async load(): Promise<void> {
    await this.ready;
    const { kind, dataFormat } = this.view.outside;
    if (kind === 'ograf') {
      const module = new URL(this.view.outside.src, location.href).href;
      await this.call('load', { module, data: this.view.data, renderCharacteristics: { resolution: { width: 1920, height: 1080 } } });
    } else if (kind === 'casparcg') {
      await this.call('update', { data: casparData(this.view.data, dataFormat) });
    }
    // SPX: nothing more at preload; its update() would start the in (spx_interface.js).
    this.el.dataset.outsideState = 'loaded';
  }

  private async stopAndWait(): Promise<void> {
    if (this.view.outside.kind === 'ograf') await this.call('stop', { skipAnimation: false });
    else {
      await this.call('stop', {});
      await this.call('quiet', {});
    }
    this.el.dataset.outsideState = 'stopped';
  }

  private enqueue(what: string, timeoutMs: number, work: () => Promise<unknown>): Promise<void> {
    const next = this.queue.then(() => (this.failed ? undefined : this.run(what, timeoutMs, work)));
    this.queue = next;
    return next;
  }

  /** One step with its deadline; its failure is reported, never thrown. A failed load ends the graphic's life. */
  private run(what: string, timeoutMs: number, work: () => Promise<unknown>): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)));
    return Promise.race([work(), deadline]).then(
      () => clearTimeout(timer),
      (e: unknown) => {
        clearTimeout(timer);
        if (this.failed) return;
        this.fault(what, (e as Error).message);
        if (what === 'load') this.failed = true;
      },
    );
  }

  private call(call: string, args: unknown): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.frame.contentWindow?.postMessage({ straplineHost: 1, id, call, args }, '*');
    });
  }

  private readonly onMessage = (e: MessageEvent): void => {
    // Cut away or dropped from preload without an out: the first message after that (from any frame) lets it go.
    if (!this.frame.isConnected && this.frame.contentWindow === null) return this.close();
    // Only this graphic's own frame; its origin is opaque ("null"), so its window is what identifies it.
    if (e.source !== this.frame.contentWindow) return;
    const parsed = frameMessageSchema.safeParse(e.data);
    if (!parsed.success) return;
    const m: FrameMessage = parsed.data;
    if ('event' in m) {
      if (m.event === 'ready') this.readyResolve();
      else this.fault('page', m.message ?? 'error');
      return;
    }
    const w = this.waiting.get(m.id);
    this.waiting.delete(m.id);
    if (m.ok) w?.resolve(m.result);
    else w?.reject(new Error(m.error));
  };

  private fault(call: string, message: string): void {
    // A preload dropped, or a graphic cut away, while a call was out: gone from the output, so nothing to report.
    if (!this.frame.isConnected) return this.close();
    const layer = (this.el.dataset.layer ?? this.el.parentElement?.dataset.layerSlot) as Layer | undefined;
    const cueId = this.el.dataset.cueId ?? this.el.dataset.preload ?? '';
    this.el.dataset.fault = `${call}: ${message}`.slice(0, 500);
    console.warn(`outside template ${this.view.outside.src} on ${layer}: ${call}: ${message}`);
    if (!layer) return;
    if (pendingFaults.length >= MAX_REPORTED_FAULTS) pendingFaults.shift();
    pendingFaults.push({
      kind: 'outside-template',
      layer,
      cueId,
      src: this.view.outside.src.slice(0, 2000),
      call,
      message: message.slice(0, 500),
      at: Date.now(),
    });
  }
}
