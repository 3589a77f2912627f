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

/** A cell's problem; the row and column are added where it is caught. */
class CellError extends Error {}

/**
 * A column's cells as CSV text. Made once per column: a load at 100,000 plans writes some 170
 * million cells, and a closure or array per cell showed in the profile (writeCsv 10 s at 10,000).
 */
function cellWriter(type: PropType): (v: unknown) => string {
  switch (type) {
    case 'STRING':
      return (v) => {
        if (v === null || v === undefined) return NULL_TOKEN;
        const s = typeof v === 'string' ? v : String(v);
        if (s.indexOf('\u0001') !== -1 && s.includes(NULL_TOKEN)) throw new CellError('holds the CSV null marker U+0001; remove control characters from the text');
        return s.indexOf('"') === -1 ? `"${s}"` : `"${s.replaceAll('"', '""')}"`;
      };
    case 'INT64':
    case 'DOUBLE':
      return (v) => {
        if (v === null || v === undefined) return NULL_TOKEN;
        if (typeof v !== 'number' || !Number.isFinite(v)) throw new CellError(`is not a number: ${String(v)}`);
        return String(v);
      };
    case 'BOOLEAN':
      return (v) => (v === null || v === undefined ? NULL_TOKEN : v ? 'true' : 'false');
    case 'STRING[]':
      return (v) => {
        const items = v as string[] | null | undefined;
        return items && items.every((x) => PLAIN_ITEM.test(x)) ? `"[${items.join(',')}]"` : '"[]"';
      };
  }
}

/** Lists the CSV could not carry: set after the copy (KuzuStore.bulkLoad); `nulls`: ids whose list is NULL. */
export interface ListFixUp { label: string; prop: string; rows: Array<{ id: string; values: string[] }>; nulls: string[] }

/** A table's CSV file, written when asked; `write` gives the COPY statement that reads it. */
export interface CsvTable { write(): Promise<string> }

/**
 * The tables that have rows, each with its file to write, in the order their COPY statements must
 * run (nodes, then relationships), and the lists to set after the copy. A file is written when
 * its `write` is called, the event loop let turn every megabyte: the store copies one file in
 * (on its own thread) while the next is written (KuzuStore.copyIn).
 */
export function csvTables(dir: string, rows: GraphRows, nodes: readonly NodeDef[], rels: readonly RelDef[]): { tables: CsvTable[]; fixUps: ListFixUp[] } {
  const tables: CsvTable[] = [];
  const fixUps: ListFixUp[] = [];
  const add = (table: string, data: Row[], columns: Array<[string, PropType]>) => {
    if (data.length > 0) tables.push({ write: () => writeTable(join(dir, `${table}.csv`), table, data, columns) });
  };
  for (const n of nodes) {
    const data = rows.nodes[n.label] ?? [];
    const columns = Object.entries(n.props) as Array<[string, PropType]>;
    add(n.label, data, columns);
    for (const [prop] of columns.filter(([, t]) => t === 'STRING[]')) {
      const odd = data.filter((r) => Array.isArray(r[prop]) && !(r[prop] as string[]).every((x) => PLAIN_ITEM.test(x)));
      const nulls = data.filter((r) => r[prop] === null || r[prop] === undefined).map((r) => r.id as string);
      if (odd.length || nulls.length) fixUps.push({ label: n.label, prop, rows: odd.map((r) => ({ id: r.id as string, values: r[prop] as string[] })), nulls });
    }
  }
  for (const r of rels) {
    add(r.type, rows.rels[r.type] ?? [], [['fromId', 'STRING'], ['toId', 'STRING'], ...(Object.entries(r.props) as Array<[string, PropType]>)]);
  }
  return { tables, fixUps };
}

async function writeTable(file: string, table: string, data: Row[], columns: Array<[string, PropType]>): Promise<string> {
  const keys = columns.map(([k]) => k);
  const cells = columns.map(([, t]) => cellWriter(t));
  const fd = openSync(file, 'w');
  try {
    let chunk = '';
    for (let i = 0; i < data.length; i++) {
      const row = data[i]!;
      let k = 0;
      try {
        let line = cells[0]!(row[keys[0]!]);
        for (k = 1; k < keys.length; k++) line += ',' + cells[k]!(row[keys[k]!]);
        chunk += line + '\n';
      } catch (err) {
        if (!(err instanceof CellError)) throw err;
        throw new Error(`${table} row ${i + 1} (${String(row.id ?? `${String(row.fromId)} → ${String(row.toId)}`)}), ${keys[k]!}, ${err.message}`);
      }
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk);
        chunk = '';
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
  return `COPY ${table} FROM '${file.replaceAll("'", "\\'")}' ${COPY_OPTIONS}`;
}
