import type { Fields } from '../../engine/show';
import { outsideViewSchema } from './contract';

/**
 * A graphic on air keeps what it loaded: when an update or new results
 * resolve an outside cue again, its data is new but its host facts (src,
 * version, steps, data format) stay those of the take, even if the template's
 * files changed in the folder since. The next take loads the new version.
 */
export function keepLoadedHost(onAir: Fields, next: Fields): Fields {
  const was = outsideViewSchema.safeParse(onAir);
  const now = outsideViewSchema.safeParse(next);
  if (!was.success || !now.success) return next;
  return { outside: was.data.outside, data: now.data.data };
}
