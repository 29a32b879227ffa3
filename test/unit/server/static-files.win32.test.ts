import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

/**
 * On Windows a backslash is a path separator, so "..\" slips past the POSIX
 * normalisation in resolveInside and only its final containment check stops
 * it. That check can never fire on Linux, so here resolveInside runs with
 * Windows path rules to prove it does.
 */
vi.mock('node:path', async (importOriginal) => {
  const real = await importOriginal<{ default: typeof path }>();
  return { default: real.default.win32 };
});

const { resolveInside } = await import('../../../main/server/static-files');
const ROOT = 'C:\\strapline\\out\\renderer';

describe('resolveInside with Windows path rules', () => {
  it('still resolves a plain path inside the root', () => {
    expect(resolveInside(ROOT, '/assets/app.js')).toBe('C:\\strapline\\out\\renderer\\assets\\app.js');
  });

  it.each(['/..\\..\\package.json', '/%5c..%5c..%5cpackage.json', '/..%5C..%5C..%5Cwindows%5Cwin.ini', '/assets\\..\\..\\..\\package.json'])(
    'refuses %s, which would climb out through backslashes',
    (urlPath) => {
      expect(resolveInside(ROOT, urlPath)).toBeNull();
    },
  );

  it('keeps drive letters and UNC-looking paths inside the root', () => {
    for (const urlPath of ['/C:/Windows/win.ini', '//server/share/x', '/%5c%5cserver%5cshare%5cx']) {
      const resolved = resolveInside(ROOT, urlPath);
      expect(resolved === null || resolved.startsWith(`${ROOT}\\`), `${urlPath} -> ${resolved}`).toBe(true);
    }
  });
});
