import { contextBridge, ipcRenderer } from 'electron';

// Exposes exactly three calls on fixed channels; never a generic channel pass-through.
contextBridge.exposeInMainWorld('strapline', {
  send: (command: unknown) => ipcRenderer.invoke('strapline:command', command),
  onEvent: (listener: (event: unknown) => void) => {
    ipcRenderer.on('strapline:event', (_e, event: unknown) => listener(event));
  },
  ready: () => ipcRenderer.send('strapline:ready'),
});
