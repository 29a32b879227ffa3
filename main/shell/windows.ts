import { BrowserWindow, screen, type Display } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Both windows load their pages from the engine's own loopback server (the
 * origin of strapline.server.url), not from file://: the console's panels call
 * /api/* with fetch (show files, recovery, as-run, constituency picker,
 * access), which only works from that origin. The server sends the same CSP
 * and checks Host and Origin; commands and snapshots still go over the
 * preload bridges, and ipc-guard trusts exactly this origin.
 */
export const consolePage = (origin: string): string => `${origin}/`;
export const outputPage = (origin: string, signal: OutputWindowSignal = 'program'): string =>
  signal === 'program' ? `${origin}/output` : `${origin}/output?signal=${signal}`;

/** What an output window puts out: the program on its own, or one half of a key-and-fill pair. */
export type OutputWindowSignal = 'program' | 'fill' | 'key';
const TITLES: Record<OutputWindowSignal, string> = { program: 'Strapline output', fill: 'Strapline fill', key: 'Strapline key' };

const secure = (preload: string) => ({
  preload: path.join(OUT, 'preload', preload),
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  webSecurity: true,
  spellcheck: false,
});

/** Our windows never navigate (not even within the origin) or open others: the page they were given is the page they show. */
function lockDown(win: BrowserWindow): void {
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (e) => e.preventDefault());
  win.webContents.on('will-redirect', (e) => e.preventDefault());
}

export function createConsoleWindow(origin: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1600,
    height: 960,
    minWidth: 1366,
    minHeight: 768,
    backgroundColor: '#0e1116',
    title: 'Strapline',
    webPreferences: secure('console.cjs'),
  });
  lockDown(win);
  void win.loadURL(consolePage(origin));
  return win;
}

/**
 * The operator's chosen display if it is still there, else any other than the console's (and
 * than those already taken by the other half of a key-and-fill pair), else the primary,
 * windowed.
 */
export function pickOutputDisplay(wantedId: number | null, taken: readonly number[] = []): { display: Display; fullscreen: boolean } {
  const all = screen.getAllDisplays();
  const primary = screen.getPrimaryDisplay();
  const free = (d: Display) => !taken.includes(d.id);
  const chosen = all.find((d) => d.id === wantedId && free(d)) ?? all.find((d) => d.id !== primary.id && free(d));
  return chosen ? { display: chosen, fullscreen: true } : { display: primary, fullscreen: false };
}

export function createOutputWindow(
  origin: string,
  wantedDisplayId: number | null,
  signal: OutputWindowSignal = 'program',
  taken: readonly number[] = [],
): BrowserWindow {
  const { display, fullscreen } = pickOutputDisplay(wantedDisplayId, taken);
  const { x, y } = display.bounds;
  const win = new BrowserWindow({
    x,
    y,
    // With one display, a 1920x1080 window the operator can place.
    width: fullscreen ? display.bounds.width : 1920,
    height: fullscreen ? display.bounds.height : 1080,
    frame: false,
    fullscreen,
    backgroundColor: '#000000',
    title: TITLES[signal],
    webPreferences: { ...secure('output.cjs'), backgroundThrottling: false },
  });
  lockDown(win);
  void win.loadURL(outputPage(origin, signal));
  return win;
}
