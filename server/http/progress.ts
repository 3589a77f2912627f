import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { StorageFull } from '../graph/disk';
import { PROGRESS_LIMITS, ProgressInputError, type UploadedFile } from '../progress/service';
import type { Services } from '../services';
import { requireRoleHttp } from './auth';
import { HttpError } from './errors';

const FIELDS = new Set(['task', 'date', 'state', 'text', 'unit']);
const mb = (n: number) => `${n / 1048576} MB`;

/**
 * POST /api/progress: one progress record with its attachments (佐证材料), multipart/form-data with
 * the fields task, date, state, text, unit (optional) and up to PROGRESS_LIMITS.files `file`
 * parts; editors only (a session with its CSRF token, or the API token). Answers 201 and the
 * record. GET /api/progress/:id/files/:n downloads an attachment to anyone who may read.
 */
export async function progressRoutes(app: FastifyInstance, opts: { services: Services }): Promise<void> {
  const { progress } = opts.services;
  await app.register(fastifyMultipart, {
    limits: { fileSize: PROGRESS_LIMITS.fileBytes, files: PROGRESS_LIMITS.files, parts: PROGRESS_LIMITS.files + FIELDS.size + 2, fields: FIELDS.size + 2, fieldSize: PROGRESS_LIMITS.textChars * 4, headerPairs: 100 },
  });

  app.post('/api/progress', async (req: FastifyRequest, reply: FastifyReply) => {
    const who = requireRoleHttp(req, 'editor');
    if (!req.isMultipart()) throw new HttpError(415, 'NOT_MULTIPART', 'send progress as multipart/form-data: fields task, date, state, text (unit optional) and files in fields named "file"');
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > PROGRESS_LIMITS.fileBytes + 256 * 1024) throw new HttpError(413, 'REQUEST_TOO_LARGE', `the request is over the ${mb(PROGRESS_LIMITS.fileBytes)} limit of one record's files: nothing was recorded`);
    const fields: Record<string, string> = {};
    const files: UploadedFile[] = [];
    let current = '';
    try {
      for await (const part of req.parts()) {
        if (part.type === 'field') {
          if (!FIELDS.has(part.fieldname)) throw new HttpError(400, 'BAD_FIELD', `unknown field "${part.fieldname.slice(0, 30)}": send ${[...FIELDS].join(', ')} and file`);
          fields[part.fieldname] = String(part.value);
          continue;
        }
        current = part.filename || '(unnamed)';
        if (part.fieldname !== 'file') throw new HttpError(400, 'BAD_FIELD', `${current} was sent in the field "${part.fieldname}": send files in fields named "file"`);
        const bytes = await part.toBuffer();
        if (part.file.truncated) throw new HttpError(413, 'FILE_TOO_LARGE', `${current} is over the ${mb(PROGRESS_LIMITS.fileBytes)} limit: nothing was recorded`);
        files.push({ name: current, type: part.mimetype || 'application/octet-stream', bytes });
      }
    } catch (err) {
      if (err instanceof HttpError) throw err;
      const code = (err as { code?: string }).code;
      if (code === 'FST_REQ_FILE_TOO_LARGE') throw new HttpError(413, 'FILE_TOO_LARGE', `${current} is over the ${mb(PROGRESS_LIMITS.fileBytes)} limit: nothing was recorded`);
      if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw new HttpError(413, 'TOO_MANY_FILES', `at most ${PROGRESS_LIMITS.files} files per record: nothing was recorded`);
      throw new HttpError(400, 'BAD_MULTIPART', `the form could not be read: ${(err as Error).message}`);
    }
    try {
      const made = await progress.add({ task: fields.task ?? '', date: fields.date ?? '', state: fields.state ?? '', text: fields.text ?? '', unit: fields.unit || null }, who.name, files);
      return reply.code(201).send({ progress: { ...made, attachments: made.attachments.map((a) => ({ ...a, url: `/api/progress/${encodeURIComponent(made.id)}/files/${a.n}` })) } });
    } catch (err) {
      if (err instanceof ProgressInputError) throw new HttpError(err.field === 'file' ? 413 : 400, 'BAD_REQUEST', err.message);
      if (err instanceof StorageFull) throw new HttpError(507, 'STORAGE_FULL', err.message);
      throw err;
    }
  });

  app.get('/api/progress/:id/files/:n', async (req, reply) => {
    const { id, n } = req.params as { id: string; n: string };
    const found = /^\d{1,2}$/.test(n) ? await progress.records.attachment(id, Number(n)) : null;
    if (!found) throw new HttpError(404, 'NOT_FOUND', `progress record ${JSON.stringify(id.slice(0, 40))} has no attachment ${JSON.stringify(n.slice(0, 5))}`);
    return reply
      // Served as a download whatever it claims to be: an uploaded HTML file must not run on this origin.
      .type('application/octet-stream')
      .header('content-disposition', `attachment; filename="${found.meta.name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(found.meta.name)}`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-store')
      .send(found.bytes);
  });
}
