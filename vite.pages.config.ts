import config from './electron.vite.config.ts';

/** The pages alone (console, output), for machines without Electron: the same settings as the Electron build's renderer. */
export default (config as { renderer: object }).renderer;
