/**
 * CSV for Excel and WPS: a UTF-8 byte-order mark (or Chinese turns to mojibake), CRLF line ends,
 * and quoting for commas, quotes, line breaks — and for a leading = + - @, which a spreadsheet
 * would run as a formula.
 */
export function toCsv<T>(rows: readonly T[], columns: ReadonlyArray<{ header: string; value: (row: T) => string | number | boolean | null | undefined }>): string {
  const cell = (v: string | number | boolean | null | undefined) => {
    let s = v === null || v === undefined ? '' : String(v);
    if (/^[=+\-@]/.test(s) && typeof v === 'string') s = `'${s}`;
    return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [columns.map((c) => cell(c.header)).join(','), ...rows.map((r) => columns.map((c) => cell(c.value(r))).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
