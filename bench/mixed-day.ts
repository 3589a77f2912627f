/**
 * A mixed day (issue 23 item 2): 50 connections asking the page's questions in turn while, every
 * few seconds, a plan is uploaded (the ingest token) and an editor records progress on a task (a
 * cookie session with its CSRF token). Every write empties the kept answers, so this measures the
 * questions mostly cold. Reports p50/p99, errors, and the server's RSS over the run.
 */
import autocannon from 'autocannon';

export const MIXED_TOKEN = 'bench-mixed-token-0123456789';
export const MIXED_EDITOR = { name: 'bench-editor', password: 'bench editor password' };

export interface MixedFigures { p50: number; p99: number; max: number; rps: number; requests: number; errors: number; non2xx: number; uploads: number; uploadFailures: number; progress: number; progressFailures: number; failures: string[]; rssMaxMb: number; rssMeanMb: number; statuses: string }

export async function mixedDay(opts: { url: string; rss: () => number; unit: string; queries: string[]; seconds: number; everyMs: number; plan: (n: number) => { file: string; text: string } }): Promise<MixedFigures> {
  const { url } = opts;
  // The editor's session: cookie and CSRF token from the login.
  const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(MIXED_EDITOR) });
  if (!login.ok) throw new Error(`mixed day: the editor could not log in (${login.status} ${await login.text()})`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('sid='))!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  // The tasks progress is recorded on: those a unit leads.
  const led = (await (await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ unit(id: ${JSON.stringify(opts.unit)}) { leads(limit: 200) { task { id } } } }` }) })).json()) as { data?: { unit: { leads: Array<{ task: { id: string } }> } }; errors?: unknown };
  if (!led.data) throw new Error(`mixed day: the tasks of ${opts.unit}: ${JSON.stringify(led.errors).slice(0, 300)}`);
  const taskIds = led.data.unit.leads.map((l) => l.task.id);

  const rss: number[] = [];
  const sampler = setInterval(() => {
    rss.push(opts.rss() / 1048576);
  }, 500);
  let n = 0;
  const writes: Array<Promise<void>> = [];
  const counts = { uploads: 0, uploadFailures: 0, progress: 0, progressFailures: 0 };
  // Why writes failed (the first few), so that a failure is never only a count.
  const failures: string[] = [];
  const upload = async (i: number) => {
    const p = opts.plan(i);
    const form = new FormData();
    form.append('file', new Blob([p.text]), p.file);
    const res = await fetch(`${url}/api/documents`, { method: 'POST', headers: { authorization: `Bearer ${MIXED_TOKEN}` }, body: form });
    const text = await res.text();
    if (res.ok) counts.uploads++;
    else {
      counts.uploadFailures++;
      failures.push(`upload ${res.status}: ${text.slice(0, 160)}`);
    }
  };
  const progress = async (i: number) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({
        query: 'mutation($task: ID!, $date: Date!) { addProgress(task: $task, date: $date, state: IN_PROGRESS, text: "按计划推进") { id } }',
        variables: { task: taskIds[i % taskIds.length], date: '2025-06-30' },
      }),
    });
    const body = (await res.json()) as { errors?: unknown };
    if (res.ok && !body.errors) counts.progress++;
    else {
      counts.progressFailures++;
      failures.push(`progress ${res.status}: ${JSON.stringify(body.errors ?? body).slice(0, 160)}`);
    }
  };
  // An upload, then half a period later a progress record: a write every everyMs / 2.
  const writer = setInterval(() => {
    const i = n++;
    writes.push(upload(i));
    setTimeout(() => writes.push(progress(i)), opts.everyMs / 2);
  }, opts.everyMs);

  const r = await autocannon({
    url: `${url}/graphql`,
    connections: 50,
    duration: opts.seconds,
    requests: opts.queries.map((query) => ({ method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })),
  });
  clearInterval(writer);
  await Promise.allSettled(writes);
  clearInterval(sampler);
  return {
    p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, rps: r.requests.average, requests: r.requests.total, errors: r.errors, non2xx: r.non2xx,
    ...counts, failures: failures.slice(0, 3),
    statuses: Object.entries((r as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {}).map(([c, { count }]) => `${count}×${c}`).join(' '),
    rssMaxMb: Math.max(...rss), rssMeanMb: rss.reduce((a, b) => a + b, 0) / Math.max(1, rss.length),
  };
}
