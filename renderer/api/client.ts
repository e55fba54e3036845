// The window's one way to data: the typed API of shared/api.ts, through `window.baocao121` inside
// Electron, else through the loopback bridge (fetch, with progress as server-sent events).
import type { ApiInput, ApiMethod, ApiOutput, ApiProgressEvent, ApiRequest, ApiResult, DesktopBridge, ShellRequest } from '../../shared/api.ts';
import type { Progress } from '../../shared/types.ts';

declare global {
  interface Window {
    baocao121?: DesktopBridge;
  }
}

/** An API call that failed; the message is for people. */
export class ApiError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

export interface CallOptions {
  onProgress?: (progress: Progress) => void;
}

interface Transport {
  send(request: ApiRequest): Promise<ApiResult>;
  subscribe(listener: (event: ApiProgressEvent) => void): void;
}

function desktopTransport(bridge: DesktopBridge): Transport {
  return { send: (request) => bridge.call(request), subscribe: (listener) => void bridge.onProgress(listener) };
}

const TOKEN_KEY = 'baocao121.token';

/**
 * The loopback bridge's token of this launch: it comes in the address the bridge prints (…/#token=…); it is
 * kept for the tab (a reload) and taken out of the address bar.
 */
function bridgeToken(): string {
  const fromAddress = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromAddress) {
    window.sessionStorage.setItem(TOKEN_KEY, fromAddress);
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    return fromAddress;
  }
  return window.sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpTransport(): Transport {
  const token = bridgeToken();
  return {
    send: async (request) => {
      let response: Response;
      try {
        response = await fetch(`api/${request.method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Baocao121-Token': token },
          body: JSON.stringify({ input: request.input, callId: request.callId }),
        });
      } catch {
        return { ok: false, error: { code: 'offline', message: 'Mất kết nối với chương trình (cửa sổ dòng lệnh "npm run web" đã đóng?).' } };
      }
      return (await response.json()) as ApiResult;
    },
    subscribe: (listener) => {
      // EventSource cannot send a header: the token goes in the query.
      const source = new EventSource(`api/events?t=${encodeURIComponent(token)}`);
      source.onmessage = (e) => listener(JSON.parse(e.data as string) as ApiProgressEvent);
    },
  };
}

let nextCall = 0;

export function createApiClient(bridge: DesktopBridge | undefined = window.baocao121) {
  const transport = bridge ? desktopTransport(bridge) : httpTransport();
  const progressListeners = new Map<string, (p: Progress) => void>();
  transport.subscribe((e) => progressListeners.get(e.callId)?.({ done: e.done, total: e.total, label: e.label }));

  async function call<M extends ApiMethod>(method: M, input: ApiInput<M>, options: CallOptions = {}): Promise<ApiOutput<M>> {
    const callId = `${Date.now().toString(36)}-${(nextCall++).toString(36)}`;
    if (options.onProgress) progressListeners.set(callId, options.onProgress);
    try {
      const result = await transport.send({ method, input, callId });
      if (!result.ok) throw new ApiError(result.error.code, result.error.message);
      return result.value as ApiOutput<M>;
    } finally {
      progressListeners.delete(callId);
    }
  }

  return {
    call,
    /** Dialogs and the file manager: only inside the Electron window. */
    desktop: bridge
      ? {
          chooseFolder: async (title: string, defaultPath?: string) =>
            (await bridge.shell({ action: 'chooseFolder', title, defaultPath } satisfies ShellRequest))[0] ?? null,
          chooseFiles: (title: string) => bridge.shell({ action: 'chooseFiles', title }),
          openFolder: async (path: string) => void (await bridge.shell({ action: 'openFolder', path })),
          pathForFile: (file: File) => bridge.pathForFile(file),
        }
      : null,
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** A message for people from anything thrown. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
