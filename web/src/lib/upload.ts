/**
 * Uploading plans: one request per file to POST /api/documents, so that each file has its own
 * progress and its own answer. The server's answer is read into one outcome per file.
 */

/** What the page shows for one file once the server has answered. */
export type UploadOutcome =
  | { ok: true; documentId: string; title: string; status: 'ADDED' | 'REPLACED'; tasks: number; units: number; warnings: string[] }
  | { ok: false; code: string; message: string };

/** The extensions the server reads (it tells the format by the bytes; the name must still say one). */
export const ACCEPTED = '.docx,.doc,.wps,.xlsx,.xls,.et,.pdf,.html,.htm,.txt';

export const TOKEN_KEY = 'ingestToken';

/**
 * The server's answer → this file's outcome. A per-file answer is `{files: [...]}`; a refusal of
 * the whole request is `{error: {code, message}}`; anything else (a proxy's HTML page) is told by
 * its status.
 */
export function readAnswer(status: number, text: string): UploadOutcome {
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, code: status === 413 ? 'REQUEST_TOO_LARGE' : 'HTTP', message: `HTTP ${status}` };
  }
  const file = body?.files?.[0];
  if (file?.ok === true) {
    return { ok: true, documentId: file.documentId, title: file.title ?? file.documentId, status: file.status, tasks: file.tasks, units: file.units, warnings: file.warnings ?? [] };
  }
  if (file?.ok === false) return { ok: false, code: String(file.code ?? 'HTTP'), message: String(file.error ?? '') };
  if (body?.error) return { ok: false, code: String(body.error.code ?? 'HTTP'), message: String(body.error.message ?? '') };
  return { ok: false, code: 'HTTP', message: `HTTP ${status}` };
}

/** The reason without the file name the server puts in front (the page shows the name already). */
export function reasonOf(file: string, message: string): string {
  for (const prefix of [`${file} cannot be read: `, `${file} has no tasks: `, `${file}: `]) {
    if (message.startsWith(prefix)) return message.slice(prefix.length);
  }
  return message;
}

/** Send one file; `onProgress` gets the share sent (0–1); resolves with the outcome, never rejects. */
export function uploadFile(file: File, token: string, onProgress: (sent: number) => void): Promise<UploadOutcome> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/documents');
    xhr.setRequestHeader('authorization', `Bearer ${token}`);
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
