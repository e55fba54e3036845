// `npm run web`: the window in a browser on this machine, over the loopback bridge.
//   tsx electron/bridge/serve.ts [database.sqlite] [--port 5121]
// Without a database argument it opens the demo's out/demo/baocao121.sqlite; a named file that does not
// exist yet is created empty: the window then offers a new province or the sample.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inProcessHost, openHandlerEnv } from '../ipc/service-host.ts';
import { startBridge } from './http-bridge.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function main(argv: string[]): Promise<number> {
  const portAt = argv.indexOf('--port');
  const port = portAt >= 0 ? Number(argv[portAt + 1]) : 5121;
  const positional = argv.filter((a, i) => !a.startsWith('--') && (portAt < 0 || i !== portAt + 1));
  const dbFile = path.resolve(positional[0] ?? path.join(ROOT, 'out', 'demo', 'baocao121.sqlite'));
  if (!positional[0] && !existsSync(dbFile)) {
    console.error(`Chưa có cơ sở dữ liệu mẫu ${dbFile}. Hãy chạy "npm run demo" trước, hoặc ghi đường dẫn một tệp .sqlite.`);
    return 2;
  }
  const staticDir = path.join(ROOT, 'dist', 'renderer');
  if (!existsSync(path.join(staticDir, 'index.html'))) {
    console.error('Chưa dựng giao diện: hãy chạy "npm run build:renderer" (npm run web làm việc này).');
    return 2;
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Cổng "${argv[portAt + 1] ?? ''}" không hợp lệ.`);
    return 2;
  }
  const created = !existsSync(dbFile);
  const host = inProcessHost(openHandlerEnv({ dbFile, desktop: false }));
  const bridge = await startBridge({ host, staticDir, port, dbFile });
  console.log(`${created ? 'Đã tạo' : 'Đã mở'} cơ sở dữ liệu ${dbFile}`);
  console.log(`Mở cửa sổ Báo cáo 121 trong trình duyệt: ${bridge.url}  (Ctrl+C để dừng)`);
  console.log('Địa chỉ này có mã phiên (#token=…) đổi sau mỗi lần chạy: chỉ người có nó mới dùng được cửa sổ; đừng gửi cho người khác.');
  const stop = () => {
    void bridge
      .close()
      .then(() => host.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return -1;
}

const code = await main(process.argv.slice(2));
if (code >= 0) process.exit(code);
