import { EventEmitter } from 'node:events';

/**
 * Just enough of Electron's main-process API for main/shell to run under
 * Vitest, where Electron's binary cannot be downloaded. It records what the
 * shell asks of Electron (window options, handlers, URLs, messages) so tests
 * can check the shell's own decisions; it cannot prove Electron honours them.
 */
let nextId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  readonly sent: { channel: string; payload: unknown }[] = [];
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  reloads = 0;
  destroyed = false;
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }
  reload(): void {
    this.reloads += 1;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static all: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  url: string | null = null;
  private destroyed = false;
  constructor(readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }) {
    super();
    FakeBrowserWindow.all.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url: string): Promise<void> {
    this.url = url;
    return Promise.resolve();
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

type Handler = (...args: never[]) => unknown;
export const ipcHandlers = new Map<string, Handler>();
export const ipcListeners = new Map<string, Handler>();
export const sessionHooks: { permission?: Handler; headers?: Handler } = {};

const display = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
/** The displays the fake screen reports, the first the primary: a test may add more before it starts the shell. */
export const displays = [display];

export const app = Object.assign(new EventEmitter(), {
  quitCalls: 0,
  exitCodes: [] as number[],
  whenReady: () => Promise.resolve(),
  getPath: () => process.env.STRAPLINE_TEST_USERDATA ?? '/nonexistent',
  quit() {
    app.quitCalls += 1;
  },
  exit(code: number) {
    app.exitCodes.push(code);
  },
});

/** Every application menu the shell set, the last one current (built from its template as is). */
export const menus: unknown[] = [];

/** The error boxes the shell showed (a failed start must be said on screen, not only on stderr). */
export const errorBoxes: { title: string; content: string }[] = [];

export const electron = {
  app,
  BrowserWindow: FakeBrowserWindow,
  ipcMain: {
    handle: (channel: string, fn: Handler) => void ipcHandlers.set(channel, fn),
    on: (channel: string, fn: Handler) => void ipcListeners.set(channel, fn),
  },
  dialog: { showErrorBox: (title: string, content: string) => void errorBoxes.push({ title, content }) },
  Menu: { setApplicationMenu: (menu: unknown) => void menus.push(menu), buildFromTemplate: (t: unknown) => t },
  screen: { getAllDisplays: () => [...displays], getPrimaryDisplay: () => displays[0]! },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (fn: Handler) => void (sessionHooks.permission = fn),
      webRequest: { onHeadersReceived: (fn: Handler) => void (sessionHooks.headers = fn) },
    },
  },
};

/** The preload side: what a preload exposes to the page, and which channels it uses. */
export const exposed = new Map<string, Record<string, unknown>>();
export const rendererCalls: { method: string; channel: string }[] = [];
export const preloadElectron = {
  contextBridge: { exposeInMainWorld: (name: string, api: Record<string, unknown>) => void exposed.set(name, api) },
  ipcRenderer: {
    invoke: (channel: string) => (rendererCalls.push({ method: 'invoke', channel }), Promise.resolve()),
    send: (channel: string) => void rendererCalls.push({ method: 'send', channel }),
    on: (channel: string) => void rendererCalls.push({ method: 'on', channel }),
  },
};

/**
 * Imports the shell (main/shell/index.ts, with `electron` mocked to this file by the calling
 * test) with `env` over a temporary home, console output silenced; resolves with the engine's
 * URL once it has printed it, or '' if the start gave up first.
 */
async function importShell(home: string, env: Record<string, string | undefined>, settled: () => boolean): Promise<string> {
  const { vi } = await import('vitest');
  vi.stubEnv('HOME', home);
  vi.stubEnv('STRAPLINE_SHOW', undefined);
  vi.stubEnv('STRAPLINE_DATA', undefined);
  vi.stubEnv('STRAPLINE_TEST_USERDATA', home);
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  let apiUrl = '';
  vi.spyOn(console, 'log').mockImplementation((line: unknown) => {
    apiUrl ||= /at (http:\S+)\/api\/state/.exec(String(line))?.[1] ?? '';
  });
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  await import('../../main/shell/index');
  const deadline = Date.now() + 20_000;
  while (!settled() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  return apiUrl;
}

/** Starts the shell and waits for its windows (the console and the output: two); resolves with the engine's URL. */
export async function startShell(home: string, env: Record<string, string | undefined> = {}, windows = 2): Promise<string> {
  const open = () => FakeBrowserWindow.all.filter((w) => !w.isDestroyed()).length === windows;
  const apiUrl = await importShell(home, env, open);
  if (!open() || apiUrl === '') throw new Error(`timed out waiting for the shell to open its ${windows} windows`);
  return apiUrl;
}

/** Starts the shell and waits for it to exit: for starts that must fail. */
export async function startShellUntilExit(home: string, env: Record<string, string | undefined>): Promise<void> {
  await importShell(home, env, () => app.exitCodes.length > 0);
}
