#!/usr/bin/env node
// Runs the npm scripts that depend on whether Electron is here. Electron is an
// optional dependency: where its binary cannot be downloaded, npm drops it and
// Strapline builds its pages and runs headless instead.
//   node main/shell/launcher.mjs build | typecheck | start [-- serve args]
import { spawnSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { electronState } from './electron-state.mjs';

const require = createRequire(import.meta.url);
const bin = (name) => new URL(`../../node_modules/.bin/${name}`, import.meta.url).pathname;

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const [task, ...rest] = process.argv.slice(2);
const state = electronState();

if (task === 'build') {
  if (state === 'none') {
    console.log('Electron is not installed here: building the console and output pages only (headless).');
    run(bin('vite'), ['build', '--config', 'vite.pages.config.ts', '--logLevel', 'warn']);
  } else {
    run(bin('electron-vite'), ['build', '--logLevel', 'warn']);
  }
} else if (task === 'typecheck') {
  // Every layer with its own tsconfig (engine, server, pages, tests: tsconfig.json references them), so a layer that
  // reaches past its boundary (the DOM in the engine, Node in the pages) is a compile error.
  if (state === 'none') {
    console.log('typecheck: main/shell skipped, the electron package (its types) is not installed');
    run(bin('tsc'), ['-b', 'tsconfig.json']);
  } else {
    run(bin('tsc'), ['-b', 'tsconfig.json', 'tsconfig.shell.json']);
  }
} else if (task === 'start') {
  if (state === 'binary') {
    const child = spawn(require('electron'), ['.', ...rest], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
  } else {
    // The CLI says why in its own first line, beside the port and data folder it chose: one line, not two.
    const child = spawn(bin('tsx'), ['main/server/cli.ts', ...rest], { stdio: 'inherit', env: { ...process.env, STRAPLINE_NO_ELECTRON: '1' } });
    child.on('exit', (code) => process.exit(code ?? 0));
  }
} else {
  console.error('usage: node main/shell/launcher.mjs build | typecheck | start');
  process.exit(2);
}
