// Starts the big-input worker from source (tsx, vitest): the worker thread gets
// no loader of its own, so it loads its TypeScript entry through tsx's API. The
// built app (electron-vite) starts its compiled entry directly and never comes here.
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.entry, import.meta.url);
