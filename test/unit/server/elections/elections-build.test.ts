import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildElectionFiles, ELECTIONS_DIR } from '../../../../seeds/build-elections';
import { REPO_ROOT } from '../../../../seeds/build-reference';

/** The shipped election folders are what seeds/build-elections.ts makes of ../shared/data: never edited by hand. */
describe('seeds/elections', () => {
  it('every data file matches what the builder makes from the shared data, byte for byte', () => {
    const built = buildElectionFiles(resolve(REPO_ROOT, '..', 'shared', 'data'));
    expect([...built.keys()].length).toBe(12);
    for (const [name, content] of built) {
      expect(readFileSync(join(ELECTIONS_DIR, name)).equals(Buffer.from(content)), name).toBe(true);
    }
  });
});
