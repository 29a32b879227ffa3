import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { contrastRatio, TEXT_AA } from '../../overlays/graphics/common/parts';

export { TEXT_AA };

/** What stands behind the output stage in a test: the extremes of a studio, and a busy picture. */
export type Backdrop = 'white' | 'black' | 'busy';
export const BACKDROPS: readonly Backdrop[] = ['white', 'black', 'busy'];

/** One text on the stage: where it is, its colour (with its opacity folded in) and its words. */
interface TextBox {
  text: string;
  where: string;
  rgba: [number, number, number, number];
  rects: { x: number; y: number; w: number; h: number }[];
}

export interface ContrastFailure {
  text: string;
  where: string;
  ratio: number;
  needed: number;
}

/**
 * Puts a backdrop behind the stage. The busy picture is generated (seeded, so every run draws
 * the same): blocks of white, black, skin and saturated colours, and fine stripes, the worst a
 * studio shot can put behind a graphic.
 */
export async function setBackdrop(page: Page, backdrop: Backdrop): Promise<void> {
  await page.evaluate((backdrop) => {
    const stage = document.querySelector<HTMLElement>('.stage')!;
    if (backdrop !== 'busy') return void (stage.style.background = backdrop === 'white' ? '#ffffff' : '#000000');
    const canvas = document.createElement('canvas');
    canvas.width = 1920;
    canvas.height = 1080;
    const g = canvas.getContext('2d')!;
    let seed = 20240704;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const colours = ['#ffffff', '#000000', '#f3d2b3', '#e8e8e8', '#ffdd00', '#00a0ff', '#ff3030', '#30c060', '#8040c0', '#202020'];
    for (let i = 0; i < 400; i++) {
      g.fillStyle = colours[Math.floor(rnd() * colours.length)]!;
      g.fillRect(rnd() * 1920, rnd() * 1080, 40 + rnd() * 300, 20 + rnd() * 200);
    }
    for (let x = 0; x < 1920; x += 6) {
      g.fillStyle = x % 12 === 0 ? 'rgba(255,255,255,0.5)' : 'rgba(0,0,0,0.5)';
      if (Math.floor(x / 240) % 3 === 0) g.fillRect(x, 0, 3, 1080);
    }
    stage.style.background = `url(${canvas.toDataURL()}) 0 0 / 1920px 1080px`;
  }, backdrop);
}

/** Every visible text on the stage, read before the words are hidden. */
function readTexts(page: Page): Promise<TextBox[]> {
  return page.evaluate(() => {
    const parse = (css: string): [number, number, number, number] => {
      const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(css);
      if (!m) throw new Error(`cannot read the colour ${css}`);
      return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])];
    };
    const stage = document.querySelector<HTMLElement>('.stage')!;
    const walker = document.createTreeWalker(stage, NodeFilter.SHOW_TEXT);
    const out: { text: string; where: string; rgba: [number, number, number, number]; rects: { x: number; y: number; w: number; h: number }[] }[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const el = node.parentElement;
      if (!text || !el || !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      let opacity = 1;
      for (let e: Element | null = el; e && e !== stage; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
      if (opacity < 0.05) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      // Only what is drawn: clipped to every box that hides its overflow (the ticker's window, the stage).
      const clips: DOMRect[] = [];
      for (let e: Element | null = el; e; e = e.parentElement) {
        const s = getComputedStyle(e);
        if (s.overflowX !== 'visible' || s.overflowY !== 'visible' || e === stage) clips.push(e.getBoundingClientRect());
        if (e === stage) break;
      }
      const rects = [...range.getClientRects()]
        .map((r) => {
          let [x0, y0, x1, y1] = [r.left, r.top, r.right, r.bottom];
          for (const c of clips) [x0, y0, x1, y1] = [Math.max(x0, c.left), Math.max(y0, c.top), Math.min(x1, c.right), Math.min(y1, c.bottom)];
          return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
        })
        .filter((r) => r.w > 4 && r.h > 4);
      if (!rects.length) continue;
      const style = getComputedStyle(el);
      const rgba = parse(el instanceof SVGElement ? style.fill : style.color);
      rgba[3] *= opacity;
      out.push({ text, where: `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`, rgba, rects });
    }
    return out;
  });
}

const hex = (r: number, g: number, b: number) => `#${[r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

/**
 * Checks every text on the stage against what is really behind it: the words are hidden, the
 * frame is captured, and each text's colour is composited over every pixel behind its middle
 * (its line box less a fifth top and bottom, where the glyphs are) and compared with it; the
 * worst pixel counts. Every text is held to 4.5:1, on a party's plate as on the navy: the
 * plates are the party's plate shade (textPlate in common/parts.ts), not its brand colour.
 */
export async function contrastFailures(page: Page): Promise<{ checked: number; failures: ContrastFailure[] }> {
  const texts = await readTexts(page);
  const hide = await page.addStyleTag({
    content: '.stage * { -webkit-text-fill-color: transparent !important; text-shadow: none !important; } .stage svg text { fill: transparent !important; }',
  });
  const png = PNG.sync.read(await page.screenshot({ type: 'png', animations: 'disabled', caret: 'hide' }));
  await hide.evaluate((el) => (el as Element).remove());
  const failures: ContrastFailure[] = [];
  for (const t of texts) {
    let worst = Infinity;
    for (const r of t.rects) {
      const top = Math.ceil(r.y + r.h * 0.2);
      const bottom = Math.floor(r.y + r.h * 0.8);
      for (let y = Math.max(0, top); y < Math.min(png.height, bottom); y++) {
        for (let x = Math.max(0, Math.ceil(r.x + 2)); x < Math.min(png.width, Math.floor(r.x + r.w - 2)); x++) {
          const i = (y * png.width + x) * 4;
          const bg = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!] as const;
          const [cr, cg, cb, a] = t.rgba;
          const fg = hex(cr * a + bg[0] * (1 - a), cg * a + bg[1] * (1 - a), cb * a + bg[2] * (1 - a));
          const behind = hex(...bg);
          worst = Math.min(worst, contrastRatio(fg, behind));
        }
      }
    }
    if (worst < TEXT_AA) failures.push({ text: t.text, where: t.where, ratio: Math.round(worst * 100) / 100, needed: TEXT_AA });
  }
  return { checked: texts.length, failures };
}
