import { GraphQLError } from 'graphql';
import { gazetteer } from '../../extract/gazetteer';
import type { Correction, TaskAnchor } from '../../corrections/model';
import { uploadOne } from '../../documents/upload';
import { ingestFile } from '../../http/documents';
import { userError } from '../errors';
import type { Context } from '../resolvers';
import { authOf, personal, requireRole } from '../accounts/guard';

type Args = Record<string, unknown>;
interface Edits { title?: string | null; jurisdiction?: string | null; removeTasks?: string[] | null; assignments?: Array<{ ref: string; unitId: string; role?: string | null }> | null }

const notFound = (id: unknown) => new GraphQLError(`there is no upload ${JSON.stringify(String(id))} waiting for review (drafts last two hours, and a restart drops them): upload the file again`, { extensions: { code: 'NOT_FOUND' } });

export const draftResolvers = {
  Query: {
    draft: (_: unknown, { id }: Args, ctx: Context) => {
      requireRole(ctx, 'editor');
      const d = authOf(ctx).services.drafts.get(String(id));
      if (!d) return null;
      return {
        id: d.id, file: d.uploadedAs, documentId: d.doc.id, title: d.doc.title, issuer: d.doc.issuer,
        jurisdiction: d.doc.jurisdiction ? { code: d.doc.jurisdiction.code, name: d.doc.jurisdiction.name, evidence: d.doc.jurisdiction.evidence } : null,
        warnings: d.warnings,
        tasks: d.doc.tasks.map((t) => ({
          ref: t.ref, title: t.title, text: t.text,
          assignments: t.assignments.map((a) => ({ unitId: a.unitId, name: d.unitNames.get(a.unitId) ?? a.surface, surface: a.surface, role: a.role, inferred: a.inferred })),
        })),
      };
    },
  },
  Mutation: {
    importDraft: async (_: unknown, args: Args, ctx: Context) => {
      const who = requireRole(ctx, 'editor');
      const services = authOf(ctx).services;
      const d = services.drafts.get(String(args.id));
      if (!d) throw notFound(args.id);
      const edits = (args.edits ?? {}) as Edits;
      const doc = d.doc;
      const at = new Date().toISOString();
      const docAnchor: TaskAnchor = { sha256: doc.sha256, documentId: doc.id, ref: '', quote: '' };
      const made: Array<Omit<Correction, 'id' | 'seq'>> = [];
      const base = { by: who.name, at };
      if (edits.title && edits.title.trim() && edits.title.trim() !== doc.title) made.push({ ...base, kind: 'document-title', task: docAnchor, before: doc.title, after: edits.title.trim() });
      if (edits.jurisdiction && edits.jurisdiction !== doc.jurisdiction?.code) {
        const region = gazetteer().get(edits.jurisdiction);
        if (!region) throw userError(`"${edits.jurisdiction}" is not a division code: pick the jurisdiction from the list`, { argument: 'edits.jurisdiction' });
        made.push({ ...base, kind: 'jurisdiction', task: docAnchor, before: doc.jurisdiction?.code ?? null, after: region.id });
      }
      const taskOf = (ref: string) => {
        const t = doc.tasks.find((x) => x.ref === ref);
        if (!t) throw userError(`the upload has no task ${ref}`, { argument: 'edits' });
        return { t, anchor: { sha256: doc.sha256, documentId: doc.id, ref, quote: t.text.slice(0, 40) } };
      };
      for (const ref of edits.removeTasks ?? []) made.push({ ...base, kind: 'remove-task', task: taskOf(ref).anchor, before: taskOf(ref).t.title, after: null });
      for (const e of edits.assignments ?? []) {
        const { t, anchor } = taskOf(e.ref);
        const a = t.assignments.find((x) => x.unitId === e.unitId);
        if (!a) throw userError(`task ${e.ref} names no unit ${e.unitId}`, { argument: 'edits' });
        if (e.role && e.role === a.role) continue;
        const name = d.unitNames.get(a.unitId) ?? a.surface;
        const unit = { id: a.unitId, name, kind: '', jurisdiction: { code: '', name: '' }, region: { id: '', name: '', level: 'prefecture' as const }, surface: a.surface };
        made.push(e.role ? { ...base, kind: 'role', task: anchor, unit, before: a.role, after: e.role } : { ...base, kind: 'remove-assignment', task: anchor, unit, before: a.role, after: null });
      }
      const store = services.corrections.corrections;
      const added: Correction[] = [];
      for (const c of made) added.push(await store.add(c, null));
      const outcome = await uploadOne(services, (f, b, beforeLoad) => ingestFile(ctx.store, ctx.readers!, f, b, silent, beforeLoad), { file: d.file, bytes: d.bytes, who: who.name, replace: d.replace }, silent);
      const r = outcome.result;
      if (!r.ok || r.status === 'DUPLICATE') {
        // Nothing loaded: the fixes go too, so that they do not wait for a file never loaded.
        for (const c of added.reverse()) await store.revert(c.id, 'added');
        throw new GraphQLError(r.ok ? r.warnings[0] ?? 'already loaded' : r.error, { extensions: { code: r.ok ? 'DUPLICATE' : r.code } });
      }
      services.drafts.delete(d.id);
      await services.audit.append({ who: who.name, action: 'import', target: r.documentId, after: { file: d.uploadedAs, edits: made.map((c) => ({ kind: c.kind, ref: c.task?.ref || undefined, unit: c.unit?.name, before: c.before, after: c.after })) } });
      return { documentId: r.documentId, status: r.status, tasks: r.tasks, units: r.units, warnings: r.warnings };
    },
    discardDraft: async (_: unknown, { id }: Args, ctx: Context) => {
      const who = requireRole(ctx, 'editor');
      personal(ctx);
      const services = authOf(ctx).services;
      const d = services.drafts.get(String(id));
      if (!d) throw notFound(id);
      services.drafts.delete(d.id);
      await services.audit.append({ who: who.name, action: 'discard', target: d.doc.id, before: { file: d.uploadedAs } });
      return true;
    },
  },
};

/** The upload path logs only what it cannot answer; a resolver has no logger of its own. */
const silent = { error: () => undefined, warn: () => undefined, info: () => undefined, debug: () => undefined } as unknown as Parameters<typeof ingestFile>[4];
