import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Vitest's global setup. About a dozen test files read the official figures in
 * ../shared/data (beside the clone: GUIDE.md, "This machine and CI"). Without
 * that folder each of them would fail on its own, with an ENOENT that says
 * nothing of why; this says it once, naming the folder, and nothing runs.
 */
export default function checkSharedData(): void {
  const shared = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
  const needed = ['ge2024-constituency-results.csv', 'ge2024-candidate-results.csv'];
  const missing = needed.filter((file) => !existsSync(shared + file));
  if (missing.length === 0) return;
  throw new Error(
    `The tests need ../shared/data beside the repository (the official 2024 figures; CI puts it there), ` +
      `and ${shared} lacks ${missing.join(' and ')}. Put the shared folder beside this clone and run again; no test was run.`,
  );
}
