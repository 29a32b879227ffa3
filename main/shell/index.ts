import { app, BrowserWindow, ipcMain, Menu, screen, session, type WebContents } from 'electron';
import { startHeadless, DEMO_SHOW, WEB_ROOT, defaultAsRunPath, type Headless } from '../server/headless';
import { CONTENT_SECURITY_POLICY } from '../server/static-files';
import type { ServerEvent } from '../engine/protocol';
import { handleIpcCommand } from './ipc-guard';
import { createConsoleWindow, createOutputWindow, PAGES_ROOT } from './windows';
import { loadSettings, saveSettings } from './settings';

/**
 * The Electron shell: windows, displays, menus and the preload bridges. The
 * engine and the control API run here exactly as they do headless.
 */
let strapline: Headless;
let consoleWin: BrowserWindow | null = null;
let outputWin: BrowserWindow | null = null;

function isOurs(contents: WebContents): boolean {
  return contents === consoleWin?.webContents || contents === outputWin?.webContents;
}

function sendSnapshots(contents: WebContents): void {
  const events: ServerEvent[] = [
    { type: 'show', data: strapline.engine.showSnapshot() },
    { type: 'program', data: strapline.engine.programSnapshot() },
  ];
  for (const event of events) {
    if (event.type === 'show' && contents !== consoleWin?.webContents) continue;
    contents.send('strapline:event', event);
  }
}

function openOutput(): void {
  const settings = loadSettings(app.getPath('userData'));
  outputWin = createOutputWindow(settings.outputDisplayId);
  const win = outputWin;
  // A dead renderer must not leave the air black: rebuild it, it cuts to what is on air.
  win.webContents.on('render-process-gone', (_e, details) => {
    console.error(`output renderer gone (${details.reason}): recreating`);
    if (!win.isDestroyed()) win.destroy();
    if (outputWin === win) openOutput();
  });
}

function buildMenu(): void {
  const settings = loadSettings(app.getPath('userData'));
  const displays = screen.getAllDisplays().map((d, i) => ({
    label: `Display ${i + 1} (${d.bounds.width}x${d.bounds.height})`,
    type: 'radio' as const,
    checked: d.id === settings.outputDisplayId,
    click: () => {
      saveSettings(app.getPath('userData'), { ...settings, outputDisplayId: d.id });
      outputWin?.destroy();
      openOutput();
    },
  }));
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      { role: 'fileMenu' },
      { label: 'Output', submenu: [{ label: 'Output display', submenu: displays }] },
      { role: 'viewMenu' },
    ]),
  );
}

async function main(): Promise<void> {
  await app.whenReady();
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  const showPath = process.env.STRAPLINE_SHOW ?? DEMO_SHOW;
  strapline = await startHeadless({ showPath, host: '127.0.0.1', port: Number(process.env.STRAPLINE_PORT ?? 7300), asRunPath: defaultAsRunPath(), webRoot: WEB_ROOT });
  console.log(`Strapline control API at ${strapline.server.url}/api/state`);

  strapline.engine.subscribe((event) => {
    if (event.type === 'error') return;
    if (consoleWin && !consoleWin.isDestroyed()) consoleWin.webContents.send('strapline:event', event);
    if (event.type === 'program' && outputWin && !outputWin.isDestroyed()) outputWin.webContents.send('strapline:event', event);
  });
  ipcMain.handle('strapline:command', (e, command: unknown) =>
    handleIpcCommand(strapline.engine, { id: e.sender.id, frameUrl: e.senderFrame?.url ?? '' }, consoleWin?.webContents.id ?? null, PAGES_ROOT, command),
  );
  ipcMain.on('strapline:ready', (e) => {
    if (isOurs(e.sender)) sendSnapshots(e.sender);
  });

  buildMenu();
  openOutput();
  consoleWin = createConsoleWindow();
  // A crashed console reloads and asks for the state again ('ready'); the air never depended on it.
  const consoleContents = consoleWin.webContents;
  consoleContents.on('render-process-gone', (_e, details) => {
    console.error(`console renderer gone (${details.reason}): reloading`);
    if (!consoleContents.isDestroyed()) consoleContents.reload();
  });
  // The output lives on without the console; closing the console ends the app.
  consoleWin.on('closed', () => app.quit());
}

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (e) => e.preventDefault());
});
app.on('before-quit', () => void strapline?.close());
main().catch((e: unknown) => {
  console.error(`Strapline could not start: ${(e as Error).message}`);
  app.exit(1);
});
