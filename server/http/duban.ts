import type { FastifyInstance } from 'fastify';
import { parseIsoDate, today } from '../api/analytics/status';
import { owedByUnits, owedCalendar, owedDocx, owedSummary, unitsOf } from '../api/owed';
import { NoCjkFont, owedPdf } from '../api/owed-pdf';
import { documentsOfYear } from '../api/years/scope';
import type { Config } from '../config';
import type { QueryRunner } from '../graph/store';
import type { Services } from '../services';
import { HttpError } from './errors';

/** The most units one 督办单 holds (one page each): a jurisdiction has a few hundred at most. */
const MAX_UNITS = 500;

const download = (name: string, ascii: string) => `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/**
 * 督办 exports (server/api/owed.ts): GET /export/units/:id/deadlines.ics, a unit's open dated tasks
 * as a calendar to subscribe to; GET /export/duban.docx|.pdf?unit=…|jurisdiction=…&asOf=…, the 督办单,
 * one page per unit (Word, or PDF: owed-pdf.ts). Readable by anyone who may read.
 */
export async function dubanRoutes(app: FastifyInstance, opts: { store: QueryRunner; config: Config; services: Services }): Promise<void> {
  const { store, config, services } = opts;
  const optionsAt = async (query: unknown) => {
    const q = query as Record<string, unknown>;
    const asOfParam = typeof q.asOf === 'string' ? q.asOf : undefined;
    const asOf = asOfParam ? parseIsoDate(asOfParam) : today();
    if (!asOf) throw new HttpError(400, 'BAD_REQUEST', `asOf must be a date written YYYY-MM-DD, got ${JSON.stringify(asOfParam!.slice(0, 20))}`);
    // year=2024: only that plan year's tasks, as owedUnits(year:) and the page's year filter.
    const yearParam = typeof q.year === 'string' && q.year !== '' ? q.year : undefined;
    const year = yearParam === undefined ? null : /^\d{4}$/.test(yearParam) ? Number(yearParam) : NaN;
    if (Number.isNaN(year) || (year !== null && (year < 1949 || year > 2100))) throw new HttpError(400, 'BAD_REQUEST', `year must be a plan year such as 2024, got ${JSON.stringify(String(yearParam).slice(0, 20))}`);
    return {
      asOf, soonDays: config.DUE_SOON_DAYS, staleDays: config.PROGRESS_STALE_DAYS, progress: await services.progress.records.index(),
      documents: year === null ? null : await documentsOfYear(store, year), year,
    };
  };

  app.get('/export/units/:id/deadlines.ics', async (req, reply) => {
    const { id } = req.params as { id: string };
    const o = await optionsAt(req.query);
    const [owed] = await owedByUnits(store, [id], o);
    if (!owed) throw new HttpError(404, 'NOT_FOUND', `there is no unit ${JSON.stringify(id.slice(0, 80))}: take its id from the unit panel or the search`);
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', download(`${owed.unitName}-时限.ics`, 'deadlines.ics'))
      .header('cache-control', 'no-cache')
      .send(owedCalendar(owed, { asOf: o.asOf }));
  });

  /** The units of a 督办单 request (unit=… one or more, or jurisdiction=…), with what they owe. */
  const sheetUnits = async (query: unknown) => {
    const q = query as Record<string, string | string[] | undefined>;
    // unit may be given several times: one page each, in the order given.
    const unitIds = [q.unit ?? []].flat().filter(Boolean).slice(0, MAX_UNITS);
    const jurisdiction = typeof q.jurisdiction === 'string' ? q.jurisdiction : undefined;
    if (!unitIds.length === !jurisdiction) throw new HttpError(400, 'BAD_REQUEST', 'give either unit=<unit id> (one or more) or jurisdiction=<6-digit division code>');
    if (jurisdiction && !/^\d{6}$/.test(jurisdiction)) throw new HttpError(400, 'BAD_REQUEST', `jurisdiction must be a 6-digit division code such as 430200, got ${JSON.stringify(jurisdiction.slice(0, 20))}`);
    const o = await optionsAt(q);
    const ids = unitIds.length ? unitIds : await unitsOf(store, jurisdiction!, MAX_UNITS);
    // A jurisdiction's sheet holds the units that owe something, most overdue first (as owedUnits lists them);
    // a unit asked for by id always gets its page, in the order asked.
    const owed = await owedByUnits(store, ids, o);
    const order = new Map(owedSummary(owed).map((s, i) => [s.unitId, i]));
    const units = unitIds.length ? owed : owed.filter((u) => order.has(u.unitId)).sort((a, b) => order.get(a.unitId)! - order.get(b.unitId)!);
    const missing = unitIds.find((id) => !units.some((u) => u.unitId === id));
    if (missing) throw new HttpError(404, 'NOT_FOUND', `there is no unit ${JSON.stringify(missing.slice(0, 80))}: take its id from the unit panel or the search`);
    if (units.length === 0) throw new HttpError(404, 'NOT_FOUND', `no unit of ${jurisdiction} has an open task${o.year ? ` in plans of ${o.year}` : ''}`);
    // Named after the unit when there is one, else the jurisdiction.
    const name = units.length === 1 ? units[0]!.unitName : jurisdiction ?? `${units.length}个单位`;
    return { units, asOf: o.asOf, name };
  };

  app.get('/export/duban.docx', async (req, reply) => {
    const { units, asOf, name } = await sheetUnits(req.query);
    const bytes = await owedDocx(units, { asOf });
    return reply
      .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', download(`督办单-${name}-${asOf}.docx`, `duban-${asOf}.docx`))
      .header('cache-control', 'no-store')
      .send(bytes);
  });

  app.get('/export/duban.pdf', async (req, reply) => {
    const { units, asOf, name } = await sheetUnits(req.query);
    let bytes: Buffer;
    try {
      bytes = await owedPdf(units, { asOf });
    } catch (err) {
      if (err instanceof NoCjkFont) throw new HttpError(503, 'NO_FONT', err.message);
      throw err;
    }
    return reply
      .type('application/pdf')
      .header('content-disposition', download(`督办单-${name}-${asOf}.pdf`, `duban-${asOf}.pdf`))
      .header('cache-control', 'no-store')
      .send(bytes);
  });
}
