import type { ApiFailure, ApiResult } from '@/components/notices/api-client';
import type { ImportJob } from './types';

/**
 * POST /api/v1/imports as multipart/form-data through XMLHttpRequest, the one browser API that reports
 * upload progress (`fraction` 0..1). Resolves with the 202 job or the DESIGN §6 error of a refusal.
 */
export function uploadImport(file: File, dryRun: boolean, onProgress: (fraction: number) => void): Promise<ApiResult<{ job: ImportJob }>> {
  return new Promise((resolve) => {
    const body = new FormData();
    body.set('file', file);
    if (dryRun) body.set('dryRun', 'true');
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/imports');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      const json = xhr.response as { job?: ImportJob; error?: Omit<ApiFailure, 'ok' | 'status' | 'message'> & { message?: string } } | null;
      if (xhr.status >= 200 && xhr.status < 300 && json?.job) {
        onProgress(1);
        resolve({ ok: true, data: { job: json.job } });
      } else {
        resolve({ ...json?.error, ok: false, status: xhr.status, message: json?.error?.message ?? `HTTP ${xhr.status}` });
      }
    };
    xhr.onerror = () => resolve({ ok: false, status: 0, message: '' });
    xhr.send(body);
  });
}
