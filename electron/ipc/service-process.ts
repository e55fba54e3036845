// The Electron utility process that owns the database: the window's calls arrive from the main process,
// run through the handler table here (imports of many files and generation never block the window or
// the main process), and progress and results go back as messages.
import type { ApiRequest } from '../../shared/api.ts';
import { inProcessHost, openHandlerEnv, type ServiceHost } from './service-host.ts';
import type { HostMessage, HostReply } from './host-messages.ts';

const [dbFile, dataDir] = process.argv.slice(2);
const port = process.parentPort;
const reply = (message: HostReply) => port.postMessage(message);

let host: ServiceHost;
try {
  if (!dbFile || !dataDir) throw new Error('thiếu đường dẫn cơ sở dữ liệu');
  host = inProcessHost(openHandlerEnv({ dbFile, dataDir, desktop: true }));
  reply({ type: 'ready' });
} catch (e) {
  reply({ type: 'fatal', message: `Không mở được cơ sở dữ liệu ${dbFile ?? ''}: ${e instanceof Error ? e.message : String(e)}` });
  process.exit(1);
}

port.on('message', (event: { data: HostMessage }) => {
  const message = event.data;
  if (message.type === 'call') {
    const request: ApiRequest = message.request;
    void host
      .call(request, (progress) => reply({ type: 'progress', event: progress }))
      .then((result) => reply({ type: 'result', callId: request.callId, result }));
  } else if (message.type === 'close') {
    void host.close().then(() => process.exit(0));
  }
});
