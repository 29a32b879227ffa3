import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARTY_TABLE, UNLISTED_PARTY_COLOUR } from '../../../main/engine/election/party-table';
import { HOUSE_ACCENT, partyColour } from '../../../main/templates/palette';
import { partyName, partyShort } from '../../../main/templates/common/parties';
import { REPO_ROOT } from '../../../main/server/headless';
import { contrastRatio, needsKeyline, NAVY_PANEL, relativeLuminance } from '../../../overlays/graphics/common/parts';

/** The lighter of the two navies the panels are painted in (--ink-2); the darker, --ink, only helps. */
const NAVY = '#12254a';
/** WCAG 1.4.11: graphical objects need 3:1 against what they sit on. */
const GRAPHICS_AA = 3;

async function keylineRule(): Promise<{ threshold: number; css: string }> {
  const css = await readFile(path.join(REPO_ROOT, 'overlays/styles/output.css'), 'utf8');
  const m = /--party-keyline:\s*color\(from var\(--party, #fff\) xyz-d65 [\d.]+ 1 [\d.]+ \/ clamp\(0, \(([\d.]+) - y\) \* 1000, ([\d.]+)\)\);/.exec(css);
  if (!m) throw new Error('output.css has no --party-keyline rule in the expected form');
  return { threshold: Number(m[1]), css };
}

/**
 * The keyline rule lives in CSS (so it follows any --party without a line of template code);
 * these tests hold its one number to the WCAG maths and say which parties it outlines.
 */
describe('party marks on navy: the keyline threshold', () => {
  it('is the luminance at which a colour reaches 3:1 against the navy panel', async () => {
    const { threshold } = await keylineRule();
    // (y + 0.05) / (navy + 0.05) = 3, solved for y.
    const exact = GRAPHICS_AA * (relativeLuminance(NAVY) + 0.05) - 0.05;
    expect(threshold).toBeCloseTo(exact, 3);
  });

  it('outlines exactly the parties under 3:1 on the navy: Plaid Cymru, Sinn Fein and TUV', async () => {
    const { threshold } = await keylineRule();
    const outlined = PARTY_TABLE.filter((p) => relativeLuminance(p.colour) < threshold).map((p) => p.id);
    const weak = PARTY_TABLE.filter((p) => contrastRatio(p.colour, NAVY) < GRAPHICS_AA).map((p) => p.id);
    expect(outlined).toEqual(weak);
    expect(outlined).toEqual(['pc', 'sf', 'tuv']);
  });

  it.each(PARTY_TABLE.map((p) => ({ id: p.id, colour: p.colour, label: `${p.id} ${p.colour}: ${contrastRatio(p.colour, NAVY).toFixed(2)}:1 on the navy` })))(
    '$label',
    async ({ colour }) => {
      const { threshold } = await keylineRule();
      // Either the colour holds on its own, or it is outlined: never a party mark that sinks.
      expect(contrastRatio(colour, NAVY) >= GRAPHICS_AA || relativeLuminance(colour) < threshold).toBe(true);
    },
  );

  it("agrees with needsKeyline, the same rule for marks that carry no --party (the hemicycle's dots)", async () => {
    const { threshold } = await keylineRule();
    expect(NAVY_PANEL).toBe(NAVY);
    for (const p of PARTY_TABLE) expect(needsKeyline(p.colour), p.id).toBe(relativeLuminance(p.colour) < threshold);
  });

  it('is drawn by the marks this design system owns: the strap accent and the ticker chip', async () => {
    const { css } = await keylineRule();
    const ticker = await readFile(path.join(REPO_ROOT, 'overlays/graphics/ticker/ticker.css'), 'utf8');
    const draws = 'box-shadow: inset 0 0 0 var(--keyline-width) var(--party-keyline);';
    expect(css.slice(css.indexOf('.strap-accent {'))).toContain(draws);
    expect(ticker.slice(ticker.indexOf('.ticker-chip {'))).toContain(draws);
  });
});

describe('a party outside the table', () => {
  it('wears a neutral grey that reads on the navy, never the house gold beside the Lib Dem orange', () => {
    for (const party of ['sdp', 'aontu', 'democracy-for-chorley']) expect(partyColour(party)).toBe(UNLISTED_PARTY_COLOUR);
    expect(UNLISTED_PARTY_COLOUR).not.toBe(HOUSE_ACCENT);
    expect(contrastRatio(UNLISTED_PARTY_COLOUR, NAVY)).toBeGreaterThanOrEqual(GRAPHICS_AA);
    expect(needsKeyline(UNLISTED_PARTY_COLOUR)).toBe(false);
    // Grey: no hue to be taken for a party's (its channels within 24 of each other).
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(UNLISTED_PARTY_COLOUR.slice(i, i + 2), 16));
    expect(Math.max(r!, g!, b!) - Math.min(r!, g!, b!)).toBeLessThanOrEqual(24);
    // "none" (a strap about no one party) keeps the house accent.
    expect(partyColour('none')).toBe(HOUSE_ACCENT);
  });

  it('is named on air by its published name; every party in the table has its own short and long name', () => {
    expect(partyShort('sdp', 'Social Democratic Party')).toBe('SOCIAL DEMOCRATIC PARTY');
    expect(partyName('sdp', 'Social Democratic Party')).toBe('Social Democratic Party');
    for (const p of PARTY_TABLE) {
      expect(p.shortName, p.id).toBe(p.shortName.toUpperCase());
      expect(p.shortName.length, p.id).toBeLessThanOrEqual(10);
      expect(p.longName.length, p.id).toBeLessThanOrEqual(14);
    }
    expect(['reform', 'alliance', 'speaker', 'sf', 'pc', 'ld', 'wpb'].map((p) => partyShort(p))).toEqual([
      'REFORM',
      'ALLIANCE',
      'SPEAKER',
      'SINN FÉIN',
      'PLAID',
      'LIB DEM',
      'WORKERS',
    ]);
  });
});
