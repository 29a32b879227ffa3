import { gsap } from 'gsap';
import type { OutputOptions } from './stage';

/**
 * Sets the page up for the signal it puts out (styles in styles/output.css): transparency,
 * a key colour, or the fill or key of a pair. Runs before any graphic is built, since the key
 * colour's cuts apply to every tween made after it.
 */
export function showSignal(body: HTMLElement, stage: HTMLElement, options: OutputOptions): void {
  body.dataset.signal = options.signal;
  if (options.key) {
    body.style.background = options.key;
    stage.classList.add('key-colour');
    cutFades();
  }
  stage.classList.toggle('show-safe', options.safeArea);
  // Said where the operator setting up the browser source can see it, not drawn on air.
  for (const problem of options.problems) console.error(`Strapline output: ${problem}`);
  if (options.problems.length) body.dataset.optionProblems = options.problems.join('; ');
}

type Tween = ReturnType<typeof gsap.to>;

/**
 * On a key colour every fade becomes a cut: a tween of opacity shows its start value until
 * half way (its eased ratio), then its end value, so no frame holds the graphic half blended
 * with the key colour. One GSAP default (the core's modifiers), so every template's fades,
 * ins, outs and updates alike, with no template knowing. A start value is worked back from
 * the value GSAP computed and the tween's ratio, since GSAP hands a modifier only the value.
 */
export function cutFades(): void {
  const cut = function (this: Tween, value: number | string) {
    const v = Number(value);
    const ratio = this.ratio;
    const target = Number(this.vars.opacity ?? this.vars.autoAlpha);
    if (!Number.isFinite(target) || !Number.isFinite(v)) return v >= 0.5 ? 1 : 0;
    if (ratio >= 0.5) return target;
    return Math.round(((v - target * ratio) / (1 - ratio)) * 1000) / 1000;
  };
  gsap.defaults({ modifiers: { opacity: cut, autoAlpha: cut } });
}
