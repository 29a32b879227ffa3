import { z } from 'zod';
import { LAYERS, type Layer } from '../main/engine/show';

export const STAGE_WIDTH = 1920;
export const STAGE_HEIGHT = 1080;

/** Keeps the 1920x1080 stage whole and centred in whatever holds it. */
export function fitStage(stage: HTMLElement, box: HTMLElement): () => void {
  const fit = () => {
    const scale = Math.min(box.clientWidth / STAGE_WIDTH, box.clientHeight / STAGE_HEIGHT);
    stage.style.transform = `translate(${(box.clientWidth - STAGE_WIDTH * scale) / 2}px, ${(box.clientHeight - STAGE_HEIGHT * scale) / 2}px) scale(${scale})`;
  };
  const observer = new ResizeObserver(fit);
  observer.observe(box);
  fit();
  return () => observer.disconnect();
}

/** What a page puts out: the program (on transparency or a key colour), or one half of a key-and-fill pair. */
export const OUTPUT_SIGNALS = ['program', 'fill', 'key'] as const;
export type OutputSignal = (typeof OUTPUT_SIGNALS)[number];
const signalParam = z.enum(OUTPUT_SIGNALS);

export interface OutputOptions {
  layers: Layer[];
  /** A solid background for keying, or null for transparent (or the black of a fill or key). */
  key: string | null;
  signal: OutputSignal;
  safeArea: boolean;
  /** What the address asked for that could not be honoured, each naming its parameter. */
  problems: string[];
}

/**
 * Reads ?layers=lower-third,bug&key=00ff00&safe=1&signal=fill|key. Anything unknown is ignored,
 * not guessed at; a signal or key colour that is not one is said in `problems`. A key colour
 * has no meaning on a key or fill signal (both are on black) and is dropped there.
 */
export function outputOptions(search: string): OutputOptions {
  const params = new URLSearchParams(search);
  const asked = (params.get('layers') ?? '').split(',').map((s) => s.trim());
  const layers = LAYERS.filter((l) => asked.includes(l));
  const problems: string[] = [];
  const rawSignal = params.get('signal');
  const signal = signalParam.safeParse(rawSignal ?? 'program');
  if (!signal.success) problems.push(`signal=${rawSignal}: must be ${OUTPUT_SIGNALS.join(', ')}; showing the program`);
  const rawKey = params.get('key');
  const key = rawKey && /^#?[0-9a-fA-F]{6}$/.test(rawKey) ? `#${rawKey.replace('#', '')}` : null;
  if (rawKey !== null && key === null) problems.push(`key=${rawKey}: must be a colour as six hex digits, such as 00ff00; showing transparency`);
  const program = signal.success ? signal.data : 'program';
  if (key && program !== 'program') problems.push(`key=${rawKey}: ignored on signal=${program}, which is on black`);
  return {
    layers: layers.length ? layers : [...LAYERS],
    key: program === 'program' ? key : null,
    signal: program,
    safeArea: params.get('safe') === '1',
    problems,
  };
}
