import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { PIXEL_THRESHOLD } from './screenshot';

/**
 * Pixel checks for key and fill, on Playwright screenshots (RGBA PNGs of the whole page).
 * `program` is the transparent output shot with omitBackground, so its alpha channel is what
 * a browser source would key with; the key and fill pages must agree with it.
 */
export interface Agreement {
  /** Pixels compared (the whole frame). */
  pixels: number;
  /** Pixels where the program is partly transparent (shadows, fades, anti-aliased edges). */
  partial: number;
  /** Pixels off by more than the tolerance. */
  wrong: number;
  /** The largest difference seen, in 8-bit levels. */
  worst: number;
}

const read = (png: Buffer) => PNG.sync.read(png);

/** The key's grey level (its red, green and blue alike) against the program's alpha, pixel by pixel. */
export function keyAgainstAlpha(programPng: Buffer, keyPng: Buffer, tolerance: number): Agreement {
  const program = read(programPng);
  const key = read(keyPng);
  let partial = 0;
  let wrong = 0;
  let worst = 0;
  for (let i = 0; i < program.data.length; i += 4) {
    const alpha = program.data[i + 3]!;
    if (alpha > 0 && alpha < 255) partial += 1;
    const off = Math.max(...[0, 1, 2].map((c) => Math.abs(key.data[i + c]! - alpha)));
    worst = Math.max(worst, off);
    if (off > tolerance) wrong += 1;
  }
  return { pixels: program.data.length / 4, partial, wrong, worst };
}

/**
 * Pixels where the fill differs from the program drawn over black (premultiplied: colour
 * times alpha), by pixelmatch with the screenshot tests' threshold. Its anti-aliasing
 * detection is needed: Chromium smooths text differently over a transparent page and over
 * black, so glyph edges differ by design while every panel, shadow and colour must match.
 */
export function fillAgainstProgram(programPng: Buffer, fillPng: Buffer): number {
  const program = read(programPng);
  const fill = read(fillPng);
  const overBlack = Buffer.alloc(program.data.length);
  for (let i = 0; i < program.data.length; i += 4) {
    const alpha = program.data[i + 3]!;
    for (const c of [0, 1, 2]) overBlack[i + c] = Math.round((program.data[i + c]! * alpha) / 255);
    overBlack[i + 3] = 255;
  }
  return pixelmatch(overBlack, fill.data, undefined, program.width, program.height, { threshold: PIXEL_THRESHOLD });
}

/**
 * Partly transparent pixels that are not anti-aliasing: a pixel of an edge has a fully opaque
 * and a fully clear pixel within `reach` of it, a pixel of a soft shadow or a fade has not.
 */
export function blendsBeyondEdges(png: Buffer, reach = 2): number {
  const { width, height, data } = read(png);
  const alpha = (x: number, y: number) => data[(y * width + x) * 4 + 3]!;
  let blends = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const a = alpha(x, y);
      if (a === 0 || a === 255) continue;
      let opaque = false;
      let clear = false;
      for (let dy = -reach; dy <= reach && !(opaque && clear); dy++) {
        for (let dx = -reach; dx <= reach; dx++) {
          const [nx, ny] = [x + dx, y + dy];
          if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
          const n = alpha(nx, ny);
          opaque ||= n >= 250;
          clear ||= n <= 5;
        }
      }
      if (!(opaque && clear)) blends += 1;
    }
  }
  return blends;
}
