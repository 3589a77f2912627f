/** Auth, limits, injection attempts, useful errors, and a store outage — over real HTTP. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIngestAuth } from '../../server/api/ingest';
import type { Budget } from '../../server/graph/budget';
import { read } from '../../server/graph/queries';
import { StoreError, type GraphStore } from '../../server/graph/store';
import { gql, HENGYANG_PLAN, INGEST_TOKEN, startTestApp } from './helpers';
import { stores } from '../support/stores';


const INGEST = 'mutation($f: String!, $t: String!) { ingestDocument(filename: $f, text: $t) { status document { id title jurisdiction { name } } warnings } }';

describe.each(stores())('API guards ($name)', (store) => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let down = false;
  const stats = async () => (await app.graph.run(read('stats')))[0];

  beforeAll(async () => {
    // The real store behind a switch that makes it fail like an unreachable Neo4j.
    const outage = (): never => {
      throw new StoreError('Neo4j at bolt://db:7687 is unavailable: connection refused. The API will recover when the server is back.');
    };
    const switchable = (real: GraphStore) => ({
      kind: real.kind, location: 'switchable',
      get roundTrips() { return real.roundTrips; },
      ensureSchema: () => real.ensureSchema(),
      run: (q: string, p?: Record<string, unknown>, b?: Budget) => (down ? Promise.reject(outage()) : real.run(q, p, b)),
      write: <T>(w: (tx: any) => Promise<T>) => (down ? Promise.reject(outage()) : real.write(w)),
      close: async () => undefined,
    }) as unknown as GraphStore;
    app = await startTestApp({ store, wrap: switchable });
  });
  afterAll(async () => app?.close());

  describe('ingestDocument', () => {
    it('refuses a request without the bearer token, or with a wrong one', async () => {
      const none = await gql(app.url, INGEST, { f: 'hengyang.txt', t: HENGYANG_PLAN });
      expect(none.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
      expect(none.errors![0]!.message).toMatch(/Authorization: Bearer/);
      const wrong = await gql(app.url, INGEST, { f: 'hengyang.txt', t: HENGYANG_PLAN }, { authorization: 'Bearer not-the-token-at-all-x' });
      expect(wrong.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
      expect((await stats())!.documents).toBe(5);
    });

    it('is off when no INGEST_TOKEN is configured', () => {
      expect(() => checkIngestAuth(undefined, `Bearer ${INGEST_TOKEN}`)).toThrow(/ingestion is disabled/);
    });

    it('extracts and loads a plan, then replaces it when sent again', async () => {
      const auth = { authorization: `Bearer ${INGEST_TOKEN}` };
      const r = await gql(app.url, INGEST, { f: 'hengyang.txt', t: HENGYANG_PLAN }, auth);
      expect(r.errors).toBeUndefined();
      expect(r.data.ingestDocument.status).toBe('ADDED');
      expect(r.data.ingestDocument.document).toEqual({ id: 'hengyang', title: '衡阳市优化营商环境行动方案', jurisdiction: { name: '衡阳市' } });
      const q = await gql(app.url, '{ unit(id: "430400:市政务服务中心") { leads { task { ref } } } }');
      expect(q.data.unit.leads).toEqual([{ task: { ref: '一.(一).1' } }]);
      const again = await gql(app.url, INGEST, { f: 'hengyang.txt', t: HENGYANG_PLAN }, auth);
      expect(again.data.ingestDocument.status).toBe('REPLACED');
      expect((await stats())!.documents).toBe(6);
    });

    it('refuses a bad file name or a text with no tasks, writing nothing', async () => {
      const auth = { authorization: `Bearer ${INGEST_TOKEN}` };
      const before = await stats();
      const badName = await gql(app.url, INGEST, { f: '../../etc/passwd', t: HENGYANG_PLAN }, auth);
      expect(badName.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
      expect(badName.errors![0]!.message).toMatch(/filename .* is not usable/);
      const noTasks = await gql(app.url, INGEST, { f: 'notice.txt', t: '关于做好冬季供暖工作的通知\n各单位要高度重视。' }, auth);
      expect(noTasks.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
      expect(noTasks.errors![0]!.message).toMatch(/notice\.txt has no tasks/);
      const empty = await gql(app.url, INGEST, { f: 'empty.txt', t: '' }, auth);
      expect(empty.errors![0]!.message).toMatch(/empty/);
      expect(await stats()).toEqual(before);
    });
  });

  describe('limits', () => {
    it('refuses a query that is too deep', async () => {
      const r = await gql(app.url, '{ unit(id: "x") { leads { task { assignments { unit { leads { task { assignments { unit { leads { task { title } } } } } } } } } } } }');
      expect(r.errors![0]!.message).toMatch(/depth/i);
    });

    it('refuses a query that is too costly (nested lists multiplying each other), before reading anything', async () => {
      const before = app.graph.roundTrips;
      // 500 × (1 + 500 × (1 + 500 × (1 + 500))) objects at most: units, their members' members' members.
      const r = await gql(app.url, '{ units(limit: 500) { members { members { members { id } } } } }');
      expect(r.errors![0]!.extensions!.code).toBe('QUERY_TOO_EXPENSIVE');
      expect(r.errors![0]!.message).toMatch(/could return up to 62,625,250,500 objects, over the limit of 400,000/);
      expect(app.graph.roundTrips).toBe(before);
    });

    it('refuses a query of over 2,000 tokens as the client’s mistake (400), before it is parsed whole', async () => {
      const r = await gql(app.url, `{ stats { ${Array.from({ length: 2500 }, () => 'tasks').join(' ')} } }`);
      expect(r.status).toBe(400);
      expect(r.errors![0]!.extensions!.code).toBe('GRAPHQL_PARSE_FAILED');
      expect(r.errors![0]!.message).toMatch(/more that 2000 tokens/);
    });

    it('refuses too many aliases', async () => {
      const r = await gql(app.url, `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: stats { tasks }`).join(' ')} }`);
      expect(r.errors![0]!.message).toMatch(/alias/i);
    });

    it('refuses a request body over 2 MB', async () => {
      const res = await fetch(`${app.url}/graphql`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ stats { tasks } }', variables: { pad: 'x'.repeat(3 * 1024 * 1024) } }),
      });
      expect(res.status).toBe(413);
      expect(((await res.json()) as any).errors[0].message).toMatch(/over the 2097152 byte limit/);
    });

    it('refuses limits outside 1–500', async () => {
      const r = await gql(app.url, '{ units(limit: 100000) { id } }');
      expect(r.errors![0]!.message).toBe('limit on Query.units must be between 1 and 500, got 100000');
    });
  });

  describe('injection', () => {
    const payloads = ['x"}) MATCH (n) DETACH DELETE n //', "' OR 1=1 --", '] RETURN 1 UNION MATCH (n) RETURN n //', '$ids', '\u0000\\'];
    const templates: Array<[string, string]> = [
      ['unit(id)', '{ unit(id: $s) { id } }'],
      ['document(id)', '{ document(id: $s) { id } }'],
      ['task(id)', '{ task(id: $s) { id } }'],
      ['region(id)', '{ region(id: $s) { id } }'],
      ['units(filter.jurisdiction, text)', '{ units(filter: { jurisdiction: $s, text: $s }) { id } }'],
      ['tasks(filter.document, unit, region, text)', '{ tasks(filter: { document: $s, unit: $s, region: $s, text: $s }) { id } }'],
      ['search(text)', '{ search(text: $s) { units { id } tasks { id } regions { id } } }'],
      ['overloadedUnits(jurisdiction)', '{ overloadedUnits(jurisdiction: $s) { value } }'],
      ['cooperationLinks(region, partner)', '{ cooperationLinks(region: $s, partner: $s) { count } }'],
      ['connection(from, to)', '{ connection(from: $s, to: "430500:市商务局") { length } }'],
      ['accountabilityGaps(document)', '{ accountabilityGaps(document: $s) { kinds } }'],
    ];

    it.each(templates)('through %s changes nothing and answers normally', async (_name, body) => {
      const before = await stats();
      for (const s of payloads) {
        // The payload as a GraphQL string literal in the argument's place.
        const r = await gql(app.url, body.replaceAll('$s', JSON.stringify(s)));
        for (const e of r.errors ?? []) expect(e.extensions?.code, `${s}: ${e.message}`).toBe('BAD_USER_INPUT');
      }
      expect(await stats()).toEqual(before);
    });

    it('through ingestDocument’s filename and text', async () => {
      const before = await stats();
      for (const s of payloads) {
        const r = await gql(app.url, INGEST, { f: s, t: s }, { authorization: `Bearer ${INGEST_TOKEN}` });
        expect(r.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
      }
      expect(await stats()).toEqual(before);
    });
  });

  describe('errors say what was wrong', () => {
    it('for an unknown field, a bad argument, bad JSON and a wrong method', async () => {
      const field = await gql(app.url, '{ unit(id: "x") { nmae } }');
      expect(field.status).toBe(400);
      expect(field.errors![0]!.message).toBe('Cannot query field "nmae" on type "Unit". Did you mean "name"?');
      const juris = await gql(app.url, '{ overloadedUnits(jurisdiction: "邵阳") { value } }');
      expect(juris.errors![0]!.message).toMatch(/6-digit division code such as 430500/);
      const empty = await gql(app.url, '{ search(text: "  ") { units { id } } }');
      expect(empty.errors![0]!.message).toMatch(/search text is empty/);
      const role = await gql(app.url, '{ tasks(filter: { role: LEAD }) { id } }');
      expect(role.errors![0]!.message).toMatch(/filter.role needs filter.unit/);
      const json = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
      expect(json.status).toBe(400);
      expect(((await json.json()) as any).errors[0].message).toBe('request body is not valid JSON');
      const put = await fetch(`${app.url}/anything`, { method: 'PUT' });
      expect(put.status).toBe(405);
    });

    it('when the store goes away: a clear error, not a hang; and recovery when it returns', async () => {
      down = true;
      try {
        const t0 = Date.now();
        const r = await gql(app.url, '{ stats { tasks } }');
        expect(Date.now() - t0).toBeLessThan(5000);
        expect(r.errors![0]!.extensions!.code).toBe('STORE_UNAVAILABLE');
        expect(r.errors![0]!.message).toMatch(/Neo4j at bolt:\/\/db:7687 is unavailable/);
        const health = await fetch(`${app.url}/healthz`);
        expect(health.status).toBe(503);
        expect(((await health.json()) as any).status).toBe('unavailable');
      } finally {
        down = false;
      }
      const back = await gql(app.url, '{ stats { tasks } }');
      expect(back.errors).toBeUndefined();
      expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    });
  });
});
