import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateManifest, type ModuleManifest } from '@companion-module/base';
import { describe, expect, it } from 'vitest';

// The module's package as Companion loads it: a manifest that @companion-module/base's own validator accepts, and an
// entry point where the manifest says (built by `npm run typecheck`, tsc -b, before the tests run).

const MODULE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../companion');
const manifest = JSON.parse(readFileSync(path.join(MODULE_DIR, 'companion/manifest.json'), 'utf8')) as ModuleManifest;
const pkg = JSON.parse(readFileSync(path.join(MODULE_DIR, 'package.json'), 'utf8')) as { version: string; main: string; dependencies: Record<string, string> };

describe('companion module package', () => {
  it("passes Companion's manifest validation", () => expect(() => validateManifest(manifest, false)).not.toThrow());

  it('names the built entry point and the same version as its package', () => {
    expect(path.resolve(MODULE_DIR, 'companion', manifest.runtime.entrypoint)).toBe(path.resolve(MODULE_DIR, pkg.main));
    expect(manifest.version).toBe(pkg.version);
    expect(pkg.dependencies['@companion-module/base']).toBeDefined();
  });
});
