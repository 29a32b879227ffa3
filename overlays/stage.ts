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

export interface OutputOptions {
  layers: Layer[];
  /** A solid background for keying, or null for transparent. */
  key: string | null;
  safeArea: boolean;
}

/** Reads ?layers=lower-third,bug&key=00ff00&safe=1; anything unknown is ignored, not guessed at. */
export function outputOptions(search: string): OutputOptions {
  const params = new URLSearchParams(search);
  const asked = (params.get('layers') ?? '').split(',').map((s) => s.trim());
  const layers = LAYERS.filter((l) => asked.includes(l));
  const key = params.get('key');
  return {
    layers: layers.length ? layers : [...LAYERS],
    key: key && /^#?[0-9a-fA-F]{6}$/.test(key) ? `#${key.replace('#', '')}` : null,
    safeArea: params.get('safe') === '1',
  };
}
