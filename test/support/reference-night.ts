import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import { Engine } from '../../main/engine/engine';
import { importResults } from '../../main/engine/import';
import { SHOW_FORMAT_VERSION, type Fields, type Layer, type Show } from '../../main/engine/show';
import { knownPartyIdFor, partyInfo, type SeatResult } from '../../main/engine/election';
import { REFERENCE_DIR } from '../../main/server/headless';
import { loadReferenceData, type ReferenceData } from '../../main/server/reference-data';
import { TEMPLATES } from '../../main/templates/definitions';

/** The real baseline and constituency list, and the whole 2024 night from seeds/reference. */
export async function loadReferenceNight(): Promise<{ reference: ReferenceData; night: readonly SeatResult[] }> {
  const reference = await loadReferenceData(REFERENCE_DIR);
  const file = path.join(REFERENCE_DIR, 'ge2024-results.json');
  return { reference, night: importResults(await readFile(file, 'utf8'), file, 'strapline-json').rows };
}

/** A real engine with the real templates and one cue, with these seats declared. */
export function engineWithCue(
  reference: ReferenceData,
  cue: { id: string; template: string; fields: Fields; layer?: Layer },
  seats: readonly SeatResult[],
): Engine {
  const show: Show = {
    format: 'strapline-show',
    version: SHOW_FORMAT_VERSION,
    name: 'Test',
    stacks: [{ id: 's', name: 'S', cues: [{ id: cue.id, title: cue.id, template: cue.template, layer: cue.layer ?? 'fullscreen', fields: cue.fields }] }],
  };
  const e = new Engine({ show, baseline: reference.baseline, constituencies: reference.constituencies, templates: TEMPLATES, now: () => 0 });
  if (seats.length) expect(e.dispatch({ type: 'declare-results', source: 'test', seats }).ok).toBe(true);
  return e;
}

/** What the output would draw: the engine's resolved preview of the cue. */
export function previewViewOf(e: Engine, cueId: string): Fields {
  expect(e.dispatch({ type: 'cue', cueId }).ok).toBe(true);
  return e.programSnapshot().preview!.view;
}

/**
 * The Commons Library's Result column (`Lab gain from Con`, `Spk hold`) in the house style on
 * air: party codes to the party table's short names, and the Speaker re-elected.
 */
export function onAirWording(result: string): string {
  if (result === 'Spk hold') return 'SPEAKER RE-ELECTED';
  return result
    .split(' ')
    .map((w) => {
      const id = knownPartyIdFor(w);
      return id === undefined ? w.toUpperCase() : partyInfo(id)!.shortName;
    })
    .join(' ');
}
