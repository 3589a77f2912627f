import type { FastifyReply, FastifyRequest } from 'fastify';

/** An answer the client caused: its status, a stable code (the page translates by it) and why. */
export class HttpError extends Error {
  /** `zh`: the same reason in Chinese, sent beside `message` (the upload route's refusals). */
  constructor(readonly status: number, readonly code: string, message: string, readonly file?: string, readonly zh?: string) {
    super(message);
  }
}

/**
 * /api/… answers `{error: {code, message, file?}}`; everything else answers in GraphQL's shape
 * (`{errors: [{message, extensions: {code}}]}`), as /graphql clients expect.
 */
export function sendError(reply: FastifyReply, req: FastifyRequest, err: HttpError): FastifyReply {
  const body = req.url.startsWith('/api/')
    ? { error: { code: err.code, message: err.message, ...(err.zh !== undefined ? { zh: err.zh } : {}), ...(err.file !== undefined ? { file: err.file } : {}) } }
    : { errors: [{ message: err.message, extensions: { code: err.code } }] };
  return reply.code(err.status).type('application/json; charset=utf-8').send(body);
}
