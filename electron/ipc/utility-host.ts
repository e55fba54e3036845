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
  const pending = new Map<string, Pending>();
  let child: UtilityProcess | null = null;
  let failure: string | null = null; // a fatal start-up error (the database cannot be opened): not retried
  let closing = false;

  // The data process is started on demand and again after it died (a crash must not end the session:
  // every import is one transaction, so a restarted process finds the database whole).
  const start = (): UtilityProcess => {
    const c = utilityProcess.fork(modulePath, [dbFile, dataDir], { serviceName: 'Báo cáo 121 — dữ liệu', stdio: 'inherit' });
    c.on('message', (message: HostReply) => {
      if (message.type === 'progress') pending.get(message.event.callId)?.onProgress(message.event);
      else if (message.type === 'result') {
        pending.get(message.callId)?.resolve(message.result);
        pending.delete(message.callId);
      } else if (message.type === 'fatal') failure = message.message;
    });
    c.on('exit', (code) => {
      if (child === c) child = null;
      const message = failure ?? `Tiến trình dữ liệu đã dừng đột ngột (mã ${code}); thao tác chưa hoàn tất, dữ liệu đã lưu vẫn nguyên vẹn. Hãy thử lại.`;
      for (const p of pending.values()) p.resolve({ ok: false, error: { code: 'host_exited', message } });
      pending.clear();
    });
    return c;
  };

  return {
    call: (request, onProgress) =>
      new Promise<ApiResult>((resolve) => {
        if (failure) return resolve({ ok: false, error: { code: 'host_exited', message: failure } });
        if (closing) return resolve({ ok: false, error: { code: 'host_exited', message: 'Ứng dụng đang đóng.' } });
        child ??= start();
        pending.set(request.callId, { resolve, onProgress });
        child.postMessage({ type: 'call', request } satisfies HostMessage);
      }),
    close: async () => {
      closing = true;
      child?.postMessage({ type: 'close' } satisfies HostMessage);
    },
  };
}
