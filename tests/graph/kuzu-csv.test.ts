/**
 * What the bulk path writes before the store sees it: the CSV files' refusals name the table,
 * row and column, and a document's load digest is the one stores already hold (written as
 * sha256 of JSON.stringify({ doc, units, regions }), NUL, the text), so a store loaded before the
 * digest was computed in parts finds the same files unchanged.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../../server/extract/extract';
import { prepareDocument, type GraphRows } from '../../server/graph/graph-rows';
import { csvTables, NULL_TOKEN } from '../../server/graph/kuzu-csv';
import { NODES, RELS } from '../../server/graph/model';
import { seedFilesIn } from '../../server/seeds';

const taskRow = (over: Record<string, unknown>) => ({
  id: 't1', documentId: 'd1', ref: '1', title: '建设"城市大脑"', section: '', part: '', text: '第一行\n第二行', start: 0, end: 10,
  clauses: '[]', items: '[]', searchText: '', deadlineText: '', deadlineDate: '', deadlineKind: '', deadlineStart: -1, deadlineEnd: -1, ...over,
});
const rowsWith = (tasks: Array<Record<string, unknown>>): GraphRows => ({ nodes: { Task: tasks }, rels: {} });
const dir = () => mkdtempSync(join(tmpdir(), 'csv-'));
async function writeCsvFiles(...args: Parameters<typeof csvTables>): Promise<string[]> {
  const copies: string[] = [];
  for (const t of csvTables(...args).tables) copies.push(await t.write());
  return copies;
}

describe('the bulk path’s CSV files', () => {
  it('quote every string, double its quotes and keep its line breaks; NULL is its own token', async () => {
    const d = dir();
    expect(await writeCsvFiles(d, rowsWith([taskRow({ section: null })]), NODES.filter((n) => n.label === 'Task'), [])).toEqual([expect.stringMatching(/^COPY Task FROM '.*Task\.csv' \(HEADER=false/)]);
    const text = readFileSync(join(d, 'Task.csv'), 'utf8');
    expect(text).toBe(`"t1","d1","1","建设""城市大脑""",${NULL_TOKEN},"","第一行\n第二行",0,10,"[]","[]","","","","",-1,-1\n`);
  });

  it('refuse a value they cannot carry, naming its table, row and column', async () => {
    const rows = rowsWith([taskRow({ id: 'ok' }), taskRow({ id: 'bad', text: `a${NULL_TOKEN}b` })]);
    await expect(writeCsvFiles(dir(), rows, NODES.filter((n) => n.label === 'Task'), [])).rejects.toThrow('Task row 2 (bad), text, holds the CSV null marker U+0001');
    const notNumber = rowsWith([taskRow({ start: 'zero' })]);
    await expect(writeCsvFiles(dir(), notNumber, NODES.filter((n) => n.label === 'Task'), [])).rejects.toThrow('Task row 1 (t1), start, is not a number: zero');
    const rel = { nodes: {}, rels: { HAS_TASK: [{ fromId: 'd1', toId: null }] } };
    expect(await writeCsvFiles(dir(), rel, [], RELS.filter((r) => r.type === 'HAS_TASK'))).toHaveLength(1);
  });
});

describe('a document’s load digest', () => {
  it('is sha256 of JSON.stringify({ doc, units, regions }), NUL and the text, as stores written before hold it', () => {
    const files = seedFilesIn().map((file) => ({ file, bytes: readFileSync(file) }));
    const r = extract(files);
    const units = new Map(r.units.map((u) => [u.id, u]));
    const regions = new Map(r.regions.map((x) => [x.id, x]));
    expect(r.documents.length).toBe(files.length);
    let named = 0;
    for (const doc of r.documents) {
      const raw = r.texts?.[doc.id] ?? '';
      expect(raw.length).toBeGreaterThan(1000);
      const p = prepareDocument(doc, units, regions, raw);
      named += p.units.length;
      const whole = createHash('sha256').update(JSON.stringify({ doc, units: p.units, regions: p.regions })).update('\u0000').update(raw).digest('hex');
      expect(p.loadHash).toBe(whole);
    }
    expect(named).toBeGreaterThan(50);
  });
});
