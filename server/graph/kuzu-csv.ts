/**
 * CSV files for the embedded store's bulk path (Kuzu's COPY FROM), one per table, columns in the
 * table's declared order (model.ts): for a relationship table, the two end nodes' ids first.
 *
 * How Kuzu 0.11 reads them (checked against the engine, tests/graph/bulk-load.test.ts):
 * - every string is quoted, a quote inside doubled (QUOTE='"', ESCAPE='"': Kuzu's own default
 *   escape is a backslash, which the text of a plan may contain);
 * - text holds newlines, which only the single-threaded reader accepts (PARALLEL=false);
 * - an empty field is NULL by default, and ours are '' (no deadline, no issuer): NULL is spelt
 *   NULL_TOKEN instead, which no value may be;
 * - a list is `[a,b]`, its items unquoted, and cannot be NULL; a list that is NULL, or that the
 *   format cannot carry as it is (a comma, bracket, quote, backslash or edge space in an item), is
 *   written `[]` here and set by a statement after the copy.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphRows } from './graph-rows';
import type { NodeDef, PropType, RelDef } from './model';
import type { Row } from './store';

export const NULL_TOKEN = '\u0001NULL\u0001';
export const COPY_OPTIONS = `(HEADER=false, DELIM=',', QUOTE='"', ESCAPE='"', PARALLEL=false, NULL_STRINGS=['${NULL_TOKEN}'])`;

const PLAIN_ITEM = /^[^\s,[\]{}"'\\\u0001](?:[^,[\]{}"'\\\u0001]*[^\s,[\]{}"'\\\u0001])?$/;

function cell(v: unknown, type: PropType, where: () => string): string {
  if (v === null || v === undefined) return type === 'STRING[]' ? '"[]"' : NULL_TOKEN;
  switch (type) {
    case 'STRING': {
      const s = String(v);
      if (s.includes(NULL_TOKEN)) throw new Error(`${where()} holds the CSV null marker U+0001; remove control characters from the text`);
      return `"${s.replaceAll('"', '""')}"`;
    }
    case 'INT64':
    case 'DOUBLE':
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`${where()} is not a number: ${String(v)}`);
      return String(v);
    case 'BOOLEAN':
      return v ? 'true' : 'false';
    case 'STRING[]': {
      const items = v as string[];
      return items.every((x) => PLAIN_ITEM.test(x)) ? `"[${items.join(',')}]"` : '"[]"';
    }
  }
}

/** Lists the CSV could not carry: set after the copy (KuzuStore.bulkLoad); `nulls`: ids whose list is NULL. */
export interface ListFixUp { label: string; prop: string; rows: Array<{ id: string; values: string[] }>; nulls: string[] }

/** Write one file per table that has rows; the COPY statements in the order they must run (nodes, then relationships). */
export function writeCsvFiles(dir: string, rows: GraphRows, nodes: readonly NodeDef[], rels: readonly RelDef[]): { copies: string[]; fixUps: ListFixUp[] } {
  const copies: string[] = [];
  const fixUps: ListFixUp[] = [];
  const write = (table: string, data: Row[], columns: Array<[string, PropType]>) => {
    if (data.length === 0) return;
    const file = join(dir, `${table}.csv`);
    const fd = openSync(file, 'w');
    try {
      let chunk = '';
      for (const [i, row] of data.entries()) {
        chunk += columns.map(([k, t]) => cell(row[k], t, () => `${table} row ${i + 1} (${String(row.id ?? `${String(row.fromId)} → ${String(row.toId)}`)}), ${k},`)).join(',') + '\n';
        if (chunk.length > 1 << 20) {
          writeSync(fd, chunk);
          chunk = '';
        }
      }
      writeSync(fd, chunk);
    } finally {
      closeSync(fd);
    }
    copies.push(`COPY ${table} FROM '${file.replaceAll("'", "\\'")}' ${COPY_OPTIONS}`);
  };
  for (const n of nodes) {
    const data = rows.nodes[n.label] ?? [];
    const columns = Object.entries(n.props) as Array<[string, PropType]>;
    write(n.label, data, columns);
    for (const [prop] of columns.filter(([, t]) => t === 'STRING[]')) {
      const odd = data.filter((r) => Array.isArray(r[prop]) && !(r[prop] as string[]).every((x) => PLAIN_ITEM.test(x)));
      const nulls = data.filter((r) => r[prop] === null || r[prop] === undefined).map((r) => r.id as string);
      if (odd.length || nulls.length) fixUps.push({ label: n.label, prop, rows: odd.map((r) => ({ id: r.id as string, values: r[prop] as string[] })), nulls });
    }
  }
  for (const r of rels) {
    write(r.type, rows.rels[r.type] ?? [], [['fromId', 'STRING'], ['toId', 'STRING'], ...(Object.entries(r.props) as Array<[string, PropType]>)]);
  }
  return { copies, fixUps };
}
