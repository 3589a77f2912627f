/** A line of a text: [start, end) without the newline, where its first non-blank char is, and its trimmed text. */
export interface Line { start: number; end: number; at: number; text: string }

/** Every line of `text`, the last one included even when empty. */
export function* lines(text: string): Generator<Line> {
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const raw = text.slice(start, end);
    yield { start, end, at: start + raw.length - raw.trimStart().length, text: raw.trim() };
    start = end + 1;
  }
}
