/**
 * A text together with, for every character, the offset of the raw character it came from.
 * Every normalisation step produces a new TextMap, so offsets into the normalised text can
 * always be mapped back to the raw file (the provenance contract needs raw offsets).
 */
export interface TextMap {
  readonly text: string;
  /** map[i] = raw offset of text[i]; map[text.length] = raw offset just past the last kept char. */
  readonly map: Int32Array;
}

export function identityMap(raw: string): TextMap {
  const map = new Int32Array(raw.length + 1);
  for (let i = 0; i <= raw.length; i++) map[i] = i;
  return { text: raw, map };
}

/** Keep only the characters for which `keep` holds, optionally replacing each kept char. */
export function filterMap(
  src: TextMap,
  keep: (index: number) => boolean,
  replace?: (ch: string, index: number) => string,
): TextMap {
  const { text, map } = src;
  const out: string[] = [];
  const outMap = new Int32Array(text.length + 1);
  let n = 0;
  // Copy unchanged runs as slices: most characters are kept as they are.
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    const kept = keep(i);
    const ch = text[i]!;
    const rep = kept && replace ? replace(ch, i) : ch;
    if (kept) outMap[n++] = map[i]!;
    if (kept && rep === ch) continue;
    if (i > runStart) out.push(text.slice(runStart, i));
    if (kept) out.push(rep);
    runStart = i + 1;
  }
  if (runStart < text.length) out.push(text.slice(runStart));
  outMap[n] = map[text.length]!;
  return { text: out.join(''), map: outMap.slice(0, n + 1) };
}

/** Remove the given [start, end) ranges (sorted or not, may overlap). */
export function removeRanges(src: TextMap, ranges: ReadonlyArray<readonly [number, number]>): TextMap {
  if (ranges.length === 0) return src;
  const drop = new Uint8Array(src.text.length);
  for (const [s, e] of ranges) drop.fill(1, Math.max(0, s), Math.min(src.text.length, e));
  return filterMap(src, (i) => drop[i] === 0);
}

/** Replace the text with one of the same length (a 1:1 character mapping such as t2s). */
export function replaceSameLength(src: TextMap, text: string): TextMap {
  if (text.length !== src.text.length) throw new Error('replaceSameLength: length changed');
  return { text, map: src.map };
}

/** Raw [start, end) for a normalised [start, end). */
export function toRaw(tm: TextMap, start: number, end: number): [number, number] {
  const s = tm.map[Math.max(0, Math.min(start, tm.text.length))]!;
  // end is exclusive: map the last included char and step past it, so trailing deletions are excluded
  const e = end > start ? tm.map[Math.min(end, tm.text.length) - 1]! + 1 : s;
  return [s, e];
}

/** A raw [start, end) as the normalised span it became (characters dropped by normalising are skipped). */
export function toNormalised(tm: TextMap, s: { start: number; end: number }): { start: number; end: number } {
  const lower = (raw: number) => {
    let lo = 0;
    let hi = tm.text.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tm.map[mid]! < raw) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const start = lower(s.start);
  return { start, end: Math.max(start, lower(s.end)) };
}
