import type { Command, CommandResult, OutputReport, ServerEvent, ServerMessage } from '../main/engine/protocol';

export type ConnectionState = 'connecting' | 'open' | 'closed';

/** One contract both ways: Electron's preload bridge, or a WebSocket to the headless server. */
export interface Bridge {
  send(command: Command): Promise<CommandResult>;
  /** Called with every event; `fresh` is true for the first snapshot after a (re)connect. */
  onEvent(listener: (event: ServerEvent, fresh: boolean) => void): void;
  onConnection(listener: (state: ConnectionState) => void): void;
  /** Outputs only: what the page measures, for the consoles' health display. Dropped when not connected. */
  report(report: OutputReport): void;
}

/** What the Electron preload exposes on window.strapline (see main/shell/preload-*.ts). */
export interface PreloadBridge {
  send?: (command: Command) => Promise<CommandResult>;
  onEvent: (listener: (event: ServerEvent) => void) => void;
  ready: () => void;
  /** The output window's only way to speak: its health report, checked in main like a socket's. */
  report?: (report: OutputReport) => void;
}

declare global {
  interface Window {
    strapline?: PreloadBridge;
  }
}

export function connectBridge(role: 'console' | 'output'): Bridge {
  return window.strapline ? preloadBridge(window.strapline) : socketBridge(role);
}

function preloadBridge(api: PreloadBridge): Bridge {
  let fresh = true;
  return {
    send: (command) => (api.send ? api.send(command) : Promise.resolve(readOnly())),
    onEvent(listener) {
      api.onEvent((event) => {
        listener(event, fresh && event.type === 'program');
        if (event.type === 'program') fresh = false;
      });
      api.ready();
    },
    onConnection: (listener) => listener('open'),
    // Electron's output window has no socket: its reports go over the preload's fixed channel.
    report: (report) => api.report?.(report),
  };
}

function readOnly(): CommandResult {
  return { ok: false, error: { code: 'FORBIDDEN', number: 1304, message: 'This view is read-only' } };
}

/** Reconnects with backoff (250 ms doubling to 5 s); what is shown stays until the new state arrives. */
function socketBridge(role: 'console' | 'output'): Bridge {
  const eventListeners: ((event: ServerEvent, fresh: boolean) => void)[] = [];
  const connectionListeners: ((state: ConnectionState) => void)[] = [];
  const pending = new Map<number, (result: CommandResult) => void>();
  let socket: WebSocket | null = null;
  let nextId = 1;
  let delay = 250;
  let fresh = true;

  const setState = (state: ConnectionState) => connectionListeners.forEach((l) => l(state));
  const open = () => {
    setState('connecting');
    const url = new URL(`/ws?role=${role}`, location.href);
    url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
    // Opened to the network, the page came with ?token=: the socket shows the same one.
    const token = new URLSearchParams(location.search).get('token');
    if (token) url.searchParams.set('token', token);
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      delay = 250;
      fresh = true;
      setState('open');
    };
    ws.onmessage = (e) => {
      const message = JSON.parse(String(e.data)) as ServerMessage;
      if (message.type === 'result') {
        pending.get(message.id)?.(message.result);
        pending.delete(message.id);
        return;
      }
      for (const l of eventListeners) l(message, fresh && message.type === 'program');
      if (message.type === 'program') fresh = false;
    };
    ws.onclose = () => {
      socket = null;
      for (const resolve of pending.values()) resolve(disconnected());
      pending.clear();
      setState('closed');
      setTimeout(open, delay);
      delay = Math.min(delay * 2, 5000);
    };
  };
  open();

  return {
    send(command) {
      if (!socket || socket.readyState !== WebSocket.OPEN) return Promise.resolve(disconnected());
      const id = nextId++;
      socket.send(JSON.stringify({ id, command }));
      return new Promise((resolve) => pending.set(id, resolve));
    },
    onEvent: (listener) => void eventListeners.push(listener),
    onConnection: (listener) => void connectionListeners.push(listener),
    report(report) {
      if (role === 'output' && socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(report));
    },
  };
}

function disconnected(): CommandResult {
  return { ok: false, error: { code: 'INVALID_REQUEST', number: 1301, message: 'Not connected to the Strapline engine' } };
}
