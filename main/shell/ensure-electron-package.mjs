#!/usr/bin/env node
// postinstall. Electron is an optional dependency whose own install script
// downloads its binary. Where that download is impossible, npm drops the whole
// package, and with it the types the shell is type-checked against. Put the
// package back without its install script: the binary stays absent (npm start
// runs headless and says so), the types are there. Where the download worked,
// or ELECTRON_SKIP_BINARY_DOWNLOAD kept the package, this does nothing.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { electronState } from './electron-state.mjs';

if (electronState() === 'none') {
  const lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8'));
  const version = lock.packages?.['node_modules/electron']?.version;
  if (!version) {
    console.log('strapline: electron is not in package-lock.json; the shell is not type-checked here');
  } else {
    console.log(`strapline: Electron's binary could not be installed; adding electron@${version} without it (types only, npm start runs headless)`);
    const npm = process.env.npm_execpath ? [process.execPath, [process.env.npm_execpath]] : ['npm', []];
    const r = spawnSync(npm[0], [...npm[1], 'install', '--no-save', '--ignore-scripts', '--no-audit', '--no-fund', `electron@${version}`], {
      stdio: 'inherit',
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
    });
    if (r.status !== 0) console.log('strapline: could not add the electron package; the shell is not type-checked here');
  }
}
