import { today } from '../analytics/status';
import { progressOf } from '../accounts/guard';
import { userError } from '../errors';
import { owedByUnits, owedSummary, unitsOf } from '../owed';
import type { Context } from '../resolvers';
import { yearScope } from '../years/scope';

type Args = Record<string, unknown>;

export const dubanResolvers = {
  Query: {
    owedUnits: async (_: unknown, { jurisdiction, asOf, soonDays, limit, year }: Args, ctx: Context) => {
      const j = String(jurisdiction);
      if (!/^\d{6}$/.test(j)) throw userError(`jurisdiction must be a 6-digit division code such as 430500 (邵阳市), got "${j.slice(0, 20)}"`, { argument: 'jurisdiction' });
      if (soonDays !== undefined && soonDays !== null && (typeof soonDays !== 'number' || soonDays < 0 || soonDays > 366)) throw userError(`soonDays must be between 0 and 366, got ${String(soonDays)}`);
      const day = (asOf as string | undefined) ?? today();
      const scope = await yearScope(ctx, year);
      const owed = await owedByUnits(ctx.store, await unitsOf(ctx.store, j), {
        asOf: day, soonDays: (soonDays as number | undefined) ?? ctx.config.DUE_SOON_DAYS, staleDays: ctx.config.PROGRESS_STALE_DAYS,
        progress: await progressOf(ctx).progress.records.index(), documents: scope?.documents,
      });
      // The sheets are of the same day and year as the list.
      const at = `${asOf ? `&asOf=${day}` : ''}${scope ? `&year=${scope.year}` : ''}`;
      return owedSummary(owed).slice(0, typeof limit === 'number' ? limit : 500).map((s) => ({
        ...s,
        docxUrl: `/export/duban.docx?unit=${encodeURIComponent(s.unitId)}${at}`,
        pdfUrl: `/export/duban.pdf?unit=${encodeURIComponent(s.unitId)}${at}`,
      }));
    },
  },
  UnitOwedSummary: {
    unit: (s: { unitId: string }, _: Args, ctx: Context) => ctx.loaders.unit.load(s.unitId),
  },
};
