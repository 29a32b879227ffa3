import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IpcWrapper as IpcWrapperType } from '@companion-module/base/dist/host-api/ipc-wrapper.js';

// A stand-in for Bitfocus Companion's module host, which cannot be installed here. The module runs as Companion runs
// it: its built entry point (companion/dist/main.js) in a child process, started with the manifest, connection id and
// verification token in its environment, talking over Node's IPC channel through @companion-module/base's own
// IpcWrapper. Only Companion's side of that channel is stood in: it accepts the registration, sends init, places
// feedback instances as buttons would, runs actions as a button press does, and records what the module says back.

const require = createRequire(import.meta.url);
const { IpcWrapper } = require('@companion-module/base/dist/host-api/ipc-wrapper.js') as { IpcWrapper: typeof IpcWrapperType };
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ENTRY = path.join(ROOT, 'companion/dist/main.js');
const MANIFEST = path.join(ROOT, 'companion/companion/manifest.json');

export type FeedbackValue = boolean | { text?: string } | undefined;

type Handlers = Record<string, (msg: any) => Promise<unknown>>;

export class CompanionHostStandIn extends EventEmitter {
  readonly child: ChildProcess;
  readonly variables = new Map<string, string | number | boolean | undefined>();
  readonly feedbackValues = new Map<string, FeedbackValue>();
  readonly logs: { level: string; message: string }[] = [];
  status: { status: string; message: string | null } | null = null;
  presets: { id: string; category: string; name: string }[] = [];
  actionIds: string[] = [];
  private readonly ipc: IpcWrapperType<any, any>;
  private registered!: () => void;
  private readonly registration = new Promise<void>((resolve) => (this.registered = resolve));

  constructor() {
    super();
    if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: \`npm run typecheck\` (tsc -b) builds the Companion module`);
    this.child = fork(ENTRY, [], {
      env: { ...process.env, MODULE_MANIFEST: MANIFEST, CONNECTION_ID: 'strapline-test', VERIFICATION_TOKEN: 'stand-in' },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    this.child.stderr?.on('data', (d) => this.logs.push({ level: 'stderr', message: String(d) }));
    const handlers: Handlers = {
      register: async () => void setImmediate(() => this.registered()),
      'log-message': async (msg) => (this.logs.push(msg), void this.emit('change')),
      'set-status': async (msg) => ((this.status = msg), void this.emit('change')),
      setActionDefinitions: async (msg) => void (this.actionIds = msg.actions.map((a: { id: string }) => a.id)),
      setFeedbackDefinitions: async () => undefined,
      setVariableDefinitions: async () => undefined,
      setPresetDefinitions: async (msg) => void (this.presets = msg.presets),
      saveConfig: async () => undefined,
      setVariableValues: async (msg) => {
        for (const { id, value } of msg.newValues) this.variables.set(id, value);
        this.emit('change');
      },
      updateFeedbackValues: async (msg) => {
        for (const { id, value } of msg.values) this.feedbackValues.set(id, value);
        this.emit('feedback', msg.values);
        this.emit('change');
      },
    };
    this.ipc = new IpcWrapper(handlers as never, (message) => this.child.send(message), 5000);
    this.child.on('message', (message) => this.ipc.receivedMessage(message as never));
  }

  /** Waits for the module to register, then initialises it with this config, as Companion does when a connection is added. */
  async init(config: { host: string; port: number; token: string }): Promise<void> {
    await this.registration;
    await this.ipc.sendWithCb('init', { label: 'strapline', isFirstInit: false, config, secrets: {}, lastUpgradeIndex: -1 });
  }

  async updateConfig(config: { host: string; port: number; token: string }): Promise<void> {
    await this.ipc.sendWithCb('updateConfigAndLabel', { label: 'strapline', config, secrets: {} });
  }

  /** Places feedback instances, as buttons carrying them would: id to [feedback type, options]. */
  async placeFeedbacks(feedbacks: Record<string, [string, Record<string, string>]>): Promise<void> {
    const instances = Object.fromEntries(
      Object.entries(feedbacks).map(([id, [feedbackId, options]]) => [
        id,
        { id, controlId: `bank:${id}`, feedbackId, options, isInverted: false, upgradeIndex: null, disabled: false },
      ]),
    );
    await this.ipc.sendWithCb('updateFeedbacks', { feedbacks: instances });
  }

  /** A button press: runs one action and answers as Companion's host would hear it. */
  async press(actionId: string, options: Record<string, string | number>): Promise<{ success: boolean; errorMessage?: string }> {
    const action = { id: `press-${Math.random()}`, controlId: 'bank:1', actionId, options, upgradeIndex: null, disabled: false };
    return (await this.ipc.sendWithCb('executeAction', { action, surfaceId: undefined })) as { success: boolean; errorMessage?: string };
  }

  /** Resolves once the condition holds, checked on every message from the module; fails after timeoutMs naming what it waited for. */
  waitFor(what: string, condition: () => boolean, timeoutMs = 10_000): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!condition()) return;
        clearTimeout(timer);
        this.off('change', check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.off('change', check);
        reject(
          new Error(
            `companion stand-in: waited ${timeoutMs} ms for ${what}; status ${JSON.stringify(this.status)}, logs ${JSON.stringify(this.logs.slice(-5))}`,
          ),
        );
      }, timeoutMs);
      this.on('change', check);
    });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    try {
      await this.ipc.sendWithCb('destroy', undefined, undefined, 2000);
    } catch {
      // gone already, or not answering: it is killed below either way
    }
    this.child.kill();
    await exited;
  }
}
