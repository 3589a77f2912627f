import { GraphQLError } from 'graphql';

/** Typed GraphQL errors: `extensions.code` says what kind, the message says why and what to do. */
export const userError = (message: string, extra: Record<string, unknown> = {}) =>
  new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...extra } });

/**
 * Something asked for by id is not in the store: the message says what an id looks like and what
 * is close. A user error like any other (BAD_USER_INPUT), told apart by `notFound`.
 */
export const notFound = (message: string, extra: Record<string, unknown> = {}) => userError(message, { notFound: true, ...extra });

export const unauthenticated = (message: string) => new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });

/** The whole answer to a request that ran out of time (sent with 503 and Retry-After: 10). */
export const timeoutAnswer = (err: Error & { ms: number }) => ({ errors: [{ message: err.message, extensions: { code: 'TIMEOUT', budgetMs: err.ms } }] });

export const forbidden = (message: string) => new GraphQLError(message, { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
