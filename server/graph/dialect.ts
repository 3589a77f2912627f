/**
 * Where the embedded store (Kuzu) and Neo4j differ, and nowhere else:
 * - Kuzu declares node and relationship tables; Neo4j takes constraints (cypher/schema/).
 * - Kuzu's shortest path is `(a)-[:T* SHORTEST 1..n]-(b)`, Neo4j's `shortestPath((a)-[:T*..n]-(b))`.
 * - Kuzu has `label(r)` where Neo4j has `type(r)` (our queries read `r.role` instead, but a
 *   statement that uses type() still runs).
 * - Kuzu counts list positions from 1, Neo4j from 0: `$list[i]` becomes `$list[i + 1]`.
 * - Values: Kuzu nodes carry `_label`/`_id`, Neo4j nodes are objects with `properties`;
 *   both become plain property maps (see the adapters' row conversion).
 */
import type { NodeDef, RelDef } from './model';

const KUZU_RESERVED = new Set(['end', 'start', 'order', 'limit', 'match', 'return', 'set', 'by', 'to', 'from']);
const quote = (name: string) => (KUZU_RESERVED.has(name.toLowerCase()) ? `\`${name}\`` : name);

export function kuzuSchema(nodes: readonly NodeDef[], rels: readonly RelDef[]): string[] {
  const props = (p: Record<string, string>) => Object.entries(p).map(([k, t]) => `${quote(k)} ${t}`);
  return [
    ...nodes.map((n) => `CREATE NODE TABLE IF NOT EXISTS ${n.label}(${[...props(n.props), 'PRIMARY KEY(id)'].join(', ')})`),
    ...rels.map((r) => `CREATE REL TABLE IF NOT EXISTS ${r.type}(${[`FROM ${r.from} TO ${r.to}`, ...props(r.props)].join(', ')})`),
  ];
}

const DEFAULTS: Record<string, string> = { STRING: "''", INT64: '-1', BOOLEAN: 'false', DOUBLE: '0', 'STRING[]': 'CAST([] AS STRING[])' };

/** ALTER TABLE statements adding the properties a table made by an earlier version lacks. */
export function kuzuAddColumns(table: string, props: Record<string, string>, have: ReadonlySet<string>): string[] {
  return Object.entries(props)
    .filter(([k]) => !have.has(k))
    .map(([k, t]) => `ALTER TABLE ${table} ADD ${quote(k)} ${t} DEFAULT ${DEFAULTS[t] ?? 'NULL'}`);
}

/**
 * `n.p IN $list`: Kuzu 0.11's IN reads the wrong rows among those created in the running
 * transaction (it matches the right number, then returns other rows' values; tests/graph/
 * dialect.test.ts shows it). The list predicate any() reads them right, so statements run inside
 * a write transaction use it. Reads see only committed rows and keep IN, which is faster.
 */
const IN_PARAM = /\b(\w+)\.(\w+)\s+IN\s+\$(\w+)/g;

/** `$list[i]`: Neo4j counts list positions from 0, Kuzu from 1. */
const PARAM_INDEX = /\$(\w+)\[(\w+)\]/g;

const SHORTEST_PATH = /shortestPath\(\((\w+)\)-\[(:[\w|]+)?\*(\d*)\.\.(\d+)\]-\((\w+)\)\)/g;

/** Rewrite the Neo4j spellings our Cypher uses into Kuzu's. */
export function toKuzu(cypher: string, opts: { inWriteTransaction?: boolean } = {}): string {
  const text = opts.inWriteTransaction
    ? cypher.replace(IN_PARAM, (_m, v: string, p: string, param: string) => `any(inItem IN $${param} WHERE inItem = ${v}.${p})`)
    : cypher;
  return text
    .replace(SHORTEST_PATH, (_m, a: string, types: string | undefined, min: string, max: string, b: string) =>
      `(${a})-[${types ?? ''}* SHORTEST ${min || '1'}..${max}]-(${b})`)
    .replace(/\btype\((\w+)\)/g, 'label($1)')
    .replace(PARAM_INDEX, '$$$1[$2 + 1]');
}

/**
 * Kuzu types a parameter from its value: an empty list cannot be typed (and crashes the
 * binder), and a list of rows takes its field types from the first row. So, for Kuzu only:
 * `UNWIND $p` of an empty list is skipped (it yields no rows anyway), `$p` elsewhere becomes
 * `CAST($p AS STRING[])`, and a null or empty field in the first row is refused with a reason.
 */
export function kuzuParams(query: string, params: Record<string, unknown>): { query: string; skip: boolean } {
  let text = query;
  for (const [name, value] of Object.entries(params)) {
    if (value === null || value === undefined) throw new Error(`parameter $${name} is null: the embedded store cannot type it; pass '' or a value`);
    if (!Array.isArray(value)) continue;
    if (value.length === 0) {
      if (new RegExp(`UNWIND\\s+\\$${name}\\b`).test(text)) return { query: text, skip: true };
      text = text.replace(new RegExp(`\\$${name}\\b`, 'g'), `CAST($${name} AS STRING[])`);
      continue;
    }
    const first = value[0];
    if (first && typeof first === 'object' && !Array.isArray(first)) {
      for (const [field, v] of Object.entries(first)) {
        if (v === null || v === undefined || (Array.isArray(v) && v.length === 0)) {
          throw new Error(`parameter $${name}: field "${field}" of the first row is ${Array.isArray(v) ? 'an empty list' : 'null'}; the embedded store types every row from the first`);
        }
      }
    }
  }
  return { query: text, skip: false };
}
