import { timingSafeEqual } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { InputError } from '../extract/decode';
import { extract } from '../extract/extract';
import { PoolBusy, type ReaderPool } from '../ingest/reader-pool';
import { loadExtraction } from '../graph/loader';
import { StoreError, type GraphStore } from '../graph/store';
import { forbidden, unauthenticated, userError } from './errors';

// As an upload's name (server/http/documents.ts): no bidirectional controls, more than spaces.
const FILENAME = /^(?!\.)(?=[^.]*[^\s.])[^/\\\x00-\x1f<>:"|?*\u200e\u200f\u202a-\u202e\u2066-\u2069]{1,120}\.(txt|text)$/u;

/** The bearer token must match INGEST_TOKEN (compared in constant time). */
export function checkIngestAuth(configured: string | undefined, authorization: string | undefined): void {
  if (!configured) throw forbidden('ingestion is disabled on this server: set INGEST_TOKEN to enable ingestDocument');
  const token = /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1]?.trim();
  if (!token) throw unauthenticated('ingestDocument needs an Authorization: Bearer <INGEST_TOKEN> header');
  const a = Buffer.from(token);
  const b = Buffer.from(configured);
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw unauthenticated('the bearer token does not match INGEST_TOKEN');
}

/**
 * Extract and load one plan. Refused with the reason when the file name or text is unusable
 * or no task can be found; loaded in one transaction, so a failure writes nothing.
 */
export async function ingestDocument(store: GraphStore, filename: string, text: string, readers?: ReaderPool) {
  if (!FILENAME.test(filename)) {
    throw userError(`filename "${filename.slice(0, 60)}" is not usable: use no / \\ : * ? " < > | and end in .txt (it becomes the document id)`, { argument: 'filename' });
  }
  const bytes = Buffer.from(text, 'utf8');
  let result;
  try {
    result = readers ? await readers.extract(filename, bytes) : extract([{ file: filename, bytes }]);
  } catch (err) {
    if (err instanceof PoolBusy) throw new GraphQLError(err.message, { extensions: { code: 'BUSY', http: { status: 503, headers: new Map([['retry-after', '5']]) } } });
    if (err instanceof InputError) throw userError(`${filename} could not be read: ${err.message}`, { argument: 'text' });
    throw err;
  }
  const doc = result.documents[0];
  if (!doc) throw userError(`${filename} could not be read: ${result.warnings[0]?.message ?? 'unknown reason'}`, { argument: 'text' });
  if (doc.tasks.length === 0 && !doc.progress?.length) {
    throw userError(`${filename} has no tasks: ${result.warnings.find((w) => /no tasks|no recommendations/.test(w.message))?.message.replace(/^no tasks found: /, '') ?? 'nothing to load'}`, { argument: 'text' });
  }
  const [outcome] = await loadExtraction(store, result);
  if (outcome?.storeUnavailable) throw new StoreError(`loading ${filename} failed and nothing was written: ${outcome.error}`);
  if (!outcome || outcome.status === 'failed') {
    throw new Error(`loading ${filename} failed and nothing was written: ${outcome?.error ?? 'unknown error'}`);
  }
  return { documentId: doc.id, status: outcome.status === 'added' ? 'ADDED' : 'REPLACED', warnings: result.warnings.map((w) => w.message) };
}
