import type { gsap } from 'gsap';
import type { Fields } from '../../main/engine/show';
import type { TemplateDefinition } from '../../main/engine/templates';
import { fitText } from '../graphics/common/fit-text';
import type { GraphicView } from '../graphics/view';
import { SHADOW_CSS, installFonts } from './ograf-styles';

type Timeline = ReturnType<typeof gsap.timeline>;
type Result = { statusCode: number; statusMessage?: string; currentStep?: number };

/**
 * A built-in template as an OGraf v1 graphic: a custom element class around
 * its GraphicView. load() parses the data, builds the graphic in an open
 * shadow root on a 1920x1080 stage and its in-timeline, paused, so the take
 * (playAction) only plays; nothing is fetched after load. An unbound template
 * takes its fields (defaults filled, as Strapline's engine does); a bound one
 * takes its resolved view, since the results that resolve it stay in Strapline.
 */
export function ografGraphicClass(template: TemplateDefinition, view: GraphicView): CustomElementConstructor {
  const schema = template.resolve && template.view ? template.view : template.fields;
  return class StraplineOgrafGraphic extends HTMLElement {
    private el: HTMLElement | null = null;
    private data: Fields = {};
    private intro: Timeline | null = null;
    private running: Timeline | null = null;
    private step = 0;

    private parse(data: unknown): { fields: Fields } | { problem: string } {
      const parsed = schema.safeParse(data ?? {});
      if (parsed.success) return { fields: parsed.data };
      return {
        problem: `${template.name}: ${parsed.error.issues
          .slice(0, 3)
          .map((i) => `${i.path.join('.') || '(data)'}: ${i.message}`)
          .join('; ')}`,
      };
    }

    private finish(tl: Timeline, skip: boolean): Promise<void> {
      this.running?.progress(1);
      this.running = tl;
      if (skip) {
        tl.progress(1);
        return Promise.resolve();
      }
      return new Promise((done) => {
        tl.eventCallback('onComplete', () => done());
        tl.play();
      });
    }

    async load(params: { data?: unknown; renderType?: string }): Promise<Result> {
      if (params.renderType && params.renderType !== 'realtime') return { statusCode: 400, statusMessage: `${template.name} renders in real time only` };
      const read = this.parse(params.data);
      if ('problem' in read) return { statusCode: 400, statusMessage: read.problem };
      await installFonts(this.ownerDocument);
      const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
      root.innerHTML = `<style>${SHADOW_CSS}</style><div class="stage"><div class="layer" data-layer="${template.layer}"></div></div>`;
      this.data = read.fields;
      this.el = view.create(read.fields);
      root.querySelector('.layer')!.append(this.el);
      fitText(this.el);
      this.intro = view.animateIn(this.el);
      this.step = 0;
      return { statusCode: 200 };
    }

    async playAction(params: { delta?: number; goto?: number; skipAnimation?: boolean } = {}): Promise<Result> {
      if (!this.el || !this.intro) return { statusCode: 409, statusMessage: 'playAction before load' };
      const target = Math.min(template.steps, Math.max(1, params.goto !== undefined ? params.goto + 1 : this.step + (params.delta ?? 1)));
      const skip = params.skipAnimation === true;
      if (this.step === 0) {
        this.step = 1;
        await this.finish(this.intro, skip);
      }
      while (this.step < target) {
        this.step += 1;
        await this.finish(view.animateStep(this.el, this.step), skip);
      }
      // OGraf counts steps from 0.
      return { statusCode: 200, currentStep: this.step - 1 };
    }

    async updateAction(params: { data?: unknown; skipAnimation?: boolean }): Promise<Result> {
      if (!this.el) return { statusCode: 409, statusMessage: 'updateAction before load' };
      const read = this.parse(params.data);
      if ('problem' in read) return { statusCode: 400, statusMessage: read.problem };
      const previous = this.data;
      this.data = read.fields;
      await this.finish(view.animateUpdate(this.el, previous, read.fields), params.skipAnimation === true);
      fitText(this.el);
      return { statusCode: 200 };
    }

    async stopAction(params: { skipAnimation?: boolean } = {}): Promise<Result> {
      if (this.el && this.step > 0) await this.finish(view.animateOut(this.el), params.skipAnimation === true);
      this.step = 0;
      return { statusCode: 200 };
    }

    async customAction(params: { id?: string }): Promise<Result> {
      return { statusCode: 404, statusMessage: `${template.name} has no custom action "${params.id ?? ''}"` };
    }

    async dispose(): Promise<Result> {
      this.running?.kill();
      this.intro?.kill();
      this.shadowRoot?.replaceChildren();
      this.el = null;
      return { statusCode: 200 };
    }
  };
}
