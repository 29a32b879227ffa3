import type { StorageFault } from '../engine/protocol';

type What = StorageFault['what'];

/**
 * Which of the server's writes are failing now. Every writer reports here (a
 * failure, and the first good write after one); the engine passes the list to
 * the consoles at once as a `storage` event, and the console shows a banner.
 * Nothing here touches the air: a full disk is the operator's to hear about,
 * never a reason to change what is on screen.
 */
export class StorageHealth {
  private readonly faults = new Map<What, StorageFault>();
  private readonly watchers = new Set<(faults: StorageFault[]) => void>();

  constructor(
    private readonly now: () => number,
    private readonly log: (message: string) => void,
  ) {}

  /** What `what` calls with each result: a message when a write failed, null when one landed. */
  reporter(what: What): (message: string | null) => void {
    return (message) => (message === null ? this.recovered(what) : this.failed(what, message));
  }

  failed(what: What, message: string): void {
    const held = this.faults.get(what);
    if (held?.message === message) return;
    this.faults.set(what, { what, message, since: held?.since ?? this.now() });
    this.log(`${what}: ${message}`);
    this.tell();
  }

  recovered(what: What): void {
    if (!this.faults.delete(what)) return;
    this.log(`${what}: writing again`);
    this.tell();
  }

  list(): StorageFault[] {
    return [...this.faults.values()];
  }

  watch(watcher: (faults: StorageFault[]) => void): () => void {
    this.watchers.add(watcher);
    return () => void this.watchers.delete(watcher);
  }

  private tell(): void {
    const faults = this.list();
    for (const watcher of this.watchers) watcher(faults);
  }
}
