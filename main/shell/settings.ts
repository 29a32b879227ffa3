import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const settingsSchema = z.object({
  /** The program window's display, or the fill's when keyFill is on. */
  outputDisplayId: z.number().int().nullable().default(null),
  /** Two output windows instead of one: a fill and a key for a vision mixer's linear key (/output?signal=fill and ?signal=key). */
  keyFill: z.boolean().default(false),
  keyDisplayId: z.number().int().nullable().default(null),
});
export type ShellSettings = z.infer<typeof settingsSchema>;

/** Settings remembered between runs; a missing or damaged file gives the defaults. */
export function loadSettings(dir: string): ShellSettings {
  try {
    return settingsSchema.parse(JSON.parse(readFileSync(path.join(dir, 'settings.json'), 'utf8')));
  } catch {
    return settingsSchema.parse({});
  }
}

export function saveSettings(dir: string, settings: ShellSettings): void {
  const file = path.join(dir, 'settings.json');
  writeFileSync(`${file}.tmp`, JSON.stringify(settings, null, 2));
  renameSync(`${file}.tmp`, file);
}
