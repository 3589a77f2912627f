/**
 * The whole stored graph as sorted lines: every node with every property of model.ts, every
 * relationship with its ends and properties. Two stores hold the same graph when their dumps
 * are equal (ad-hoc Cypher: this is a test's view of the data).
 */
import { NODES, RELS } from '../../server/graph/model';
import type { GraphStore } from '../../server/graph/store';

const show = (v: unknown) => (v === null || v === undefined ? '∅' : JSON.stringify(v));

export async function nodesIn(store: Pick<GraphStore, 'run'>): Promise<string[]> {
  const lines: string[] = [];
  for (const n of NODES) {
    for (const { node } of await store.run(`MATCH (n:${n.label}) RETURN n AS node`)) {
      const p = node as Record<string, unknown>;
      lines.push(`${n.label} ${Object.keys(n.props).map((k) => `${k}=${show(p[k])}`).join(' ')}`);
    }
  }
  return lines.sort();
}

export async function relsIn(store: Pick<GraphStore, 'run'>): Promise<string[]> {
  const lines: string[] = [];
  for (const r of RELS) {
    for (const row of await store.run(`MATCH (a:${r.from})-[x:${r.type}]->(b:${r.to}) RETURN a.id AS a, b.id AS b, x AS rel`)) {
      const p = row.rel as Record<string, unknown>;
      lines.push(`${row.a as string} ${r.type} ${row.b as string} ${Object.keys(r.props).map((k) => `${k}=${show(p[k])}`).join(' ')}`);
    }
  }
  return lines.sort();
}

export async function dump(store: Pick<GraphStore, 'run'>): Promise<{ nodes: string[]; rels: string[] }> {
  return { nodes: await nodesIn(store), rels: await relsIn(store) };
}
