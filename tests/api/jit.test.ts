/**
 * Answers are executed by graphql-jit (api/jit.ts); what graphql-js did around them must still hold:
 * the operation a document names is the one run, a variable of the wrong type is the client's mistake
 * (400, BAD_USER_INPUT; it was answered 500 INTERNAL_SERVER_ERROR before bounds.ts said so), and a
 * resolver's error keeps its code, path and place in the query.
 * Over real HTTP on the seeds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stores } from '../support/stores';
import { gql, startTestApp } from './helpers';

describe.each(stores())('answers executed by graphql-jit ($name)', (store) => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    app = await startTestApp({ store });
  });
  afterAll(async () => app?.close());

  it('runs the operation the request names, each compiled apart', async () => {
    const doc = 'query Name($id: ID!) { unit(id: $id) { name } } query Kind($id: ID!) { unit(id: $id) { kind } }';
    const post = (operationName: string) => fetch(`${app.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: doc, operationName, variables: { id: '430500:市发展和改革委员会' } }),
    }).then((r) => r.json() as Promise<{ data: { unit: Record<string, string> } }>);
    const name = await post('Name');
    const kind = await post('Kind');
    // Seed 000 (邵阳) lists 市发展和改革委员会 among its units; a department (市…委员会) is of kind department.
    expect(name.data.unit).toEqual({ name: '市发展和改革委员会' });
    expect(Object.keys(kind.data.unit)).toEqual(['kind']);
    expect((await post('Name')).data).toEqual(name.data);
  });

  it('answers a variable of the wrong type 400 BAD_USER_INPUT, naming the variable', async () => {
    const r = await gql(app.url, 'query($id: ID!) { unit(id: $id) { name } }', { id: { not: 'an id' } });
    expect(r.status).toBe(400);
    expect(r.data).toBeUndefined();
    expect(r.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(r.errors![0]!.message).toMatch(/Variable "\$id"/);
  });

  it("keeps a resolver's error code, its path and where it stands in the query", async () => {
    const r = await gql(app.url, '{\n  stats { tasks }\n  overloadedUnits(jurisdiction: "not a code") { total }\n}');
    const e = r.errors![0] as { message: string; path: string[]; locations: Array<{ line: number; column: number }>; extensions: { code: string } };
    expect(e.extensions.code).toBe('BAD_USER_INPUT');
    expect(e.path).toEqual(['overloadedUnits']);
    expect(e.locations).toEqual([{ line: 3, column: 3 }]);
    // overloadedUnits cannot be null, so the whole answer is (as graphql-js answers it).
    expect(r.data).toBeNull();
  });
});
