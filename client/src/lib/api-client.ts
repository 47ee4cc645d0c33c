import type { ErrorBody, ErrorCode, FieldIssue } from '../../../shared/errors';

/** An error answer from the API, with its code and field problems. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'NETWORK',
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** Field-level problems named by the server, if any. */
  get fields(): FieldIssue[] {
    const d = this.details as { fields?: FieldIssue[] } | undefined;
    return Array.isArray(d?.fields) ? d.fields : [];
  }
}

let csrfToken: Promise<string> | null = null;

function fetchCsrf(): Promise<string> {
  csrfToken ??= fetch('/api/auth/csrf', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((r) => r.json() as Promise<{ token: string }>)
    .then((b) => b.token)
    .catch((err) => {
      csrfToken = null;
      throw err;
    });
  return csrfToken;
}

/** Forget the CSRF token: sign-in and sign-out start a new session with a new token. */
export function resetCsrf(): void {
  csrfToken = null;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  body?: unknown;
  /** Multipart uploads: sent as-is, without a JSON content type. */
  formData?: FormData;
  signal?: AbortSignal;
}

/** Calls the API; resolves with the JSON answer, rejects with an ApiError. */
export async function api<T>(method: Method, url: string, options: RequestOptions = {}, retried = false): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET') headers['X-CSRF-Token'] = await fetchCsrf();
  let body: BodyInit | undefined;
  if (options.formData) body = options.formData;
  else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let res: Response;
  try {
    res = await fetch(url, { method, headers, body, credentials: 'same-origin', signal: options.signal });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', 'Scopewise cannot be reached. Check your connection and try again.');
  }
  if (res.status === 204) return undefined as T;
  const payload = res.headers.get('content-type')?.includes('application/json') ? await res.json() : undefined;
  if (!res.ok) {
    const error = (payload as ErrorBody | undefined)?.error;
    if (error?.code === 'CSRF_INVALID' && !retried) {
      resetCsrf();
      return api<T>(method, url, options, true);
    }
    throw new ApiError(res.status, error?.code ?? 'INTERNAL', error?.message ?? `The server answered ${res.status}`, error?.details);
  }
  return payload as T;
}

/**
 * Sends multipart form data with upload progress (fetch cannot report it):
 * resolves with the JSON answer, rejects with an ApiError like `api`.
 */
export async function uploadWithProgress<T>(url: string, formData: FormData, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<T> {
  const token = await fetchCsrf();
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('X-CSRF-Token', token);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'The upload was interrupted. Check your connection and try again.'));
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    xhr.onload = () => {
      let payload: unknown;
      try {
        payload = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        payload = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(payload as T);
      const error = (payload as ErrorBody | undefined)?.error;
      reject(new ApiError(xhr.status, error?.code ?? 'INTERNAL', error?.message ?? `The server answered ${xhr.status}`, error?.details));
    };
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(formData);
  });
}
