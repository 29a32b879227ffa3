import { part } from '../../overlays/graphics/dom';
import { thumbnail } from '../../overlays/gallery-stage';
import { drawKey, type ProducerCue, type ProducerShow } from './api';

const THUMB_WIDTH = 384;

function stepsText(steps: number): string {
  return steps === 1 ? '1 step' : `${steps} steps`;
}

/**
 * Every stack of the show, each cue a button with a thumbnail of what it would
 * draw now. A redraw after a show edit or a declaration keeps the thumbnails
 * whose drawing did not change (a hex map of 650 seats is not rebuilt for a
 * renamed cue) and keeps keyboard focus on the same cue.
 */
export class Board {
  private thumbs = new Map<string, { key: string; frame: HTMLElement }>();

  constructor(
    private readonly root: HTMLElement,
    private readonly onOpen: (cue: ProducerCue) => void,
  ) {}

  render(show: ProducerShow): void {
    const focusedCue = document.activeElement instanceof HTMLElement ? document.activeElement.dataset.cueId : undefined;
    const hosts: { cue: ProducerCue; host: HTMLElement }[] = [];
    const sections = show.stacks.map((stack, i) => {
      const section = part('section', 'producer-stack');
      section.dataset.stackId = stack.id;
      const heading = part('h2', 'producer-stack-name', stack.name);
      heading.id = `stack-${i}`;
      section.setAttribute('aria-labelledby', heading.id);
      const count = part('span', 'producer-stack-count', stack.cues.length === 1 ? '1 cue' : `${stack.cues.length} cues`);
      heading.append(count);
      const list = part('ul', 'producer-cues');
      for (const cue of stack.cues) {
        const item = part('li', 'producer-cue');
        const button = part('button', 'producer-cue-button') as HTMLButtonElement;
        button.type = 'button';
        button.dataset.cueId = cue.id;
        button.dataset.template = cue.template;
        button.setAttribute('aria-label', `Preview ${cue.title}: ${cue.templateName}, ${cue.layer}, ${stepsText(cue.steps)}`);
        button.addEventListener('click', () => this.onOpen(cue));
        const host = part('div', 'producer-thumb');
        const caption = part('div', 'producer-caption');
        caption.append(
          part('span', 'producer-cue-title', cue.title),
          part('span', 'producer-cue-meta', `${cue.templateName} · ${cue.layer} · ${stepsText(cue.steps)}`),
        );
        if (cue.error) caption.append(part('span', 'producer-cue-error', cue.error));
        button.append(host, caption);
        item.append(button);
        list.append(item);
        hosts.push({ cue, host });
      }
      if (stack.cues.length === 0) list.append(part('li', 'producer-empty', 'No cues in this stack'));
      section.append(heading, list);
      return section;
    });
    if (sections.length === 0) sections.push(part('p', 'producer-empty', 'This show has no stacks yet'));
    this.root.replaceChildren(...sections);
    // Thumbnails are drawn once their hosts are in the page: templates measure their text.
    const next = new Map<string, { key: string; frame: HTMLElement }>();
    for (const { cue, host } of hosts) {
      const key = drawKey(cue);
      const kept = this.thumbs.get(cue.id);
      if (kept?.key === key) host.append(kept.frame);
      else thumbnail(host, { template: cue.template, layer: cue.layer, view: cue.view, step: 1, error: cue.error }, THUMB_WIDTH);
      next.set(cue.id, { key, frame: host.firstElementChild as HTMLElement });
    }
    this.thumbs = next;
    if (focusedCue !== undefined) this.focusCue(focusedCue);
  }

  focusCue(cueId: string): void {
    this.root.querySelector<HTMLElement>(`button[data-cue-id="${CSS.escape(cueId)}"]`)?.focus();
  }
}
