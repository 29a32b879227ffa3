import { describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATE_IDS, TEMPLATE_DEFINITIONS } from '../../../main/templates/definitions';
import { VIEWS } from '../../../overlays/graphics/views';

// The compiler holds VIEWS to BUILTIN_TEMPLATE_IDS; this holds the ids to the definitions.
describe('built-in template ids', () => {
  it('name every definition once, in order, and each has a drawing', () => {
    expect(TEMPLATE_DEFINITIONS.map((d) => d.id)).toEqual([...BUILTIN_TEMPLATE_IDS]);
    for (const id of BUILTIN_TEMPLATE_IDS) expect(typeof VIEWS[id]?.create, id).toBe('function');
  });
});
