import type { EngineState } from './state';
import type { TemplateTable } from './templates';
import { findCue } from './show';

/**
 * The bound graphics on air or in preview, named as the operator sees them ("Seat result:
 * Clacton on fullscreen", "Hex map in preview"): what must be cleared before the election
 * they read from may change. Unbound graphics (a strap) draw their own words and may stay.
 */
export function boundGraphicsInUse(state: EngineState, templates: TemplateTable): string[] {
  const named: string[] = [];
  for (const [layer, onAir] of Object.entries(state.program)) {
    if (onAir && templates.get(onAir.template)?.resolve) named.push(`"${onAir.title}" on air on ${layer}`);
  }
  const preview = state.previewCueId === null ? undefined : findCue(state.show, state.previewCueId)?.cue;
  if (preview && templates.get(preview.template)?.resolve) named.push(`"${preview.title}" in preview`);
  return named;
}
