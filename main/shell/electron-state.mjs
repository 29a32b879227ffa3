// Whether Electron can run here; shared by the launcher and the postinstall.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';

const require = createRequire(import.meta.url);

/** 'binary' when Electron can run, 'package' when only its package (types) is here, else 'none'. */
export function electronState() {
  try {
    require.resolve('electron/package.json');
  } catch {
    return 'none';
  }
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? 'binary' : 'package';
  } catch {
    return 'package';
  }
}
