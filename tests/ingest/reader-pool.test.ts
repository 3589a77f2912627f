/**
 * The reader pool keeps its processes between uploads (starting one stalls the server's thread
 * for a fork and costs a boot), and still lets a reader go when it broke a limit or the pool closes.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { InputError } from '../../server/extract/decode';
import { ReaderPool } from '../../server/ingest/reader-pool';
import { HENGYANG_PLAN } from '../api/helpers';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return !readFileSync(`/proc/${pid}/status`, 'utf8').includes('State:\tZ');
  } catch {
    return false;
  }
};
const waitUntil = async (ok: () => boolean) => {
  for (let i = 0; i < 100 && !ok(); i++) await new Promise((r) => setTimeout(r, 50));
  return ok();
};

describe('reader pool', () => {
  let pool: ReaderPool;
  afterEach(() => pool?.close());

  it('reads one file after another in the same process, each with its own result', async () => {
    pool = new ReaderPool({ size: 2, queue: 4, rssMb: 768, timeoutMs: 30_000 });
    const plan = Buffer.from(HENGYANG_PLAN);
    const first = await pool.extract('hengyang.txt', plan);
    const [pid] = pool.pids;
    const second = await pool.extract('other.txt', Buffer.from('关于推进工作的实施方案\n一、加强组织领导。(牵头单位:市发改委;责任单位:市财政局)\n'));
    expect(pool.pids).toEqual([pid]);
    expect(alive(pid!)).toBe(true);
    // The second result is the second file's alone: nothing of the first is carried over.
    expect(first.documents.map((d) => d.id)).toEqual(['hengyang']);
    // 1、推进一网通办 … (市政务服务中心牵头,市发改委、市大数据局配合); 2、优化纳税服务 … (市税务局负责,市财政局协助)
    expect(first.documents[0]!.tasks).toHaveLength(2);
    expect(first.documents[0]!.tasks[0]!.assignments.filter((a) => a.role === 'lead').map((a) => a.unitId.split(':')[1])).toEqual(['市政务服务中心']);
    expect(second.documents.map((d) => d.id)).toEqual(['other']);
    expect(second.documents[0]!.tasks).toHaveLength(1);
    expect(second.documents[0]!.tasks[0]!.assignments.map((a) => [a.unitId.split(':')[1], a.role])).toEqual([['市发展和改革委员会', 'lead'], ['市财政局', 'responsible']]);
    expect(second.units.map((u) => u.name).sort()).toEqual(['市发展和改革委员会', '市财政局'].sort());
  });

  it('lets a reader that ran out of time go, and reads the next file in a new one', async () => {
    pool = new ReaderPool({ size: 1, queue: 4, rssMb: 768, timeoutMs: 30_000 });
    await pool.extract('a.txt', Buffer.from('一、加强组织领导。(牵头单位:市发改委)\n'));
    const [before] = pool.pids;
    pool.opts.timeoutMs = 1; // no file is read in a millisecond
    await expect(pool.extract('b.txt', Buffer.from('一、加强组织领导。(牵头单位:市发改委)\n'))).rejects.toThrow(InputError);
    expect(await waitUntil(() => !alive(before!))).toBe(true);
    expect(pool.pids).toEqual([]);
    pool.opts.timeoutMs = 30_000;
    const again = await pool.extract('c.txt', Buffer.from('一、加强组织领导。(牵头单位:市发改委)\n'));
    expect(again.documents[0]!.tasks).toHaveLength(1);
    expect(pool.pids).toHaveLength(1);
    expect(pool.pids[0]).not.toBe(before);
  });

  it('a reader that died while idle is replaced, and the file is read', async () => {
    pool = new ReaderPool({ size: 1, queue: 4, rssMb: 768, timeoutMs: 30_000 });
    await pool.extract('a.txt', Buffer.from('一、甲。(牵头单位:市发改委)\n'));
    const [before] = pool.pids;
    process.kill(before!, 'SIGKILL');
    const again = await pool.extract('b.txt', Buffer.from('一、乙。(牵头单位:市财政局)\n'));
    expect(again.documents[0]!.tasks[0]!.assignments.map((a) => a.unitId.split(':')[1])).toEqual(['市财政局']);
    expect(pool.pids).toHaveLength(1);
    expect(pool.pids[0]).not.toBe(before);
  });

  it('stops its readers when closed', async () => {
    pool = new ReaderPool({ size: 2, queue: 4, rssMb: 768, timeoutMs: 30_000 });
    await Promise.all([pool.extract('a.txt', Buffer.from('一、甲。(牵头单位:市发改委)\n')), pool.extract('b.txt', Buffer.from('一、乙。(牵头单位:市财政局)\n'))]);
    const pids = pool.pids;
    expect(pids).toHaveLength(2);
    pool.close();
    expect(await waitUntil(() => pids.every((p) => !alive(p)))).toBe(true);
  });
});
