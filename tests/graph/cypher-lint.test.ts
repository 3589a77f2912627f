/**
 * Neo4j cannot run on the build machines, so every statement in cypher/ goes through Neo4j's
 * own Cypher front end (@neo4j-cypher/language-support) with a schema of our labels,
 * relationship types, property keys, parameters and Neo4j's function list: zero diagnostics.
 * The same text then runs on the embedded store in the other graph tests.
 */
import { lintCypherQuery, testData } from '@neo4j-cypher/language-support';
import { describe, expect, it } from 'vitest';
import { NODES, RELS } from '../../server/graph/model';
import { BULK, LOAD, NEO4J_SCHEMA, READ } from '../../server/graph/queries';

/** Every parameter our statements take, with a value of its type. */
const PARAMETERS: Record<string, unknown> = {
  rows: [{}], ids: ['x'], id: 'x', taskIds: ['x'], unitIds: ['x'], regionIds: ['x'], roles: ['lead'],
  documentId: 'x', documentIds: ['x'], jurisdiction: '430500', kind: 'department', text: '发改委', limit: 20, fromId: 'a', toId: 'b',
  jurisdictionCode: '430500', regionId: '430500', collectiveId: 'x', memberIds: ['x'],
  // the assignment statements' columns
  refs: ['x'], titles: ['x'], sections: ['x'], parts: ['x'], texts: ['x'], taskStarts: [0], taskEnds: [1], clauseJson: ['[]'],
  itemJson: ['[]'], searchTexts: ['x'], mentionedIds: ['x'], tiedIds: ['x'], partners: ['x'], tieStarts: [0], taskRefs: ['x'], taskTitles: ['x'],
  inferred: [false], clauses: [1], quotes: ['x'], quoteStarts: [0], quoteEnds: [1], surfaces: ['x'], surfaceStarts: [0], surfaceEnds: [1],
  // deadlines and leaders (issue 12)
  deadlineTexts: ['x'], deadlineDates: ['2024-12-31'], deadlineKinds: ['date'], deadlineStarts: [0], deadlineEnds: [1],
  leaderIds: ['x'], posts: ['x'], leaderStarts: [0], leaderEnds: [1], from: '2024-01-01', to: '2024-12-31', unitId: 'x', role: 'lead',
  // merge-document's properties
  file: 'x', title: 'x', titleInferred: false, issuer: 'x', docNumber: 'x', date: 'x', sha256: 'x', encoding: 'utf-8',
  script: 'simplified', leadRule: 'explicit', jurisdictionEvidence: 'x', figures: '[]', raw: 'x',
  // the kept analytics (issue 14)
  region: '430500', taskCount: 3, loadHash: 'x',
  // the region network's tallies (issue 23)
  scales: ['F'], opened: ['430500'],
  // progress reports' rows, and the jurisdictions whose plans they are linked to (issue 22)
  progress: '[]', codes: ['430500'],
  // plan years and series (issue 22 item 5)
  year: 2024, yearFrom: 2024, yearTo: 2024, yearSource: 'title', series: 'x',
  // a year's documents, pages of documents, documents by digest (issue 23)
  planYear: 2024, skip: 0, shas: ['x'],
};

/** Keys of the $rows maps the load statements read (row.fromId …); the linter sees them as property keys. */
const ROW_FIELDS = ['fromId', 'toId', 'regionId', 'unitId', 'taskId', 'memberId', 'collectiveId'];
const propertyKeys = [...new Set([...NODES, ...RELS].flatMap((d) => Object.keys(d.props)).concat(ROW_FIELDS))];
const schema = {
  labels: NODES.map((n) => n.label),
  relationshipTypes: RELS.map((r) => r.type),
  propertyKeys,
  parameters: PARAMETERS,
  functions: testData.mockSchema.functions,
  procedures: testData.mockSchema.procedures,
  graphSchema: RELS.map((r) => ({ from: r.from, to: r.to, relType: r.type })),
};

const statements: Array<[string, string]> = [
  ...Object.entries(READ).map(([n, q]): [string, string] => [`read/${n}`, q]),
  ...Object.entries(LOAD).map(([n, q]): [string, string] => [`load/${n}`, q]),
  ...Object.entries(BULK).map(([n, q]): [string, string] => [`bulk/${n}`, q]),
  ...NEO4J_SCHEMA.map((q, i): [string, string] => [`schema/neo4j #${i + 1}`, q]),
];

/**
 * Property keys the statements read or write (`u.name`, `row.fromId`) that the model does not
 * declare. The linter release that runs on Node 20 checks labels and parameters but not property
 * keys, so this catches the misspelt property (comments and string literals left out).
 */
function unknownProperties(query: string): string[] {
  const text = query.replace(/\/\/.*$/gm, '').replace(/'[^']*'/g, "''");
  const known = new Set(propertyKeys);
  return [...text.matchAll(/\b([A-Za-z_]\w*)\.`?([A-Za-z_]\w*)`?/g)].filter((m) => !known.has(m[2]!)).map((m) => m[0]);
}

describe('Cypher in cypher/ passes Neo4j’s Cypher front end', () => {
  it('has statements to check', () => {
    expect(Object.keys(READ).length).toBeGreaterThanOrEqual(20);
    expect(Object.keys(LOAD).length).toBeGreaterThanOrEqual(15);
  });

  it.each(statements)('%s', (_name, query) => {
    // 2.0.0-next.20 (the last release that runs on Node 20) returns the diagnostics themselves.
    const diagnostics = lintCypherQuery(query, schema);
    expect(diagnostics.map((d) => `${d.message} at ${d.offsets.start}`)).toEqual([]);
    expect(unknownProperties(query)).toEqual([]);
  });

  it('catches a misspelt label, property or parameter (the check is live)', () => {
    const query = 'MATCH (u:Unitt) WHERE u.nmae = $nope RETURN u';
    const bad = lintCypherQuery(query, schema);
    expect(bad.map((d) => d.message).join('\n')).toMatch(/Unitt[\s\S]*\$nope/);
    expect(unknownProperties(query)).toEqual(['u.nmae']);
  });
});
