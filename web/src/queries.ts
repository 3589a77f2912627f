/** The GraphQL questions the page asks: plain texts, so that tests can check them against the schema (bounds). */
/**
 * What every view needs, read from counts kept on write: how many units and documents the store
 * holds (a province's store opens aggregated) and the jurisdictions with the tasks tying them,
 * nationally a node per province but for the provinces opened ($open).
 */
export const SHELL_QUERY = `query($y: Int, $open: [ID!]) {
  stats { units documents }
  jurisdictionNetwork(year: $y, fold: true, open: $open) { jurisdictions { region { id name level within { id name level } } units documents tasks }
    links { from { id } to { id } tasks summed } provinces folded count } }`;

/** The documents for the filters: all of a small store's, a province's only for the chosen jurisdiction. */
export const DOCUMENTS_QUERY = 'query($j: String) { documents(jurisdiction: $j) { id title jurisdiction { id name } yearFrom yearTo } }';

/** Where a document belongs, to show it in its jurisdiction's network (after an upload). */
export const DOCUMENT_JURISDICTION_QUERY = 'query($id: ID!) { document(id: $id) { jurisdiction { id } } }';

/**
 * The unit network of a small store, or of the chosen jurisdiction, with each unit's assignments
 * (of the chosen document and role only, when one is chosen): a province's store holds far more
 * than one page can draw.
 */
export const UNITS_QUERY = `query($j: String, $d: ID, $role: Role, $y: Int) {
  units(filter: { jurisdiction: $j, year: $y }, limit: 500) { id name kind aliases jurisdiction { id name } load(year: $y) { lead responsible participant total weighted zScore overloaded }
    tasks(document: $d, role: $role, year: $y) { role task { id ref title document { id } } } memberOf { id } }
}`;

/**
 * One jurisdiction opened on the aggregated network: its busiest units and each one's strongest
 * ties ($ties, TIES_PER_UNIT): nearly every pair of a busy city's units shares some task.
 */
export const JURISDICTION_GRAPH_QUERY = `query($j: String!, $limit: Int, $y: Int, $ties: Int) { jurisdictionGraph(jurisdiction: $j, limit: $limit, year: $y, ties: $ties) {
  jurisdiction { id name } units { unit { id name kind aliases } lead responsible participant total weighted zScore overloaded }
  shared { a b tasks } moreShared memberships { member collective } more } }`;
/** Shared-task lines drawn per unit: its strongest (a line is drawn when it is among either unit's strongest). */
export const TIES_PER_UNIT = 8;

export const UNIT_QUERY = `query($id: ID!) { unit(id: $id) { id name kind aliases jurisdiction { id name }
  load { lead responsible participant total weighted peerMean zScore peers overloaded minPeers }
  duties { role task { id ref title section document { id title jurisdiction { name } }
    deadline { text date kind } status light { light zh en } leaders { name post } } assignments { role inferred quote start end clause } }
  members { id name } memberOf { id name } partners(limit: 8) { unit { id name } sharedTasks } } }`;

export const DOCUMENT_TEXT_QUERY = 'query($id: ID!) { document(id: $id) { id title text } }';

export const SEARCH_QUERY = `query($text: String!, $limit: Int, $y: Int) { search(text: $text, limit: $limit, year: $y) {
  units { id name kind jurisdiction { name } } tasks { id ref title document { id title } } regions { id name level }
  total { units tasks regions } } }`;

export const OVERLOAD_QUERY = `query($j: String!, $by: LoadMeasure, $kind: UnitKind, $y: Int) { overloadedUnits(jurisdiction: $j, by: $by, kind: $kind, top: 20, year: $y) {
  unit { id name kind } lead responsible participant total weighted value peers peerMean peerStdDev zScore overloaded minPeers } }`;

/**
 * The regions a region is tied to, strongest first: the links alone. A link's tasks and their
 * leads are asked when its evidence is opened (LINK_QUERY): 50 links' 30 tasks each with their
 * leads read the assignments of 1,500 tasks, 1.6–4 s at 10,000 plans before the list showed.
 */
export const COOPERATION_QUERY = `query($region: ID, $fold: Boolean, $open: [ID!], $y: Int) { cooperationLinks(region: $region, fold: $fold, open: $open, limit: 50, year: $y) {
  from { id name level } to { id name level } kinds count } }`;

/** A link's evidence: its first 30 tasks, each with its leads. */
const LINK_EVIDENCE = 'tasks(limit: 30) { id ref title document { id title } assignments(role: LEAD) { unit { id name } } }';

/** One link with its evidence. */
export const LINK_QUERY = `query($region: ID!, $partner: ID!, $fold: Boolean, $open: [ID!], $y: Int) { cooperationLinks(region: $region, partner: $partner, fold: $fold, open: $open, limit: 1, year: $y) {
  from { id name level } to { id name level } kinds count
  ${LINK_EVIDENCE} } }`;

/** What the cooperation view's CSV holds: every link's evidence, asked when the file is asked for. */
export const COOPERATION_EXPORT_QUERY = `query($region: ID, $y: Int) { cooperationLinks(region: $region, limit: 50, year: $y) { from { id name level } to { id name level } kinds count
  ${LINK_EVIDENCE} } }`;

/**
 * The units carrying one link's tasks, asked when its evidence is opened: every link's at once read
 * the assignments of tens of thousands of tasks (a busy city's 50 links at 10,000 plans).
 */
export const LINK_UNITS_QUERY = `query($region: ID!, $partner: ID!, $fold: Boolean, $open: [ID!], $y: Int) { cooperationLinks(region: $region, partner: $partner, fold: $fold, open: $open, limit: 1, year: $y) {
  units { id name } } }`;

export const REGION_NETWORK_QUERY = `query($min: Int, $fold: Boolean, $open: [ID!], $top: Int, $y: Int) { regionNetwork(minTasks: $min, fold: $fold, open: $open, top: $top, year: $y) {
  nodes { region { id name level } tasks links parent { id } folded } links { from { id name } to { id name } count kinds } moreLinks } }`;
export const LEDGER_QUERY = `query($filter: LedgerFilter) { ledger(filter: $filter) {
  n jurisdiction documentId documentTitle taskId ref title unitId unitName role leaders deadlineText deadlineDate status quote light { light zh en } progressState progressDate progressText } }`;

export const TIMELINE_QUERY = `query($j: String, $from: Date!, $to: Date!, $unit: ID, $role: Role, $by: Period, $y: Int) {
  timelineCoverage(jurisdiction: $j, from: $from, to: $to, unit: $unit, role: $role, year: $y) { tasks shown undated ongoing outside beyondLimit }
  timeline(jurisdiction: $j, from: $from, to: $to, unit: $unit, role: $role, by: $by, year: $y) {
    period from to entries { date status light { light zh en } task { id ref title deadline { text } document { id title } leaders { name } } leads { id name } } } }`;

export const TASK_QUERY = `query($id: ID!) { task(id: $id) { id ref title text start end document { id title kind }
  deadline { text date kind } status leaders { id name post }
  assignments { role inferred unit { id name } } corrections { field original by }
  followUps(limit: 20) { score terms item { ordinal title } task { id ref title text document { id title } } }
  followedUpBy { score terms item { ordinal title } task { id ref title text items { ordinal title } document { id title } } } } }`;

/** What a filter chip says of a unit: its name and its jurisdiction (市发展和改革委员会 exists in three cities). */
export const UNIT_NAME_QUERY = 'query($id: ID!) { unit(id: $id) { id name jurisdiction { name } } }';

/** What each unit of a jurisdiction owes (the 督办 view). */
export const OWED_UNITS_QUERY = `query($j: String!, $y: Int) { owedUnits(jurisdiction: $j, year: $y) {
  unit { id name } open overdue atRisk onTrack noDeadline oldestOverdue docxUrl pdfUrl } }`;

/** The plan years the stored documents are of (the year selector). */
export const PLAN_YEARS_QUERY = '{ planYears { year documents } }';

/** Two documents compared (the 对比 view): continued, new and dropped tasks, and each unit's gains and losses. */
export const COMPARE_QUERY = `query($from: ID!, $to: ID!) { compareDocuments(from: $from, to: $to) {
  sameSeries from { id title year jurisdiction { name } } to { id title year jurisdiction { name } }
  continued { score terms leadChanged reworded from { id ref title assignments(role: LEAD) { unit { id name } } } to { id ref title assignments(role: LEAD) { unit { id name } } } }
  added { id ref title assignments(role: LEAD) { unit { id name } } } dropped { id ref title assignments(role: LEAD) { unit { id name } } }
  units { unit { id name } kept gained { id ref title } lost { id ref title } years { year lead responsible participant total } } } }`;
