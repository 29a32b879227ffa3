import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A CasparCG Server stand-in for the tests: CasparCG cannot run on these machines.
 * It speaks AMCP over TCP as CasparCG 2.3 does (REQ/RES ids, the documented return
 * codes, VERSION and INFO answers) and keeps each layer's state, and it is stricter
 * than a real server where a real one would quietly show the wrong picture: an escape
 * other than \\ \" \n, data that is neither JSON nor templateData XML, an unknown
 * channel or layer, a template it does not have, or CG PLAY/NEXT/UPDATE/STOP/REMOVE
 * on a layer with no template CG ADDed are all refused.
 */

export interface StandinLayer {
  /** PLAY [HTML] url: the page the HTML producer shows. */
  html: string | null;
  template: string | null;
  /** The data as the template received it (escapes undone). */
  data: string | null;
  playing: boolean;
  /** CG NEXTs since the in. */
  nexts: number;
  opacity: number;
}

export interface StandinCommand {
  /** Epoch ms with a fraction (performance.timeOrigin + now), comparable with a page's own. */
  at: number;
  /** When it was acted on and answered (later than at on a slow server). */
  answeredAt: number;
  line: string;
  code: number;
}

/** Every time a template's in animation started, and whether the layer could be seen then. */
export interface StandinPlay {
  at: number;
  layer: number;
  template: string;
  visible: boolean;
}

export interface StandinOptions {
  channels?: number;
  /** Layers above this are refused (403), standing in for a layer the server is not set up for. */
  maxLayer?: number;
  /** The templates the server has; any name when absent. */
  templates?: readonly string[];
}

const epochNow = () => performance.timeOrigin + performance.now();
const emptyLayer = (): StandinLayer => ({ html: null, template: null, data: null, playing: false, nexts: 0, opacity: 1 });

export class CasparcgStandin {
  readonly commands: StandinCommand[] = [];
  readonly plays: StandinPlay[] = [];
  /** How long it waits before acting on and answering each command: a slow server. */
  delayMs = 0;
  private readonly layers = new Map<string, StandinLayer>();
  private readonly sockets = new Set<Socket>();
  private server: Server | null = null;

  private constructor(
    private readonly options: Required<Omit<StandinOptions, 'templates'>> & Pick<StandinOptions, 'templates'>,
    public port: number,
  ) {}

  static async start(options: StandinOptions = {}): Promise<CasparcgStandin> {
    const standin = new CasparcgStandin({ channels: options.channels ?? 1, maxLayer: options.maxLayer ?? 999, templates: options.templates }, 0);
    await standin.listen();
    return standin;
  }

  layer(channel: number, layer: number): StandinLayer | undefined {
    return this.layers.get(`${channel}-${layer}`);
  }

  /** The commands received whose line matches, in order. */
  received(pattern: RegExp): StandinCommand[] {
    return this.commands.filter((c) => pattern.test(c.line));
  }

  /** Cuts every connection; the server and its layers stay (a network drop). */
  dropConnections(): void {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }

  /** Stops listening and forgets every layer, then listens again on the same port (a server restart). */
  async restart(downMs = 0): Promise<void> {
    await this.stop();
    this.layers.clear();
    await new Promise((r) => setTimeout(r, downMs));
    await this.listen();
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    // Closed first, then cut: a client reconnecting in between would otherwise hold the close open.
    const closed = new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    this.dropConnections();
    await closed;
  }

  private async listen(): Promise<void> {
    const server = createServer((socket) => this.serve(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  private serve(socket: Socket): void {
    if (this.server === null) return void socket.destroy();
    this.sockets.add(socket);
    socket.setEncoding('utf8');
    // Answers go at once, as CasparCG's own (asio, no_delay) do.
    socket.setNoDelay(true);
    let buffered = '';
    // Commands are acted on one at a time, in order, as CasparCG's command queue does.
    let queue = Promise.resolve();
    socket.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\r\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line === '') continue;
        const at = epochNow();
        queue = queue.then(async () => {
          if (this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs));
          if (socket.destroyed) return;
          const { reqId, code, answer } = this.execute(line);
          this.commands.push({ at, answeredAt: epochNow(), line, code });
          socket.write((reqId === null ? '' : `RES ${reqId} `) + answer);
        });
      }
    });
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => this.sockets.delete(socket));
  }

  private execute(line: string): { reqId: string | null; code: number; answer: string } {
    const tokens = tokenize(line);
    let reqId: string | null = null;
    if (tokens && tokens[0]?.toUpperCase() === 'REQ') {
      tokens.shift();
      reqId = tokens.shift() ?? null;
    }
    const reply = (code: number, text: string) => ({ reqId, code, answer: text });
    if (!tokens) return reply(400, `400 ERROR\r\n${line}\r\n`);
    const name = (tokens.shift() ?? '').toUpperCase();
    const result = this.command(name, tokens);
    const word = result.code < 300 ? 'OK' : result.code < 500 ? 'ERROR' : 'FAILED';
    if (result.code === 400) return reply(400, `400 ERROR\r\n${line}\r\n`);
    return reply(result.code, `${result.code} ${name} ${word}\r\n${result.data === undefined ? '' : `${result.data}\r\n`}`);
  }

  private command(name: string, args: string[]): { code: number; data?: string } {
    if (name === 'VERSION') return { code: 201, data: '2.3.3 Stand-in' };
    if (name === 'INFO' && args.length === 0) {
      const lines = Array.from({ length: this.options.channels }, (_, i) => `${i + 1} 1080i5000 PLAYING`);
      return { code: 200, data: `${lines.join('\r\n')}\r\n` };
    }
    const spec = /^(\d+)(?:-(\d+))?$/.exec(args.shift() ?? '');
    if (!spec) return { code: ['PLAY', 'CLEAR', 'CG', 'MIXER', 'INFO'].includes(name) ? 402 : 400 };
    const channel = Number(spec[1]);
    if (channel < 1 || channel > this.options.channels) return { code: 401 };
    if (spec[2] === undefined) {
      if (name === 'CLEAR') return (this.clearChannel(channel), { code: 202 });
      if (name === 'INFO') return { code: 201, data: `<channel><framerate>50</framerate><stage><layers>${this.layersXml(channel)}</layers></stage></channel>` };
      return { code: 402 };
    }
    const layerNo = Number(spec[2]);
    if (layerNo > this.options.maxLayer) return { code: 403 };
    const key = `${channel}-${layerNo}`;
    const layer = this.layers.get(key) ?? emptyLayer();
    const code = this.layerCommand(name, args, layer, layerNo);
    if (code < 300) this.layers.set(key, layer);
    return { code };
  }

  private layerCommand(name: string, args: string[], layer: StandinLayer, layerNo: number): number {
    switch (name) {
      case 'PLAY':
        if (args[0]?.toUpperCase() !== '[HTML]' || !args[1]) return 402;
        Object.assign(layer, emptyLayer(), { html: args[1], opacity: layer.opacity });
        return 202;
      case 'CLEAR':
        Object.assign(layer, emptyLayer(), { opacity: layer.opacity });
        return 202;
      case 'MIXER': {
        if (args[0]?.toUpperCase() !== 'OPACITY' || args[1] === undefined || !Number.isFinite(Number(args[1]))) return 402;
        layer.opacity = Number(args[1]);
        return 202;
      }
      case 'CG':
        return this.cg((args.shift() ?? '').toUpperCase(), args, layer, layerNo);
      default:
        return 400;
    }
  }

  private cg(verb: string, args: string[], layer: StandinLayer, layerNo: number): number {
    if (!/^\d+$/.test(args.shift() ?? '')) return 402;
    if (verb === 'ADD') {
      const [template, playOnLoad, data] = args;
      if (!template || (playOnLoad !== '0' && playOnLoad !== '1')) return 402;
      if (this.options.templates && !this.options.templates.includes(template)) return 404;
      if (data !== undefined && !validData(data)) return 403;
      Object.assign(layer, { html: null, template, data: data ?? null, playing: playOnLoad === '1', nexts: 0 });
      if (layer.playing) this.plays.push({ at: epochNow(), layer: layerNo, template, visible: layer.opacity > 0 });
      return 202;
    }
    if (!['PLAY', 'NEXT', 'UPDATE', 'STOP', 'REMOVE'].includes(verb)) return 400;
    // Before CG ADD there is no template on the layer to play, step, update, stop or remove.
    if (layer.template === null) return 404;
    if (verb === 'PLAY') {
      layer.playing = true;
      this.plays.push({ at: epochNow(), layer: layerNo, template: layer.template, visible: layer.opacity > 0 });
    } else if (verb === 'NEXT') {
      if (!layer.playing) return 403;
      layer.nexts++;
    } else if (verb === 'UPDATE') {
      if (args[0] === undefined) return 402;
      if (!validData(args[0])) return 403;
      layer.data = args[0];
    } else if (verb === 'STOP') layer.playing = false;
    else Object.assign(layer, emptyLayer(), { opacity: layer.opacity });
    return 202;
  }

  private clearChannel(channel: number): void {
    for (const [key, layer] of this.layers) if (key.startsWith(`${channel}-`)) Object.assign(layer, emptyLayer());
  }

  private layersXml(channel: number): string {
    return [...this.layers]
      .filter(([key, l]) => key.startsWith(`${channel}-`) && (l.html || l.template))
      .map(([key, l]) => `<layer_${key.split('-')[1]}><foreground><producer>${l.html ? 'html' : 'cg'}</producer></foreground></layer_${key.split('-')[1]}>`)
      .join('');
  }
}

/** Template data as CasparCG's HTML templates take it: JSON, or templateData XML. */
function validData(data: string): boolean {
  if (data.startsWith('<')) return /^<templateData>[\s\S]*<\/templateData>$/.test(data);
  try {
    JSON.parse(data);
    return true;
  } catch {
    return false;
  }
}

/**
 * CasparCG's tokenizer (split on spaces, keep quoted strings, \\ \" \n escapes),
 * but null where a real server would quietly drop a character: any other escape,
 * or a quote left open.
 */
export function tokenize(line: string): string[] | null {
  const tokens: string[] = [];
  let current = '';
  let inQuote = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\') {
      const next = line[++i];
      if (next === '\\' || next === '"') current += next;
      else if (next === 'n') current += '\n';
      else return null;
      continue;
    }
    if (c === ' ' && !inQuote) {
      if (current !== '') tokens.push(current);
      current = '';
      continue;
    }
    if (c === '"') {
      inQuote = !inQuote;
      if (current !== '' || !inQuote) tokens.push(current);
      current = '';
      continue;
    }
    current += c;
  }
  if (inQuote) return null;
  if (current !== '') tokens.push(current);
  return tokens;
}
