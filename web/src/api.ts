import { csrfHeaders } from './session';

/** The GraphQL API, with errors a supervisor can read. */
export class ApiError extends Error {}

export async function gql<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...csrfHeaders() }, body: JSON.stringify({ query, variables }) });
  } catch {
    throw new ApiError('network');
  }
  let body: { data?: T; errors?: Array<{ message: string }> };
  try {
    body = (await res.json()) as typeof body;
  } catch {
    throw new ApiError(`HTTP ${res.status}`);
  }
  if (body.errors?.length) throw new ApiError(body.errors.map((e) => e.message).join('; '));
  if (!res.ok || !body.data) throw new ApiError(`HTTP ${res.status}`);
  return body.data;
}

export * from './queries';
