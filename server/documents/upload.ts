import type { Logger } from 'pino';
import type { ExtractedDocument, ExtractResult } from '../extract/contract';
import { read } from '../graph/queries';
import type { FileResult } from '../http/documents';
import type { Services } from '../services';
import { fingerprints, formatOf, taskShapes } from './registry';

type Ingest = (file: string, bytes: Uint8Array, beforeLoad: (doc: ExtractedDocument, text: string, result: ExtractResult) => Promise<FileResult | null>) => Promise<{ status: number; result: FileResult }>;

/**
 * One uploaded file through the checks of server/documents: recognised when already loaded (same
 * bytes, or the same plan from another format), given its own id when its name is taken, then
 * loaded (by `ingest`), its original kept, its registry entry written and the upload audited.
 */
export async function uploadOne(
  services: Services, ingest: Ingest, upload: { file: string; bytes: Uint8Array; who: string; replace: boolean; review?: boolean }, log: Logger,
): Promise<{ status: number; result: FileResult }> {
  const { intake, registry, audit } = services;
  const admitted = await intake.admit(upload.file, upload.replace);
  let facts: { doc: ExtractedDocument; prints: ReturnType<typeof fingerprints> } | null = null;
  // The checks run once the file is read, so that a bad name or an unreadable file is told first.
  const outcome = await ingest(admitted.file, upload.bytes, async (doc, text, extracted) => {
    const sameBytes = await intake.sameBytes(doc.sha256);
    // ?replace=true with the very same file loads it again (a new extractor, corrections re-applied).
    if (sameBytes && !(upload.replace && sameBytes === doc.id)) return (await duplicate(services, upload.file, sameBytes, 'the same file')).result;
    const same = await intake.sameContent(doc, text);
    if (same) return (await duplicate(services, upload.file, same, 'the same plan (same title and text or tasks)')).result;
    if (upload.review) {
      const draft = services.drafts.add({ file: admitted.file, uploadedAs: upload.file, bytes: upload.bytes, who: upload.who, replace: upload.replace, result: extracted, warnings: extracted.warnings.map((w) => w.message) });
      const units = new Set(doc.tasks.flatMap((t) => t.assignments.map((a) => a.unitId)));
      return { file: upload.file, ok: true, documentId: doc.id, title: doc.title, status: 'REVIEW', draftId: draft.id, tasks: doc.tasks.length, units: units.size, warnings: draft.warnings };
    }
    facts = { doc, prints: fingerprints({ title: doc.title, tasks: taskShapes(doc) }, text) };
    // Fingerprints above are of what the document says; the corrections in force change what is loaded.
    const found = await services.corrections.applyTo(extracted);
    await services.corrections.corrections.markFound(found);
    return null;
  });
  const result = outcome.result;
  if (!result.ok || result.status === 'DUPLICATE' || result.status === 'REVIEW' || !facts) return outcome;
  const { doc, prints } = facts as { doc: ExtractedDocument; prints: ReturnType<typeof fingerprints> };
  const renamed = admitted.file !== upload.file;
  try {
    await registry.put({
      id: result.documentId, uploadedAs: upload.file, format: formatOf(upload.file), bytes: upload.bytes.length, sha256: doc.sha256,
      ...prints, loadedBy: upload.who, loadedAt: new Date().toISOString(), warnings: result.warnings, tasks: result.tasks, units: result.units,
    }, upload.bytes);
  } catch (err) {
    // The graph holds the document; only the page's extra facts and the download are missing.
    log.error({ err, file: upload.file }, 'upload: keeping the original failed');
    result.warnings.push(`the document is loaded, but its original could not be kept under DATA_DIR (${(err as Error).message}): it cannot be downloaded`);
  }
  if (renamed) result.warnings.unshift(`a different document is already loaded as ${upload.file.replace(/\.[^.]+$/, '')}: this one was loaded as ${result.documentId}`);
  await audit.append({
    who: upload.who, action: 'upload', target: result.documentId,
    after: { file: upload.file, sha256: doc.sha256, title: result.title, tasks: result.tasks, units: result.units, status: result.status },
  });
  return outcome;
}

async function duplicate(services: Services, file: string, existing: string, how: string): Promise<{ status: number; result: FileResult }> {
  const [row] = await services.store.run(read('documents-by-id'), { ids: [existing] });
  return {
    status: 200,
    result: {
      file, ok: true, documentId: existing, title: String(row?.title ?? existing), status: 'DUPLICATE', tasks: 0, units: 0,
      warnings: [`${file} is ${how} as the loaded document ${existing}: not loaded again`],
    },
  };
}
