import type { UploadOutcome } from './upload';
import { readAnswer } from './upload';
import { csrfHeaders } from '../session';

/** Stands for "the logged-in editor's session" where a token is expected: the cookie and CSRF token go instead. */
export const SESSION_TOKEN = '\u0000session';

/** Send one file; `onProgress` gets the share sent (0–1); resolves with the outcome, never rejects. */
export function uploadFile(file: File, token: string, onProgress: (sent: number) => void): Promise<UploadOutcome> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/documents');
    if (token === SESSION_TOKEN) for (const [k, v] of Object.entries(csrfHeaders())) xhr.setRequestHeader(k, v);
    else xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.upload.onload = () => onProgress(1);
    xhr.onload = () => resolve(readAnswer(xhr.status, xhr.responseText));
    xhr.onerror = () => resolve({ ok: false, code: 'NETWORK', message: 'network' });
    xhr.onabort = () => resolve({ ok: false, code: 'NETWORK', message: 'aborted' });
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
