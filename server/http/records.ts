import type { FastifyInstance } from 'fastify';
import { auditCsv } from '../audit/audit-log';
import type { Services } from '../services';
import { requireRoleHttp } from './auth';
import { HttpError } from './errors';

const MIME: Record<string, string> = {
  txt: 'text/plain; charset=utf-8', text: 'text/plain; charset=utf-8', html: 'text/html; charset=utf-8', htm: 'text/html; charset=utf-8',
  pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', doc: 'application/msword',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', xls: 'application/vnd.ms-excel',
};

const attachment = (name: string) => `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** Downloads: a document's original file (anyone who may read) and the audit log as CSV (admins). */
export async function recordRoutes(app: FastifyInstance, opts: { services: Services }): Promise<void> {
  const { registry, audit } = opts.services;

  app.get('/api/documents/:id/original', async (req, reply) => {
    const { id } = req.params as { id: string };
    const found = await registry.original(id);
    if (!found) throw new HttpError(404, 'NOT_FOUND', `no original is kept for document ${JSON.stringify(id)}: only files uploaded through this server are kept (the seeds are in seeds/)`);
    return reply
      .type(MIME[found.record.format] ?? 'application/octet-stream')
      .header('content-disposition', attachment(found.record.uploadedAs))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-store')
      .send(found.bytes);
  });

  app.get('/api/audit.csv', async (req, reply) => {
    requireRoleHttp(req, 'admin');
    const q = req.query as Record<string, string | undefined>;
    const { entries } = await audit.read({ action: q.action, who: q.who, target: q.target, since: q.since, until: q.until }, Number.MAX_SAFE_INTEGER);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', attachment(`audit-${new Date().toISOString().slice(0, 10)}.csv`))
      .header('cache-control', 'no-store')
      .send(auditCsv(entries));
  });
}
