/**
 * The document model the notation grammar reads, whatever the file format was: the document's
 * text, plus its tables as rows × cells. Every offset indexes `text`; a cell's text is always
 * `text.slice(start, end)`, so a quote found in a cell maps back to the text like any other.
 *
 * Readers (server/ingest/) produce it: for a .txt file `text` is the decoded file and `tables` is
 * empty (the grammar recognises tables written as text itself); for .docx/.xlsx/.pdf/.html
 * `text` is the text the reader extracted, with each table written into it (one row per line,
 * cells separated by " | "), and `tables` gives the cells' spans in that text.
 */
export interface Span {
  /** [start, end) UTF-16 offsets into DocumentSource.text. */
  start: number;
  end: number;
}

/**
 * One table. `rows[r][c]` is the cell at row r, column c, in column order. A merged cell is
 * repeated (the same span) in every row and column it covers, so a 牵头单位 cell merged over
 * three rows applies to each of them. An empty cell has start === end.
 */
export interface SourceTable extends Span {
  rows: Span[][];
}

export type SourceFormat = 'text' | 'docx' | 'xlsx' | 'pdf' | 'html';

export interface DocumentSource {
  text: string;
  tables: SourceTable[];
  format: SourceFormat;
  /** How the bytes became text: utf-8, gb18030, … for text and HTML; the format name otherwise. */
  encoding: string;
  /** Things the reader wants the user to know (no text layer, a sheet skipped, …). */
  warnings: string[];
}
