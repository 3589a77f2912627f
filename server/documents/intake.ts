import { extname } from 'node:path';
import type { ExtractedDocument } from '../extract/contract';
import { documentId } from '../extract/extract';
import { toSimplified } from '../extract/simplify';
import { read } from '../graph/queries';
import type { GraphStore } from '../graph/store';
import { fingerprints, taskShapes, type DocumentRegistry, type TaskShape } from './registry';

interface Stored { id: string; title: string; sha256: string }

/**
 * Before a file is loaded: is it already there? The same bytes (sha256), or the same plan in
 * another format (same title and the same text or the same tasks), is recognised and not loaded
 * twice. A different document whose file name is taken gets a name of its own (`stem-2.docx`)
 * instead of replacing the one there, unless the uploader asked to replace it.
 */
export class DocumentIntake {
  constructor(private readonly store: GraphStore, private readonly registry: DocumentRegistry) {}

  private async stored(): Promise<Stored[]> {
    return (await this.store.run(read('document-keys'))).map((r) => ({ id: r.id as string, title: r.title as string, sha256: r.sha256 as string }));
  }

  /** The loaded document with these very bytes, if any. */
  async sameBytes(sha256: string): Promise<string | null> {
    return (await this.stored()).find((d) => d.sha256 === sha256)?.id ?? null;
  }

  /** The file name to load a file under: its own, or `stem-N` when a document holds the name (unless replacing). */
  async admit(file: string, replace: boolean): Promise<{ file: string }> {
    const docs = await this.stored();
    const ids = new Set(docs.map((d) => d.id));
    const id = documentId(file);
    if (replace || !ids.has(id)) return { file };
    const ext = extname(file);
    for (let n = 2; ; n++) if (!ids.has(`${id}-${n}`)) return { file: `${id}-${n}${ext}` };
  }

  /** After extracting: the id of a loaded document with the same title and the same text or tasks. */
  async sameContent(doc: ExtractedDocument, text: string): Promise<string | null> {
    const squeeze = (s: string) => toSimplified(s).replace(/[\s\u3000]+/g, '');
    const candidates = (await this.stored()).filter((d) => d.id !== doc.id && squeeze(d.title) === squeeze(doc.title));
    if (candidates.length === 0) return null;
    const mine = fingerprints({ title: doc.title, tasks: taskShapes(doc) }, text);
    const records = await this.registry.all();
    const unknown = candidates.filter((c) => !records.has(c.id));
    const taskHashes = new Map<string, string>();
    if (unknown.length > 0) {
      // Loaded before the registry knew of it (the seeds, the load command): from the graph.
      const byDoc = new Map<string, { title: string; tasks: TaskShape[] }>();
      for (const r of await this.store.run(read('document-task-titles'), { ids: unknown.map((c) => c.id) })) {
        const d = byDoc.get(r.id as string) ?? { title: r.title as string, tasks: [] };
        d.tasks.push({ ref: r.ref as string, title: r.taskTitle as string, unitIds: ((r.unitIds as Array<string | null>) ?? []).filter((u): u is string => !!u) });
        byDoc.set(r.id as string, d);
      }
      for (const [id, d] of byDoc) taskHashes.set(id, fingerprints(d, '').taskHash);
    }
    for (const c of candidates) {
      const r = records.get(c.id);
      if (r && (r.textHash === mine.textHash || r.taskHash === mine.taskHash)) return c.id;
      if (!r && taskHashes.get(c.id) === mine.taskHash) return c.id;
    }
    return null;
  }
}
