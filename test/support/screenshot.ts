import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { expect } from 'vitest';
import { REPO_ROOT } from '../../main/server/headless';

export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test/e2e/screenshots');
/** How to remake the references of the test file that is running now. */
export function updateCommand(): string {
  const testPath = expect.getState().testPath;
  return `UPDATE_SCREENSHOTS=1 npx vitest run ${testPath ? path.relative(REPO_ROOT, testPath) : 'test/e2e/template-screenshots.test.ts'}`;
}
export const updating = (): boolean => process.env.UPDATE_SCREENSHOTS === '1';

/**
 * Two tolerances, from measurement on this machine's Chromium: the same still
 * drawn in two separate browser launches differed in 0 pixels (strap,
 * seat-result, exit-poll, hemicycle), while one digit changed in a vote count
 * or a share change differed in 49 to 70 pixels. PIXEL_THRESHOLD (pixelmatch's
 * YIQ colour distance, 0 to 1; its default) lets a colour move a little (a
 * Chromium update's rounding of a gradient) without counting, and pixelmatch
 * skips anti-aliased edge pixels. MAX_DIFF_SHARE of the 1920x1080 frame
 * (0.001%, 20 pixels) allows a few stray pixels but fails a single wrong
 * figure, let alone a moved panel or a missing bar.
 */
export const PIXEL_THRESHOLD = 0.1;
export const MAX_DIFF_SHARE = 0.00001;

let failuresDir: Promise<string> | null = null;
/** One temp folder a run for actual and diff images, made only when something fails. */
function failureFolder(): Promise<string> {
  failuresDir ??= mkdtemp(path.join(os.tmpdir(), 'strapline-screenshots-'));
  return failuresDir;
}

export interface Comparison {
  ok: boolean;
  message: string;
  diffPixels: number;
}

export function referencePath(name: string): string {
  return path.join(SCREENSHOT_DIR, `${name}.png`);
}

/** Compares a PNG with its reference image; writes the reference instead when updating. */
export async function compareWithReference(name: string, actualPng: Buffer, maxDiffShare = MAX_DIFF_SHARE): Promise<Comparison> {
  const reference = referencePath(name);
  const shown = path.relative(REPO_ROOT, reference);
  if (updating()) {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await writeFile(reference, actualPng);
    return { ok: true, message: `wrote ${shown}`, diffPixels: 0 };
  }
  let expectedPng: Buffer;
  try {
    expectedPng = await readFile(reference);
  } catch {
    const actualFile = path.join(await failureFolder(), `${name}-actual.png`);
    await writeFile(actualFile, actualPng);
    return {
      ok: false,
      diffPixels: Number.NaN,
      message: `no reference image ${shown}. This run drew ${actualFile}; if it looks right, make the references with: ${updateCommand()}`,
    };
  }
  const actual = PNG.sync.read(actualPng);
  const expected = PNG.sync.read(expectedPng);
  if (actual.width !== expected.width || actual.height !== expected.height) {
    return { ok: false, diffPixels: Number.NaN, message: `${name}: ${actual.width}x${actual.height} drawn, reference is ${expected.width}x${expected.height}` };
  }
  const diff = new PNG({ width: actual.width, height: actual.height });
  const diffPixels = pixelmatch(actual.data, expected.data, diff.data, actual.width, actual.height, { threshold: PIXEL_THRESHOLD });
  const allowed = Math.floor(actual.width * actual.height * maxDiffShare);
  if (diffPixels <= allowed) return { ok: true, diffPixels, message: `${name}: ${diffPixels} pixels differ (at most ${allowed})` };
  const dir = await failureFolder();
  const actualFile = path.join(dir, `${name}-actual.png`);
  const diffFile = path.join(dir, `${name}-diff.png`);
  await writeFile(actualFile, actualPng);
  await writeFile(diffFile, PNG.sync.write(diff));
  return {
    ok: false,
    diffPixels,
    message:
      `${name}: ${diffPixels} pixels differ from ${shown} (at most ${allowed}). ` +
      `Actual: ${actualFile}; diff (changed pixels in red): ${diffFile}. ` +
      `If the change is meant, update the references with: ${updateCommand()}`,
  };
}
