// The main process's side of the service process: calls go out as messages, results and progress come back.
import { utilityProcess, type UtilityProcess } from 'electron';
import type { ApiProgressEvent, ApiResult } from '../../shared/api.ts';
import type { HostMessage, HostReply } from './host-messages.ts';
import type { ServiceHost } from './service-host.ts';

interface Pending {
  resolve: (result: ApiResult) => void;
  onProgress: (event: ApiProgressEvent) => void;
}

export function utilityProcessHost(modulePath: string, dbFile: string, dataDir: string): ServiceHost {
  const child: UtilityProcess = utilityProcess.fork(modulePath, [dbFile, dataDir], { serviceName: 'Báo cáo 121 — dữ liệu', stdio: 'inherit' });
  const pending = new Map<string, Pending>();
  let failure: string | null = null;
  const send = (message: HostMessage) => child.postMessage(message);

  child.on('message', (message: HostReply) => {
    if (message.type === 'progress') pending.get(message.event.callId)?.onProgress(message.event);
    else if (message.type === 'result') {
      pending.get(message.callId)?.resolve(message.result);
      pending.delete(message.callId);
    } else if (message.type === 'fatal') failure = message.message;
  });
  child.on('exit', (code) => {
    failure ??= `Tiến trình dữ liệu đã dừng (mã ${code}).`;
    for (const p of pending.values()) p.resolve({ ok: false, error: { code: 'host_exited', message: failure } });
    pending.clear();
  });

  return {
    call: (request, onProgress) =>
      new Promise<ApiResult>((resolve) => {
        if (failure) return resolve({ ok: false, error: { code: 'host_exited', message: failure } });
        pending.set(request.callId, { resolve, onProgress });
        send({ type: 'call', request });
      }),
    close: async () => {
      send({ type: 'close' });
    },
  };
}
