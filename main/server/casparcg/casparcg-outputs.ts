import type { CasparcgOutputStatus, ServerEvent } from '../../engine/protocol';
import type { ViewHub } from '../view-hub';
import type { CasparcgOutputConfig } from './config';
import { CasparcgOutput, type PageSource } from './casparcg-output';

/** Status changes with every answer; the consoles hear of them at most this often. */
const STATUS_EVERY_MS = 250;

/**
 * Every CasparCG output of this server. Each registers with the view hub as an
 * output, so it hears each program snapshot before any console, and is greeted
 * with what is on air. Reconfiguring replaces them all.
 */
export class CasparcgOutputs {
  private outputs: { output: CasparcgOutput; off: () => void }[] = [];
  private statusTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly hub: ViewHub,
    private readonly page: () => PageSource,
    private readonly now: () => number,
  ) {
    hub.outputs.listCasparcg(() => this.status());
  }

  configure(configs: readonly CasparcgOutputConfig[]): void {
    this.stopAll();
    for (const config of configs) {
      const output = new CasparcgOutput(config, this.page(), this.now, () => this.statusChanged());
      const off = this.hub.register({ role: 'output', send: (event: ServerEvent) => event.type === 'program' && output.program(event.data) });
      this.outputs.push({ output, off });
    }
    this.statusChanged();
  }

  configs(): CasparcgOutputConfig[] {
    return this.outputs.map((o) => o.output.config);
  }

  status(): CasparcgOutputStatus[] {
    return this.outputs.map((o) => o.output.status());
  }

  close(): void {
    this.stopAll();
    if (this.statusTimer) clearTimeout(this.statusTimer);
    this.statusTimer = null;
  }

  private stopAll(): void {
    for (const { output, off } of this.outputs) {
      off();
      output.close();
    }
    this.outputs = [];
  }

  private statusChanged(): void {
    if (this.statusTimer) return;
    this.statusTimer = setTimeout(() => {
      this.statusTimer = null;
      this.hub.outputs.touch();
    }, STATUS_EVERY_MS);
    this.statusTimer.unref?.();
  }
}
