// Messages between the Electron main process and the service process.
import type { ApiProgressEvent, ApiRequest, ApiResult } from '../../shared/api.ts';

export type HostMessage = { type: 'call'; request: ApiRequest } | { type: 'close' };

export type HostReply =
  | { type: 'ready' }
  | { type: 'fatal'; message: string }
  | { type: 'progress'; event: ApiProgressEvent }
  | { type: 'result'; callId: string; result: ApiResult };
