import { app, BrowserWindow, dialog, ipcMain, Menu, screen, session, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { startHeadless, WEB_ROOT, defaultAsRunPath, type Headless } from '../server/headless';
import { CONTENT_SECURITY_POLICY } from '../server/static-files';
import type { ViewSend } from '../server/view-hub';
import { commitIpcCommand, isFromWindow, serverOrigin, type Sender } from './ipc-guard';
import { WindowOutputs, WINDOW_PEER } from './output-reports';
import { shellStartOptions, startFailure } from './start-options';
import { createConsoleWindow, createOutputWindow, pickOutputDisplay, type OutputWindowSignal } from './windows';
import { loadSettings, saveSettings } from './settings';

/**
 * The Electron shell: windows, displays, menus and the preload bridges. The
 * engine, the control API and the show files run here exactly as they do
 * headless; both windows are pages of that same server.
 */
let strapline: Headless;
/** The server's origin: the only place our windows load from and IPC is trusted from. */
let origin = '';
let outputs: WindowOutputs;
let consoleWin: BrowserWindow | null = null;
/** The console window's page as a view of the hub, from its 'ready' until it reloads or the window goes. */
let consoleView: (() => void) | null = null;
/** The program window, or the fill and the key windows of a pair (settings.keyFill). */
const outputWins = new Map<OutputWindowSignal, BrowserWindow>();
let stopping: Promise<void> | null = null;

const senderOf = (e: IpcMainEvent | IpcMainInvokeEvent): Sender => ({ id: e.sender.id, frameUrl: e.senderFrame?.url ?? '' });
const idOf = (win: BrowserWindow | null | undefined): number | null => (win && !win.isDestroyed() ? win.webContents.id : null);
/** The sender's id if it is one of our output windows, else null: what ipc-guard checks it against. */
const outputIdOf = (sender: Sender): number | null => ([...outputWins.values()].some((w) => idOf(w) === sender.id) ? sender.id : null);
const PEERS: Record<OutputWindowSignal, string> = { program: WINDOW_PEER, fill: 'Electron fill window', key: 'Electron key window' };
const signalOf = (sender: Sender): OutputWindowSignal => [...outputWins].find(([, w]) => idOf(w) === sender.id)?.[0] ?? 'program';

/** A window's page as the hub sees it: what it is sent goes over the preload's one channel, while the page lives. */
const windowSend =
  (contents: WebContents): ViewSend =>
  (event) => {
    if (!contents.isDestroyed()) contents.send('strapline:event', event);
  };

/** The console's page said ready (first load or reload): greeted like a socket console, it hears what every console hears. */
function consoleReady(contents: WebContents): void {
  consoleView?.();
  consoleView = strapline.server.hub.register({ role: 'console', send: windowSend(contents) });
}

/** The output windows the settings ask for: the program, or a fill and a key on two displays. */
function openOutputs(): void {
  for (const win of outputWins.values()) if (!win.isDestroyed()) win.destroy();
  outputWins.clear();
  const settings = loadSettings(app.getPath('userData'));
  for (const signal of settings.keyFill ? (['fill', 'key'] as const) : (['program'] as const)) openOutput(signal);
}

function openOutput(signal: OutputWindowSignal): void {
  const settings = loadSettings(app.getPath('userData'));
  // The key goes to its own display, never on top of the fill.
  const fillOn = pickOutputDisplay(settings.outputDisplayId).display.id;
  const win =
    signal === 'key' ? createOutputWindow(origin, settings.keyDisplayId, 'key', [fillOn]) : createOutputWindow(origin, settings.outputDisplayId, signal);
  outputWins.set(signal, win);
  // Taken now: after 'closed' Electron no longer lets us read the window's webContents.
  const contentsId = win.webContents.id;
  // However the page goes (crash, display change, closed), the console sees that output lost.
  win.on('closed', () => outputs.gone(contentsId));
  // A dead renderer must not leave the air black: rebuild it (that window only), it cuts to what is on air.
  win.webContents.on('render-process-gone', (_e, details) => {
    console.error(`output renderer gone (${details.reason}): recreating`);
    outputs.gone(contentsId);
    if (!win.isDestroyed()) win.destroy();
    if (outputWins.get(signal) === win) openOutput(signal);
  });
}

function buildMenu(): void {
  const settings = loadSettings(app.getPath('userData'));
  const choose = (label: string, key: 'outputDisplayId' | 'keyDisplayId') => ({
    label,
    submenu: screen.getAllDisplays().map((d, i) => ({
      label: `Display ${i + 1} (${d.bounds.width}x${d.bounds.height})`,
      type: 'radio' as const,
      checked: d.id === settings[key],
      click: () => change({ ...settings, [key]: d.id }),
    })),
  });
  const change = (next: typeof settings) => {
    saveSettings(app.getPath('userData'), next);
    openOutputs();
    buildMenu();
  };
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      { role: 'fileMenu' },
      {
        label: 'Output',
        submenu: [
          choose(settings.keyFill ? 'Fill display' : 'Output display', 'outputDisplayId'),
          { label: 'Key and fill windows', type: 'checkbox', checked: settings.keyFill, click: () => change({ ...settings, keyFill: !settings.keyFill }) },
          ...(settings.keyFill ? [choose('Key display', 'keyDisplayId')] : []),
        ],
      },
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
  const options = shellStartOptions(process.env);
  strapline = await startHeadless({ ...options, host: '127.0.0.1', asRunPath: defaultAsRunPath(), webRoot: WEB_ROOT });
  // The port actually bound (STRAPLINE_PORT=0 picks a free one), never the one asked for.
  origin = serverOrigin(strapline.server.url);
  // Windows are views of the same hub as sockets: outputs first, the consoles told of everything alike.
  outputs = new WindowOutputs(strapline.server.hub, origin);
  console.log(`Strapline control API at ${strapline.server.url}/api/state`);
  console.log(`Strapline data folder ${options.dataDir} (autosaves, recent shows, crash recovery); show: ${strapline.showFiles?.source}`);

  ipcMain.handle('strapline:command', (e, command: unknown) => commitIpcCommand(strapline.engine, senderOf(e), idOf(consoleWin), origin, command));
  ipcMain.on('strapline:ready', (e) => {
    const sender = senderOf(e);
    if (isFromWindow(sender, idOf(consoleWin), origin)) consoleReady(e.sender);
    else outputs.ready(sender, outputIdOf(sender), windowSend(e.sender), PEERS[signalOf(sender)]);
  });
  // A refused report is dropped, not logged: a page sending nonsense every two seconds would
  // flood the log, and the console already shows an output that stops reporting as stale.
  ipcMain.on('strapline:report', (e, report: unknown) => void outputs.report(senderOf(e), outputIdOf(senderOf(e)), report));

  buildMenu();
  openOutputs();
  consoleWin = createConsoleWindow(origin);
  // A crashed console reloads and asks for the state again ('ready'); the air never depended on it.
  const consoleContents = consoleWin.webContents;
  consoleContents.on('render-process-gone', (_e, details) => {
    console.error(`console renderer gone (${details.reason}): reloading`);
    if (!consoleContents.isDestroyed()) consoleContents.reload();
  });
  // The output lives on without the console; closing the console ends the app.
  consoleWin.on('closed', () => {
    consoleView?.();
    consoleView = null;
    app.quit();
  });
}

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (e) => e.preventDefault());
});
// Quitting waits for the engine to stop: the last autosave and the clean-stop mark in
// session.json must be on disk, or the next start would offer a crash recovery for nothing.
let stopped = false;
app.on('before-quit', (e) => {
  if (stopped || !strapline) return;
  e.preventDefault();
  stopping ??= strapline.close().finally(() => {
    stopped = true;
    app.quit();
  });
});
main().catch((e: unknown) => {
  const message = startFailure(e);
  console.error(`Strapline could not start: ${message}`);
  // Started from a desktop icon there is no terminal to read: say it on screen too.
  dialog.showErrorBox('Strapline could not start', message);
  app.exit(1);
});
