import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARTY_TABLE } from '../../../main/engine/election/party-table';
import { REPO_ROOT } from '../../../main/server/headless';
import { HOUSE_ACCENT } from '../../../main/templates/palette';
import { BUG_ACCENTS } from '../../../main/templates/bug/schema';
import { accentColour } from '../../../overlays/graphics/bug/fill';
import { INK, TEXT_AA, WHITE, contrastRatio, relativeLuminance, textPlate } from '../../../overlays/graphics/common/parts';

const ratio = (n: number) => `${n.toFixed(2)}:1`;
const name = (c: string) => (c === WHITE ? 'white' : c === INK ? 'ink' : c);
const rows = [...PARTY_TABLE.map((p) => ({ id: p.id, colour: p.colour })), { id: 'house gold', colour: HOUSE_ACCENT }].map((r) => {
  const { plate, text } = textPlate(r.colour);
  const onPlate = contrastRatio(text, plate);
  return { ...r, plate, text, onPlate, label: `${r.id} ${r.colour}: ${name(text)} on ${plate} at ${ratio(onPlate)}` };
});

/** Hue in degrees and saturation (HSV) of a #rrggbb colour: what a darker plate must keep to read as the party. */
function hueAndSaturation(hex: string): { hue: number; sat: number } {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const d = max - Math.min(r, g, b);
  if (d === 0) return { hue: 0, sat: 0 };
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return { hue: (h * 60 + 360) % 360, sat: d / max };
}

describe('contrast maths', () => {
  it('gives the WCAG ratios: 21:1 for black on white, 1:1 for a colour on itself, either order', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 6);
    expect(contrastRatio('#E4003B', '#e4003b')).toBe(1);
    // #767676 is the well-known lightest grey that passes 4.5:1 on white.
    expect(contrastRatio('#767676', WHITE)).toBeCloseTo(4.54, 2);
    expect(contrastRatio(WHITE, '#767676')).toBe(contrastRatio('#767676', WHITE));
  });

  it('refuses anything but #rrggbb, naming the value', () => {
    expect(() => relativeLuminance('rgba(255, 255, 255, 0)')).toThrow('not a #rrggbb colour: "rgba(255, 255, 255, 0)"');
    expect(() => textPlate('E4003B')).toThrow('not a #rrggbb colour: "E4003B"');
  });
});

describe('one plate and one type colour for words on every party colour (textPlate)', () => {
  it.each(rows)('$label', ({ onPlate }) => {
    // Every word on air reaches AA for body text against its plate (issue 13, Proof).
    expect(onPlate).toBeGreaterThanOrEqual(TEXT_AA);
  });

  it('keeps the brand colour where its type already reaches 4.5:1, and darkens only Con, Green, DUP, SDLP and Ind', () => {
    expect(rows.filter((r) => r.plate !== r.colour).map((r) => r.id)).toEqual(['con', 'green', 'dup', 'sdlp', 'ind']);
  });

  it('sets white on Labour red and the darkened plates, ink on the light ones (Lib Dem, Reform, SNP, Alliance, gold)', () => {
    const by = Object.fromEntries(rows.map((r) => [r.id, name(r.text)]));
    expect(by).toMatchObject({
      lab: 'white',
      con: 'white',
      green: 'white',
      dup: 'white',
      sdlp: 'white',
      ind: 'white',
      pc: 'white',
      ld: 'ink',
      reform: 'ink',
      snp: 'ink',
      alliance: 'ink',
      'house gold': 'ink',
    });
  });

  it('darkens a plate without changing its colour: the same hue within 2 degrees and the same saturation within 0.05, and no darker than needed', () => {
    for (const r of rows.filter((x) => x.plate !== x.colour)) {
      const [brand, plate] = [hueAndSaturation(r.colour), hueAndSaturation(r.plate)];
      expect(Math.abs(brand.hue - plate.hue), `${r.id} hue`).toBeLessThan(2);
      expect(Math.abs(brand.sat - plate.sat), `${r.id} saturation`).toBeLessThan(0.05);
      expect(r.onPlate, `${r.id} is darkened no further than 4.5:1 needs`).toBeLessThan(4.8);
      // White on the brand colour itself is under 4.5:1: that is why the plate is there.
      expect(contrastRatio(WHITE, r.colour), r.id).toBeLessThan(TEXT_AA);
    }
  });

  it('is the only luminance rule in the overlays: no template keeps a text-colour function of its own', async () => {
    const root = path.join(REPO_ROOT, 'overlays');
    const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith('.ts'));
    const owners: string[] = [];
    for (const f of files) {
      // 0.7152 is the green weight of every relative-luminance formula.
      if ((await readFile(path.join(root, f), 'utf8')).includes('0.7152')) owners.push(f.split(path.sep).join('/'));
    }
    expect(owners).toEqual(['graphics/common/parts.ts']);
  });
});

describe('every bug variant reads', () => {
  const variants = BUG_ACCENTS.map((accent) => {
    const { plate, text } = textPlate(accentColour(accent));
    return { accent, plate, text, label: `${accent} ${plate}: ${name(text)} at ${ratio(contrastRatio(text, plate))}` };
  });

  it.each(variants)('$label', ({ plate, text }) => {
    expect(contrastRatio(text, plate)).toBeGreaterThanOrEqual(TEXT_AA);
  });

  it('sets LIVE and EXIT POLL in white on the live red, and the clock in white on both navies', () => {
    expect(textPlate(accentColour('live'))).toEqual({ plate: accentColour('live'), text: WHITE });
    expect(contrastRatio(WHITE, accentColour('live'))).toBeGreaterThanOrEqual(4.5);
    // The clock block is a gradient from --ink-2 to --ink with --paper type: its lighter end is the worst case.
    expect(contrastRatio(WHITE, '#12254a')).toBeGreaterThanOrEqual(15);
  });
});
