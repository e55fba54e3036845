// The window's only door to the app: `window.baocao121`, a thin pass-through of typed calls over IPC.
// Sandboxed preload: it may require nothing but 'electron', so it imports types and channel names only.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { ApiProgressEvent, DesktopBridge } from '../shared/api.ts';
import { IPC_CALL_CHANNEL, IPC_PROGRESS_CHANNEL, IPC_SHELL_CHANNEL } from '../shared/ipc-channels.ts';

const bridge: DesktopBridge = {
  call: (request) => ipcRenderer.invoke(IPC_CALL_CHANNEL, request),
  onProgress: (listener) => {
    const handler = (_event: IpcRendererEvent, progress: ApiProgressEvent) => listener(progress);
    ipcRenderer.on(IPC_PROGRESS_CHANNEL, handler);
    return () => ipcRenderer.removeListener(IPC_PROGRESS_CHANNEL, handler);
  },
  shell: (request) => ipcRenderer.invoke(IPC_SHELL_CHANNEL, request),
  pathForFile: (file) => webUtils.getPathForFile(file),
};

contextBridge.exposeInMainWorld('baocao121', bridge);
