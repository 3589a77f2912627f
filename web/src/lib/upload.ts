/**
 * Uploading plans: one request per file to POST /api/documents, so that each file has its own
 * progress and its own answer. The server's answer is read into one outcome per file.
 */

/** What the page shows for one file once the server has answered. */
export type UploadOutcome =
  | { ok: true; documentId: string; title: string; status: 'ADDED' | 'REPLACED' | 'DUPLICATE' | 'REVIEW'; draftId?: string; tasks: number; units: number; warnings: string[] }
  /** `message` in English, `zh` the server's same reason in Chinese (older servers send none). */
  | { ok: false; code: string; message: string; zh?: string; coverage?: NoTaskHint };

/** Why a document gave no task: where the extractor met words it did not understand (server: FileResult.coverage). */
export interface NoTaskHint { kind: 'no-words' | 'not-understood' | 'unattached'; line: number | null; quote: string }

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
    return { ok: true, documentId: file.documentId, title: file.title ?? file.documentId, status: file.status, draftId: file.draftId, tasks: file.tasks, units: file.units, warnings: file.warnings ?? [] };
  }
  if (file?.ok === false) {
    const out: UploadOutcome = { ok: false, code: String(file.code ?? 'HTTP'), message: String(file.error ?? ''), ...(typeof file.zh === 'string' ? { zh: file.zh } : {}) };
    const c = file.coverage;
    if (c && typeof c.kind === 'string') out.coverage = { kind: c.kind, line: typeof c.line === 'number' ? c.line : null, quote: String(c.quote ?? '') };
    return out;
  }
  if (body?.error) return { ok: false, code: String(body.error.code ?? 'HTTP'), message: String(body.error.message ?? ''), ...(typeof body.error.zh === 'string' ? { zh: body.error.zh } : {}) };
  return { ok: false, code: 'HTTP', message: `HTTP ${status}` };
}

/** The reason without the file name the server puts in front (the page shows the name already). */
export function reasonOf(file: string, message: string): string {
  for (const prefix of [`${file} cannot be read: `, `${file} has no tasks: `, `${file}: `, `${file} 无法读取：`, `${file} 没有任务：`, `${file}：`]) {
    if (message.startsWith(prefix)) return message.slice(prefix.length);
  }
  return message;
}

/**
 * Upload refusals by the server's code, in Chinese and English (kept here rather than in i18n.ts
 * so that this module stays free of React; the server's own message, in English, gives the detail).
 */
export const UPLOAD_ERRORS: Record<string, { zh: string; en: string }> = {
  UNAUTHENTICATED: { zh: '导入令牌缺失或不正确，请重新输入后再试。', en: 'The ingest token is missing or wrong: enter it again and retry.' },
  FORBIDDEN: { zh: '服务器未开启上传（需要设置 INGEST_TOKEN）。', en: 'Uploading is disabled on this server (INGEST_TOKEN is not set).' },
  FILE_TOO_LARGE: { zh: '文件超过 10 MB 的上限。', en: 'The file is over the 10 MB limit.' },
  REQUEST_TOO_LARGE: { zh: '上传的内容超过上限。', en: 'The upload is over the size limit.' },
  TOO_MANY_FILES: { zh: '一次上传的文件过多。', en: 'Too many files in one upload.' },
  BAD_FILENAME: { zh: '文件名不能用作文档编号：请只用汉字、字母、数字和 _ . - ( )，扩展名为 .docx、.xlsx、.pdf、.html、.txt 等。', en: 'The file name cannot be a document id: use letters, digits and _ . - ( ), ending in .docx, .xlsx, .pdf, .html, .txt….' },
  DUPLICATE_DOCUMENT: { zh: '与另一个文件同名（扩展名不同），请改名后再上传。', en: 'Another file has the same name (with another extension): rename one.' },
  UNREADABLE: { zh: '无法读取该文件。', en: 'The file cannot be read.' },
  DISCARDED: { zh: '已放弃，未导入。', en: 'Discarded; nothing was loaded.' },
  NO_TASKS: { zh: '文件中没有找到任务（没有带牵头单位或责任单位说明的条目）。', en: 'No tasks found (no item carries a lead or responsible-unit note).' },
  LOAD_FAILED: { zh: '写入数据库失败，没有写入任何内容。', en: 'Writing to the database failed; nothing was written.' },
  STORE_UNAVAILABLE: { zh: '数据库暂时不可用，请稍后重试。', en: 'The database is unavailable; try again later.' },
  NETWORK: { zh: '无法连接服务器，请确认服务已启动后重试。', en: 'Cannot reach the server. Check that it is running and try again.' },
  HTTP: { zh: '上传失败。', en: 'The upload failed.' },
};
