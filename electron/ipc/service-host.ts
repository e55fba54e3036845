// Where the handler table runs: a ServiceHost takes one call and reports its progress. The Electron main
// process talks to one running in a utility process (utility-host.ts); the loopback bridge and the tests
// use the in-process one.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ApiProgressEvent, ApiRequest, ApiResult } from '../../shared/api.ts';
import type { Progress } from '../../shared/types.ts';
import { openCheckedContext } from '../services/definitions.ts';
import { createEmptyDatabase } from '../services/first-run.ts';
import { dispatch, type HandlerEnv } from './handlers.ts';

export interface ServiceHost {
  call(request: ApiRequest, onProgress: (event: ApiProgressEvent) => void): Promise<ApiResult>;
  close(): Promise<void>;
}

/** Progress at most every `intervalMs`, and always the last step: a thousand files make no thousand messages. */
export function throttleProgress(send: (p: Progress) => void, intervalMs = 100): (p: Progress) => void {
  let last = 0;
  return (p) => {
    const now = Date.now();
    if (p.done >= p.total || now - last >= intervalMs) {
      last = now;
      send(p);
    }
  };
}

export function inProcessHost(env: HandlerEnv): ServiceHost {
  return {
    call: (request, onProgress) =>
      dispatch(
        env,
        request.method,
        request.input,
        throttleProgress((p) => onProgress({ callId: request.callId, ...p })),
      ),
    close: async () => {
      env.ctx.db.close();
    },
  };
}

/** Opens the season's database, creating an empty one the first time (the window then offers a new province or the sample). */
export function openHandlerEnv(options: { dbFile: string; dataDir?: string; desktop: boolean }): HandlerEnv {
  const dataDir = options.dataDir ?? path.dirname(path.resolve(options.dbFile));
  mkdirSync(dataDir, { recursive: true });
  const ctx = existsSync(options.dbFile) ? openCheckedContext(options.dbFile) : createEmptyDatabase(options.dbFile);
  return { ctx, dbFile: path.resolve(options.dbFile), dataDir, desktop: options.desktop };
}
