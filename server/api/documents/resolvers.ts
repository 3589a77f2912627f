import { GraphQLError } from 'graphql';
import { formatOf } from '../../documents/registry';
import { read } from '../../graph/queries';
import { unloadDocument } from '../../graph/unload';
import { userError } from '../errors';
import type { Context } from '../resolvers';
import { authOf, personal, requireRole } from '../accounts/guard';

type Args = Record<string, unknown>;

export const documentResolvers = {
  Query: {
    loadedDocuments: async (_: unknown, __: Args, ctx: Context) => {
      // Who loaded what is not for the shared answer cache: the registry changes without a graph write.
      personal(ctx);
      const { registry } = authOf(ctx).services;
      const [rows, records, regions] = await Promise.all([ctx.store.run(read('document-summaries')), registry.all(), ctx.loaders.regions()]);
      return rows.map((r) => {
        const rec = records.get(r.id as string);
        return {
          id: r.id, file: r.file, title: r.title, kind: r.kind, issuer: r.issuer || null, date: r.date || null, year: r.year, yearFrom: r.yearFrom, yearTo: r.yearTo,
          jurisdiction: r.jurisdictionCode ? regions.regions.get(r.jurisdictionCode as string) ?? null : null,
          sha256: r.sha256, format: rec?.format ?? formatOf(r.file as string), uploadedAs: rec?.uploadedAs ?? null,
          tasks: Number(r.tasks), units: Number(r.units), warnings: rec?.warnings ?? [],
          loadedBy: rec?.loadedBy ?? null, loadedAt: rec?.loadedAt ?? null,
          originalUrl: rec ? `/api/documents/${encodeURIComponent(r.id as string)}/original` : null,
        };
      });
    },
  },
  Mutation: {
    deleteDocument: async (_: unknown, { id }: Args, ctx: Context) => {
      const who = requireRole(ctx, 'editor');
      const { registry, audit } = authOf(ctx).services;
      const docId = String(id);
      const before = (await ctx.store.run(read('document-summaries'))).find((r) => r.id === docId);
      if (!before) throw userError(`there is no document ${JSON.stringify(docId)}: see loadedDocuments for the ids`, { argument: 'id' });
      const removed = await unloadDocument(ctx.store, docId);
      // Deleted by someone else between the look-up and the delete: say so rather than pretend.
      if (!removed) throw new GraphQLError(`document ${docId} was deleted meanwhile`, { extensions: { code: 'CONFLICT' } });
      await registry.remove(docId);
      await audit.append({
        who: who.name, action: 'delete-document', target: docId,
        before: { title: before.title, file: before.file, sha256: before.sha256, tasks: Number(before.tasks), units: Number(before.units) },
      });
      return { id: docId, title: before.title, tasks: Number(before.tasks) };
    },
  },
};
