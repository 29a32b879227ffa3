import { describe, expect, it } from 'vitest';
import type { ProgramSnapshot } from '../../../main/engine/protocol';
import { compose } from '../../../main/engine/composition';
import { SHOW_FORMAT_VERSION, type Show } from '../../../main/engine/show';
import type { TemplatesSnapshot } from '../../../main/engine/templates';
import { boundGraphics } from '../../../renderer/components/RehearsalControls';
import { templateFacts } from '../../../renderer/template-facts';

const REGISTRY: TemplatesSnapshot = {
  templatesRevision: 2,
  templates: [
    {
      id: 'l3rd-3f2a9c01de',
      name: 'Newsroom strap',
      kind: 'casparcg',
      layer: 'lower-third',
      steps: 1,
      schema: {},
      source: 'caspar/l3rd.html',
      problems: [],
      usable: true,
      customActions: [],
    },
  ],
};

/** What the console shows of outside templates: names and steps from the registry, and which outside cues a rehearsal would change. */
describe('the console and outside templates', () => {
  it('names a template from the registry, a built-in before the server says, and nothing it does not know', () => {
    expect(templateFacts(REGISTRY, 'l3rd-3f2a9c01de')).toMatchObject({ name: 'Newsroom strap', steps: 1 });
    expect(templateFacts(null, 'strap')?.name).toBeTruthy();
    expect(templateFacts(REGISTRY, 'strap')?.name).toBe(templateFacts(null, 'strap')?.name);
    expect(templateFacts(REGISTRY, 'gone-0000000000')).toBeUndefined();
  });

  it('counts an outside cue as bound only when its fields carry a bind map, on air and in preview', () => {
    const bind = { f0: { seat: 'E14001425', value: 'verdict' } };
    const show: Show = {
      format: 'strapline-show',
      version: SHOW_FORMAT_VERSION,
      name: 'N',
      stacks: [
        {
          id: 's',
          name: 'S',
          cues: [
            { id: 'bound', title: 'Bound strap', template: 'l3rd-3f2a9c01de', layer: 'lower-third', fields: { f0: 'x', bind } },
            { id: 'plain', title: 'Plain strap', template: 'l3rd-3f2a9c01de', layer: 'fullscreen', fields: { f0: 'x' } },
          ],
        },
      ],
    };
    const onAir = (cueId: string, fields: Record<string, unknown>) => ({
      takeId: 1,
      cueId,
      title: cueId,
      template: 'l3rd-3f2a9c01de',
      fields,
      view: {},
      viewRevision: 1,
      step: 1,
      steps: 1,
      updateSeq: 0,
      since: 0,
    });
    const program: ProgramSnapshot = {
      revision: 3,
      at: 0,
      composition: compose(['lower-third', 'fullscreen']),
      program: { 'lower-third': onAir('bound', { f0: 'x', bind }), fullscreen: onAir('plain', { f0: 'x' }) },
      preview: { cueId: 'bound', template: 'l3rd-3f2a9c01de', layer: 'lower-third', fields: { f0: 'x', bind }, view: {}, viewRevision: 1 },
    };
    expect(boundGraphics(program, show)).toEqual([
      { where: 'LOWER THIRD on air', title: 'bound' },
      { where: 'PREVIEW', title: 'Bound strap' },
    ]);
  });
});
