import type { Fields } from '../../engine/show';
import { isOutsideView, TEMPLATE_FILES_PREFIX } from '../../templates/outside/contract';
import { cgDataParameter } from './amcp-data';
import type { CasparcgOutputConfig } from './config';

/** One AMCP command on one layer of the output's channel; link.ts sends it through casparcg-connection. */
export type AmcpStep =
  | { op: 'play-html'; layer: number; url: string }
  | { op: 'clear'; layer: number }
  | { op: 'cg-add'; layer: number; template: string; data: string; playOnLoad: boolean }
  | { op: 'cg-play' | 'cg-next' | 'cg-stop' | 'cg-remove'; layer: number }
  | { op: 'cg-update'; layer: number; data: string }
  | { op: 'opacity'; layer: number; value: 0 | 1 };

/** Steps sent later (a CG REMOVE once the out has played, a re-assert shown once it has stepped), unless still() says the air moved on. */
export interface DeferredSteps {
  afterMs: number;
  steps: AmcpStep[];
  still: () => boolean;
}

export interface AmcpPlan {
  steps: AmcpStep[];
  deferred: DeferredSteps[];
}

export const emptyPlan = (): AmcpPlan => ({ steps: [], deferred: [] });

/** What a cue plays as on a templates output: the template's name on the server and its data parameter, escaped. */
export interface CasparcgGraphic {
  template: string;
  data: string;
}

/**
 * An outside casparcg cue plays the template at its path in Strapline's templates
 * folder (which the server's template-path must hold too), without its extension;
 * any other cue plays the template the output names for its Strapline template,
 * with the cue's view as its data. Neither: this output does not play it.
 */
export function casparcgGraphicOf(config: CasparcgOutputConfig, template: string, view: Fields): CasparcgGraphic | null {
  if (isOutsideView(view)) {
    if (view.outside.kind !== 'casparcg') return null;
    const rel = view.outside.src.slice(TEMPLATE_FILES_PREFIX.length).split('/').slice(1).map(decodeURIComponent).join('/');
    return { template: rel.replace(/\.html?$/i, ''), data: cgDataParameter(view.data, view.outside.dataFormat) };
  }
  const named = config.templates[template];
  return named ? { template: named.name, data: cgDataParameter(view, named.dataFormat) } : null;
}
