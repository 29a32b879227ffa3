import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { TemplateRegistry } from '../templates/registry';
import { scanTemplateFolder } from './template-scan';

/**
 * The templates folders (`--templates DIR`, repeatable; STRAPLINE_TEMPLATES in
 * Electron; default <data>/templates/), scanned at start and watched with
 * chokidar for the rest of the show: a template added or changed is (re)read,
 * one removed is marked missing in the registry. Each change rescans its whole
 * folder after a short quiet spell, so a designer copying a folder of twenty
 * files costs one scan, and a file caught half-written is read again when its
 * writer's next change arrives.
 */
export interface TemplateFolders {
  /** The folders by index, as templateFileUrl() numbers them: for the route that serves their files. */
  readonly dirs: readonly string[];
  /** Resolves once every change seen so far is in the registry (tests; a scan in progress finishes). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

const QUIET_MS = 150;

export async function startTemplateFolders(options: {
  dirs: readonly string[];
  registry: TemplateRegistry;
  /** Made if absent (the default folder in the data folder); a folder given by name must exist. */
  create?: boolean;
  log: (message: string) => void;
}): Promise<TemplateFolders> {
  const dirs = options.dirs.map((d) => path.resolve(d));
  for (const dir of dirs) {
    if (options.create) await mkdir(dir, { recursive: true });
    const s = await stat(dir).catch(() => null);
    if (!s?.isDirectory()) throw new Error(`templates folder ${dir} does not exist or is not a folder`);
  }
  let pending: Promise<void> = Promise.resolve();
  const rescan = (folder: number) => {
    pending = pending.then(async () => {
      const dir = dirs[folder]!;
      const found = await scanTemplateFolder(folder, dir).catch((e: Error) => {
        options.log(`templates: cannot read ${dir}: ${e.message}`);
        return null;
      });
      if (found === null) return;
      const before = options.registry.fromFolder(folder);
      options.registry.put(found);
      const present = new Set(found.map((t) => t.id));
      options.registry.markMissing(before.filter((t) => !present.has(t.id)).map((t) => t.id));
      for (const t of found) if (t.blocked) options.log(`templates: ${t.blocked}`);
    });
    return pending;
  };
  await Promise.all(dirs.map((_, i) => rescan(i)));

  const timers = new Map<number, NodeJS.Timeout>();
  const watchers: FSWatcher[] = dirs.map((dir, folder) => {
    const w = watch(dir, {
      ignoreInitial: true,
      ignored: (p) =>
        path
          .relative(dir, p)
          .split(path.sep)
          .some((part) => part === 'node_modules' || (part.startsWith('.') && part.length > 1)),
    });
    const soon = () => {
      clearTimeout(timers.get(folder));
      timers.set(
        folder,
        setTimeout(() => {
          timers.delete(folder);
          void rescan(folder);
        }, QUIET_MS),
      );
    };
    w.on('all', soon);
    w.on('error', (e) => options.log(`templates: watching ${dir}: ${(e as Error).message}`));
    return w;
  });
  await Promise.all(watchers.map((w) => new Promise<void>((resolve) => w.once('ready', () => resolve()))));

  return {
    dirs,
    settled: async () => {
      while (timers.size > 0) await new Promise((r) => setTimeout(r, QUIET_MS / 3));
      await pending;
    },
    close: async () => {
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
      await Promise.all(watchers.map((w) => w.close()));
      await pending;
    },
  };
}
