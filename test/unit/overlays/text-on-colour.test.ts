import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARTY_TABLE } from '../../../main/engine/election/party-table';
import { REPO_ROOT } from '../../../main/server/headless';
import { HOUSE_ACCENT } from '../../../main/templates/palette';
import { BUG_ACCENTS } from '../../../main/templates/bug/schema';
import { accentColour } from '../../../overlays/graphics/bug/fill';
import { INK, LARGE_TEXT_AA, WHITE, contrastRatio, relativeLuminance, textOn } from '../../../overlays/graphics/common/parts';

/**
 * APCA lightness contrast (SAPC 0.0.98G constants), the perceptual measure drafted for WCAG 3.
 * Here only as a second opinion where the one rule departs from "higher WCAG 2 ratio wins".
 */
function apca(text: string, ground: string): number {
  const y = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => (parseInt(hex.slice(i, i + 2), 16) / 255) ** 2.4) as [number, number, number];
    const raw = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
    return raw < 0.022 ? raw + (0.022 - raw) ** 1.414 : raw;
  };
  const [t, g] = [y(text), y(ground)];
  const sapc = g > t ? (g ** 0.56 - t ** 0.57) * 1.14 : (g ** 0.65 - t ** 0.62) * 1.14;
  return Math.abs(sapc) < 0.1 ? 0 : Math.abs(sapc) - 0.027;
}

const ratio = (n: number) => `${n.toFixed(2)}:1`;
const name = (c: string) => (c === WHITE ? 'white' : c === INK ? 'ink' : c);
const rows = [
  ...PARTY_TABLE.map((p) => ({ id: p.id, colour: p.colour })),
  { id: 'house gold', colour: HOUSE_ACCENT },
].map((r) => {
  const white = contrastRatio(WHITE, r.colour);
  const ink = contrastRatio(INK, r.colour);
  const chosen = textOn(r.colour);
  return { ...r, white, ink, chosen, label: `${r.id} ${r.colour}: white ${ratio(white)}, ink ${ratio(ink)} -> ${name(chosen)}` };
});

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
    expect(() => textOn('E4003B')).toThrow('not a #rrggbb colour: "E4003B"');
  });
});

describe('one text colour on every party colour (textOn)', () => {
  it.each(rows)('$label', ({ colour, white, ink, chosen }) => {
    const mine = chosen === WHITE ? white : ink;
    const other = chosen === WHITE ? ink : white;
    // Every word on air is large text (28 px and up, bold): AA asks 3:1 of it.
    expect(mine).toBeGreaterThanOrEqual(LARGE_TEXT_AA);
    if (mine >= other) return;
    // The only departure from "higher ratio wins": white kept where it passes AA, and APCA agrees.
    expect(chosen).toBe(WHITE);
    expect(apca(WHITE, colour)).toBeGreaterThan(apca(INK, colour));
  });

  it('departs from "higher WCAG ratio wins" only for Con, Green, DUP, SDLP and Ind (white, as television sets them)', () => {
    const departures = rows.filter((r) => (r.chosen === WHITE ? r.white : r.ink) < (r.chosen === WHITE ? r.ink : r.white));
    expect(departures.map((r) => r.id)).toEqual(['con', 'green', 'dup', 'sdlp', 'ind']);
  });

  it('sets white on Labour red and Conservative blue, ink on the light ones (Lib Dem, Reform, SNP, Alliance)', () => {
    const by = Object.fromEntries(rows.map((r) => [r.id, name(r.chosen)]));
    expect(by).toMatchObject({ lab: 'white', con: 'white', pc: 'white', ld: 'ink', reform: 'ink', snp: 'ink', alliance: 'ink', 'house gold': 'ink' });
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
    const ground = accentColour(accent);
    const text = textOn(ground);
    return { accent, ground, text, label: `${accent} ${ground}: ${name(text)} at ${ratio(contrastRatio(text, ground))}` };
  });

  it.each(variants)('$label', ({ accent, ground, text }) => {
    // The label is 36 px bold; LIVE and EXIT POLL on the live red, and the house gold, reach AA for body text too.
    expect(contrastRatio(text, ground)).toBeGreaterThanOrEqual(accent === 'live' || accent === 'none' ? 4.5 : LARGE_TEXT_AA);
  });

  it('sets LIVE and EXIT POLL in white on the live red, and the clock in white on both navies', () => {
    expect(textOn(accentColour('live'))).toBe(WHITE);
    expect(contrastRatio(WHITE, accentColour('live'))).toBeGreaterThanOrEqual(4.5);
    // The clock block is a gradient from --ink-2 to --ink with --paper type: its lighter end is the worst case.
    expect(contrastRatio(WHITE, '#12254a')).toBeGreaterThanOrEqual(15);
  });
});
