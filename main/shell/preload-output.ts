import { contextBridge, ipcRenderer } from 'electron';

// The output is a view: it listens, says it is ready, and reports what it measures
// (frame rate, layers, revision) on one fixed channel; it can never send a command.
contextBridge.exposeInMainWorld('strapline', {
  onEvent: (listener: (event: unknown) => void) => {
    ipcRenderer.on('strapline:event', (_e, event: unknown) => listener(event));
  },
  ready: () => ipcRenderer.send('strapline:ready'),
  report: (report: unknown) => ipcRenderer.send('strapline:report', report),
});
