import { LAYERS } from '../../main/engine/show';
import { part } from '../../overlays/graphics/dom';
import { OutputRenderer } from '../../overlays/output-renderer';
import { fitStage } from '../../overlays/stage';
import type { ProducerOnAir } from './api';
import { composeProgram } from '../../main/engine/composition';

const NAMES = { fullscreen: 'Full screen', 'lower-third': 'Lower third', ticker: 'Ticker', bug: 'Bug' } as const;

/**
 * What the audience sees, beside the stacks: the output's own renderer on a
 * 1920x1080 stage fitted to the panel, cut to each snapshot (a still: the
 * producer needs the picture, not the animation), and every layer by name.
 * It only draws what GET /api/producer/on-air gave it: nothing here can send.
 */
export class OnAirPanel {
  private readonly stage = part('div', 'stage studio');
  private readonly renderer: OutputRenderer;
  private readonly layers = part('ul', 'producer-on-air-layers');
  private readonly note = part('p', 'producer-on-air-note');

  constructor(root: HTMLElement) {
    const heading = part('h2', 'producer-on-air-title', 'On air');
    heading.id = 'on-air-title';
    root.setAttribute('aria-labelledby', heading.id);
    const box = part('div', 'producer-on-air-box');
    box.append(this.stage);
    root.append(heading, box, this.layers, this.note);
    this.renderer = new OutputRenderer(this.stage);
    fitStage(this.stage, box);
  }

  render(onAir: ProducerOnAir): void {
    // The composition follows from the program alone (main/engine/composition.ts): the same picture the outputs draw.
    this.renderer.cut({
      revision: 0,
      program: onAir.program,
      preview: null,
      composition: composeProgram(onAir.program),
      at: onAir.at,
      ...(onAir.rehearsalMark ? { rehearsalMark: true as const } : {}),
    });
    this.layers.replaceChildren(
      ...LAYERS.map((layer) => {
        const graphic = onAir.program[layer];
        const row = part('li', `producer-on-air-layer${graphic ? ' live' : ''}`);
        row.dataset.onAirLayer = layer;
        const what = graphic ? `${graphic.title}${graphic.steps > 1 ? ` · step ${graphic.step} of ${graphic.steps}` : ''}` : 'clear';
        row.append(part('span', 'producer-on-air-layer-name', NAMES[layer]), part('span', 'producer-on-air-what', what));
        return row;
      }),
    );
    this.note.textContent = onAir.rehearsalMark ? 'Rehearsal: every output is marked REHEARSAL' : '';
  }

  /** The server could not be reached: the picture may be old, and says so. */
  stale(isStale: boolean): void {
    this.stage.parentElement!.classList.toggle('is-stale', isStale);
  }
}
