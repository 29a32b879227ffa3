import { contextBridge, ipcRenderer } from 'electron';

// The output is a view: it can listen and say it is ready, never send commands.
contextBridge.exposeInMainWorld('strapline', {
  onEvent: (listener: (event: unknown) => void) => {
    ipcRenderer.on('strapline:event', (_e, event: unknown) => listener(event));
  },
  ready: () => ipcRenderer.send('strapline:ready'),
});
