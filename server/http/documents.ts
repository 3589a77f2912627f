import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { checkIngestAuth } from '../api/ingest';
import type { Config } from '../config';
import type { ExtractedDocument, ExtractResult } from '../extract/contract';
import { InputError, MAX_FILE_BYTES } from '../extract/decode';
import { uploadOne } from '../documents/upload';
import type { Services } from '../services';
import { documentId } from '../extract/extract';
import { StorageFull } from '../graph/disk';
import { loadExtraction } from '../graph/loader';
import { StoreError, type GraphStore } from '../graph/store';
import { PoolBusy, type ReaderPool } from '../ingest/reader-pool';
import { requireRoleHttp } from './auth';
import { HttpError } from './errors';
import { REFUSAL_ZH } from './refusal-zh';

/** What one upload request may carry. A plan is rarely over 2 MB, even as a Word file. */
export const UPLOAD_LIMITS = {
  /** Per file: the same limit as every other entry point (server/extract/decode.ts). */
  fileBytes: MAX_FILE_BYTES,
  /** Per request, all files together. */
  requestBytes: 50 * 1024 * 1024,
  files: 20,
} as const;

/** More tasks than any real plan has (a few hundred): loading them would hold the write lock for minutes. */
export const MAX_TASKS_PER_DOCUMENT = 5000;

/**
 * The file name becomes the document id (its name without extension), which the graph, the API
 * and the page's URLs carry: the characters ingestDocument accepts, and the extensions the
 * readers take. Office/PDF/HTML names are told by extension here, by their bytes in the readers.
 */
// Chinese file names carry spaces, （）, 《》 and 〔〕: anything goes but path separators, control characters and what Windows forbids.
// No bidirectional controls (U+202E would show the name reversed) and a name that is more than spaces.
const FILENAME = /^(?!\.)(?=[^.]*[^\s.])[^/\\\x00-\x1f<>:"|?*\u200e\u200f\u202a-\u202e\u2066-\u2069]{1,120}\.(txt|text|docx|doc|wps|xlsx|xls|et|pdf|html|htm)$/iu;

export type FileResult =
  | { file: string; ok: true; documentId: string; title: string; status: 'ADDED' | 'REPLACED' | 'DUPLICATE' | 'REVIEW'; draftId?: string; tasks: number; units: number; warnings: string[] }
  /** `error` in English, `zh` the same in Chinese (the page shows the one of its language). */
  | { file: string; ok: false; code: string; error: string; zh: string; coverage?: NoTaskHint };

/** Why a document gave no task (its coverage warning), for the page to say in its own language. */
export interface NoTaskHint { kind: 'no-words' | 'not-understood' | 'unattached'; line: number | null; quote: string }

interface Failure { status: number; result: FileResult & { ok: false } }

const fail = (status: number, file: string, code: string, error: string, zh: string): Failure => ({ status, result: { file, ok: false, code, error, zh } });

/**
 * One file: read (any format) → extract → load in one transaction. Every refusal names the file
 * and the reason, and leaves the store as it was.
 */
export async function ingestFile(
  store: GraphStore, readers: ReaderPool, file: string, bytes: Uint8Array, log: Logger,
  /** Asked once the file is read, before anything is written: an answer instead of loading it (a duplicate). */
  beforeLoad?: (doc: ExtractedDocument, text: string, result: ExtractResult) => Promise<FileResult | null>,
): Promise<{ status: number; result: FileResult }> {
  if (!FILENAME.test(file)) {
    return fail(400, file, 'BAD_FILENAME', `${file}: the file name is not usable as a document id: rename it without / \\ : * ? " < > | and ending in .docx, .doc, .xlsx, .xls, .pdf, .html, .htm, .wps, .et or .txt`, REFUSAL_ZH.badFilename(file));
  }
  let result;
  try {
    result = await readers.extract(file, bytes);
  } catch (err) {
    if (err instanceof PoolBusy) return fail(503, file, 'BUSY', err.message, REFUSAL_ZH.busy());
    // A reader that fails in an unforeseen way was still beaten by this file: the user's answer is the same.
    if (!(err instanceof InputError)) log.warn({ err, file }, 'reader failed');
    return fail(422, file, 'UNREADABLE', `${file} cannot be read: ${(err as Error).message}`, REFUSAL_ZH.unreadable(file, (err as Error).message));
  }
  const doc = result.documents[0];
  if (!doc) {
    const why = result.warnings[0]?.message ?? 'unknown reason';
    return fail(422, file, 'UNREADABLE', `${file} cannot be read: ${why}`, REFUSAL_ZH.unreadable(file, why));
  }
  if (doc.tasks.length > MAX_TASKS_PER_DOCUMENT) {
    return fail(422, file, 'TOO_MANY_TASKS', `${file} has ${doc.tasks.length.toLocaleString('en')} tasks, over the limit of ${MAX_TASKS_PER_DOCUMENT.toLocaleString('en')} for one document (the largest real plans have a few hundred): split it into several files`,
      REFUSAL_ZH.tooManyTasks(file, doc.tasks.length, MAX_TASKS_PER_DOCUMENT));
  }
  // A progress report needs no task of its own: its rows report on the plans' tasks.
  if (doc.tasks.length === 0 && !doc.progress?.length) {
    const found = result.warnings.find((w) => /no tasks|no recommendations/.test(w.message))?.message.replace(/^no tasks found: /, '');
    const why = found ?? 'no numbered item carries a responsibility note';
    const w = doc.coverage?.warning;
    const failure = fail(422, file, 'NO_TASKS', `${file} has no tasks: ${why}`, REFUSAL_ZH.noTasks(file, w?.zh ?? null));
    if (w) failure.result.coverage = { kind: w.kind, line: w.line, quote: w.quote };
    return failure;
  }
  const instead = await beforeLoad?.(doc, result.texts[doc.id] ?? '', result);
  if (instead) return { status: 200, result: instead };
  try {
    const [outcome] = await loadExtraction(store, result);
    if (outcome?.storeUnavailable) return fail(503, file, 'STORE_UNAVAILABLE', `${file} was not loaded, and nothing of it was written: ${outcome.error}`, REFUSAL_ZH.storeUnavailable(file));
    if (!outcome || outcome.status === 'failed') {
      log.error({ file, error: outcome?.error }, 'upload: load failed');
      return fail(500, file, 'LOAD_FAILED', `loading ${file} failed and nothing was written: ${outcome?.error ?? 'unknown error'}`, REFUSAL_ZH.loadFailed(file));
    }
    const units = new Set(doc.tasks.flatMap((t) => t.assignments.map((a) => a.unitId)));
    return {
      status: 200,
      result: {
        file, ok: true, documentId: doc.id, title: doc.title, status: outcome.status === 'added' ? 'ADDED' : 'REPLACED',
        tasks: doc.tasks.length, units: units.size, warnings: result.warnings.map((w) => w.message),
      },
    };
  } catch (err) {
    if (err instanceof StoreError) return fail(503, file, 'STORE_UNAVAILABLE', `${file} was not loaded: ${err.message}`, REFUSAL_ZH.storeUnavailable(file));
    if (err instanceof StorageFull) return fail(507, file, 'STORAGE_FULL', `${file} was not loaded: ${err.message}`, REFUSAL_ZH.storageFull(file));
    throw err;
  }
}

/** The bearer token, checked as ingestDocument checks it; the answer speaks of this endpoint. */
function authorize(config: Config, authorization: string | undefined): void {
  try {
    checkIngestAuth(config.INGEST_TOKEN, authorization);
  } catch (err) {
    const code = err instanceof GraphQLError ? String(err.extensions.code) : 'UNAUTHENTICATED';
    if (code === 'FORBIDDEN') throw new HttpError(403, code, 'uploading is disabled on this server: set INGEST_TOKEN to enable it', undefined, REFUSAL_ZH.disabled());
    const sent = /^Bearer\s+\S/i.test(authorization ?? '');
    throw new HttpError(401, 'UNAUTHENTICATED', sent ? 'the bearer token does not match INGEST_TOKEN' : 'uploading needs an Authorization: Bearer <INGEST_TOKEN> header',
      undefined, sent ? REFUSAL_ZH.wrongToken() : REFUSAL_ZH.noToken());
  }
}

const mb = (n: number) => `${(n / 1048576).toFixed(n % 1048576 === 0 ? 0 : 1)} MB`;

const tooLarge = (file: string) =>
  new HttpError(413, 'FILE_TOO_LARGE', `${file} is over the ${mb(UPLOAD_LIMITS.fileBytes)} limit for one file: nothing in this request was loaded`, file,
    REFUSAL_ZH.fileTooLarge(file, mb(UPLOAD_LIMITS.fileBytes)));

/** Read every file part into memory, enforcing the limits before anything is extracted or written. */
async function receiveFiles(req: FastifyRequest): Promise<Array<{ file: string; bytes: Buffer }>> {
  const files: Array<{ file: string; bytes: Buffer }> = [];
  let total = 0;
  let current: string | undefined;
  try {
    for await (const part of req.parts()) {
      if (part.type !== 'file') continue; // stray form fields carry nothing we use
      current = part.filename || '(unnamed)';
      if (part.fieldname !== 'file') {
        throw new HttpError(400, 'BAD_FIELD', `${current} was sent in the form field "${part.fieldname}": send every file in a field named "file"`, current,
          REFUSAL_ZH.badField(current, part.fieldname));
      }
      const bytes = await part.toBuffer();
      // The limit shows either as an error (here or from the next part) or as a cut-short file.
      if (part.file.truncated) throw tooLarge(current);
      total += bytes.length;
      if (total > UPLOAD_LIMITS.requestBytes) {
        throw new HttpError(413, 'REQUEST_TOO_LARGE', `the files add up to over ${mb(UPLOAD_LIMITS.requestBytes)} at ${current}: send fewer files per request; nothing in this request was loaded`, current,
          REFUSAL_ZH.requestTooLarge(mb(UPLOAD_LIMITS.requestBytes)));
      }
      files.push({ file: current, bytes });
    }
  } catch (err) {
    if (err instanceof HttpError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(current ?? '(unnamed)');
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') {
      // The limit is met at the part after the last one read, whose name is not known.
      throw new HttpError(413, 'TOO_MANY_FILES', `more than ${UPLOAD_LIMITS.files} files in one request (refused after the ${UPLOAD_LIMITS.files}th, ${current ?? '(unnamed)'}): send at most ${UPLOAD_LIMITS.files}; nothing in this request was loaded`,
        undefined, REFUSAL_ZH.tooManyFiles(UPLOAD_LIMITS.files));
    }
    throw new HttpError(400, 'BAD_MULTIPART', `the upload could not be read${current ? ` at ${current}` : ''}: ${(err as Error).message}`, current, REFUSAL_ZH.badMultipart(current));
  }
  return files;
}

/**
 * POST /api/documents: multipart/form-data with one or more `file` fields and the ingest bearer
 * token. Answers `{files: [FileResult…]}`, one per file in order: 200 when all loaded, 207 when
 * some did, and the (first) failure's 4xx/5xx when none did. Limits are checked for the whole
 * request before any file is read, so a 413 loads nothing.
 */
export async function documentRoutes(app: FastifyInstance, opts: { store: GraphStore; readers: ReaderPool; config: Config; log: Logger; services: Services }): Promise<void> {
  const { store, readers, config, log, services } = opts;
  await app.register(fastifyMultipart, {
    limits: { fileSize: UPLOAD_LIMITS.fileBytes, files: UPLOAD_LIMITS.files, parts: UPLOAD_LIMITS.files + 20, fields: 20, fieldSize: 4096, headerPairs: 100 },
  });

  app.post('/api/documents', async (req: FastifyRequest, reply: FastifyReply) => {
    if (req.principal?.via === 'session') requireRoleHttp(req, 'editor');
    else authorize(config, req.headers.authorization);
    const who = req.principal?.name ?? 'token';
    // ?replace=true: a file whose name is taken replaces that document (else it gets an id of its own).
    const replace = (req.query as Record<string, string | undefined>).replace === 'true';
    // ?review=true: read and shown for review, loaded only when imported (server/documents/drafts.ts);
    // the default for the page's logged-in editors. ?review=false: loaded at once, the default for scripts.
    const reviewParam = (req.query as Record<string, string | undefined>).review;
    const review = reviewParam === undefined ? req.principal?.via === 'session' : reviewParam === 'true';
    if (!req.isMultipart()) {
      throw new HttpError(415, 'NOT_MULTIPART', 'send the files as multipart/form-data, each in a field named "file" (curl -F file=@plan.docx …)', undefined, REFUSAL_ZH.notMultipart());
    }
    // Refused before reading when the client says up front that it is too big (multipart adds a little per part).
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > UPLOAD_LIMITS.requestBytes + 64 * 1024) {
      throw new HttpError(413, 'REQUEST_TOO_LARGE', `the request is ${mb(declared)}, over the ${mb(UPLOAD_LIMITS.requestBytes)} limit for one upload: send fewer files per request; nothing was loaded`,
        undefined, REFUSAL_ZH.requestTooLarge(mb(UPLOAD_LIMITS.requestBytes)));
    }
    const files = await receiveFiles(req);
    if (files.length === 0) throw new HttpError(400, 'NO_FILES', 'the request has no file: send each file in a multipart field named "file"', undefined, REFUSAL_ZH.noFiles());

    const seen = new Map<string, string>();
    const outcomes: Array<{ status: number; result: FileResult }> = [];
    for (const { file, bytes } of files) {
      const id = documentId(file);
      const earlier = seen.get(id);
      if (earlier !== undefined) {
        outcomes.push(fail(400, file, 'DUPLICATE_DOCUMENT', `${file} and ${earlier} would both become document "${id}": rename one of them or send them separately`,
          REFUSAL_ZH.duplicate(file, earlier, id)));
        continue;
      }
      seen.set(id, file);
      outcomes.push(await uploadOne(services, (f, b, beforeLoad) => ingestFile(store, readers, f, b, log, beforeLoad), { file, bytes, who, replace, review }, log));
    }
    const ok = outcomes.filter((o) => o.result.ok).length;
    const status = ok === outcomes.length ? 200 : ok > 0 ? 207 : outcomes[0]!.status;
    if (status === 503) void reply.header('retry-after', '5');
    return reply.code(status).send({ files: outcomes.map((o) => o.result) });
  });
}
