/** Text edits by raw offset, applied together so that each edit's offsets refer to the original text. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Apply non-overlapping edits (overlapping ones after the first are dropped: the transformation then changes less). */
export function applyEdits(raw: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) continue;
    out += raw.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + raw.slice(at);
}
