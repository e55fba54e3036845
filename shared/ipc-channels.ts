// The IPC channel names of the Electron window, apart from api.ts so that the preload bundle stays tiny.
export const IPC_CALL_CHANNEL = 'baocao121:call';
export const IPC_PROGRESS_CHANNEL = 'baocao121:progress';
export const IPC_SHELL_CHANNEL = 'baocao121:shell';
