import { part } from '../../overlays/graphics/dom';
import { cutToStep, emptyStage } from '../../overlays/gallery-stage';
import { hasHexLayout } from '../../overlays/graphics/hex-map/layout';
import { hexLayoutKeyOf, loadHexLayout } from '../../overlays/graphics/hex-map/layout-loader';
import { fitStage } from '../../overlays/stage';
import { drawKey, type ProducerCue, type ProducerShow } from './api';

/**
 * The full-size preview of one cue: the real 1920x1080 stage fitted to the
 * dialog, with a button for each step. A modal dialog, so Escape closes it and
 * focus stays inside while it is open; focus goes back to the cue after.
 */
export class Preview {
  private cue: ProducerCue | null = null;
  private step = 1;
  private unfit: (() => void) | null = null;
  private readonly title = part('h2', 'producer-preview-title');
  private readonly meta = part('p', 'producer-preview-meta');
  private readonly steps = part('div', 'producer-preview-steps');
  private readonly box = part('div', 'producer-preview-box');

  constructor(
    private readonly dialog: HTMLDialogElement,
    private readonly onClosed: (cueId: string) => void,
  ) {
    this.title.id = 'preview-title';
    this.steps.setAttribute('role', 'group');
    this.steps.setAttribute('aria-label', 'Steps');
    const close = part('button', 'producer-preview-close', 'Close') as HTMLButtonElement;
    close.type = 'button';
    close.setAttribute('aria-label', 'Close preview');
    close.addEventListener('click', () => dialog.close());
    const header = part('header', 'producer-preview-header');
    const heading = part('div', 'producer-preview-heading');
    heading.append(this.title, this.meta);
    header.append(heading, this.steps, close);
    dialog.append(header, this.box);
    dialog.addEventListener('close', () => this.closed());
    dialog.addEventListener('keydown', (e) => this.stepKeys(e));
  }

  open(cue: ProducerCue): void {
    this.cue = cue;
    this.step = 1;
    this.dialog.dataset.cueId = cue.id;
    if (!this.dialog.open) this.dialog.showModal();
    this.draw();
    this.steps.querySelector<HTMLButtonElement>('button')?.focus();
  }

  /** A show edit or new results: redraw what is open, or close it if its cue was deleted. */
  refresh(show: ProducerShow): void {
    if (!this.cue) return;
    const id = this.cue.id;
    const now = show.stacks.flatMap((s) => s.cues).find((c) => c.id === id);
    if (!now) return this.dialog.close();
    const changed = drawKey(now) !== drawKey(this.cue) || now.title !== this.cue.title || now.steps !== this.cue.steps;
    this.cue = now;
    this.step = Math.min(this.step, now.steps);
    if (changed) this.draw();
  }

  private show(step: number): void {
    this.step = step;
    this.draw();
    this.steps.querySelector<HTMLButtonElement>(`button[data-step="${step}"]`)?.focus();
  }

  private draw(): void {
    const cue = this.cue;
    if (!cue) return;
    this.title.textContent = cue.title;
    this.meta.textContent = `${cue.templateName} · ${cue.layer} · step ${this.step} of ${cue.steps}`;
    this.dialog.dataset.step = String(this.step);
    this.steps.replaceChildren(
      ...Array.from({ length: cue.steps }, (_, i) => {
        const b = part('button', 'producer-step', `Step ${i + 1}`) as HTMLButtonElement;
        b.type = 'button';
        b.dataset.step = String(i + 1);
        b.setAttribute('aria-pressed', String(i + 1 === this.step));
        b.addEventListener('click', () => this.show(i + 1));
        return b;
      }),
    );
    this.unfit?.();
    const { stage, slot } = emptyStage(cue.layer);
    stage.classList.add('studio');
    this.box.replaceChildren(stage);
    this.unfit = fitStage(stage, this.box);
    const layout = hexLayoutKeyOf(cue.view);
    // The loaded election's hex layout comes from the server the first time a map is shown; drawn again once it is in.
    if (cue.template === 'hex-map' && !hasHexLayout(layout))
      void loadHexLayout(layout).then(() => this.cue === cue && hasHexLayout(layout) && this.show(this.step));
    cutToStep(slot, { template: cue.template, layer: cue.layer, view: cue.view, step: this.step, error: cue.error });
  }

  /** Left and right arrows, or a step's number, move between steps. */
  private stepKeys(e: KeyboardEvent): void {
    const cue = this.cue;
    if (!cue || e.altKey || e.ctrlKey || e.metaKey) return;
    const digit = Number(e.key);
    let step: number | null = null;
    if (e.key === 'ArrowRight') step = Math.min(cue.steps, this.step + 1);
    else if (e.key === 'ArrowLeft') step = Math.max(1, this.step - 1);
    else if (Number.isInteger(digit) && digit >= 1 && digit <= cue.steps) step = digit;
    if (step === null) return;
    e.preventDefault();
    if (step !== this.step) this.show(step);
  }

  private closed(): void {
    this.unfit?.();
    this.unfit = null;
    this.box.replaceChildren();
    const id = this.cue?.id;
    this.cue = null;
    delete this.dialog.dataset.cueId;
    if (id !== undefined) this.onClosed(id);
  }
}
