/**
 * Transformations that must not change what a plan says about who is responsible. Each takes the
 * raw text (the one the extraction's offsets index) and the original extraction, and returns the
 * transformed text, or null when the document has nothing it applies to. Where the text is changed
 * by offset, the offsets are the extraction's own provenance (note spans, surface spans).
 */
import * as OpenCC from 'opencc-js';
import type { ExtractedDocument } from '../../../server/extract/contract';
import { applyEdits, type Edit } from './edits';
import { notesOf, type OriginalNote } from './notes';

export interface Transformed {
  text: string;
  /** Maps a unit name or title of the transformed document back to the original's (unit substitution). */
  unmap?: (s: string) => string;
}

export interface Transformation {
  name: string;
  apply(raw: string, doc: ExtractedDocument): Transformed | null;
}

const changed = (raw: string, text: string): Transformed | null => (text === raw ? null : { text });

const OPEN = new Set(['(', '（', '〔', '【', '[']);
const CLOSE = new Set([')', '）', '〕', '】', ']']);

/** Bracket notes (the note's span starts and ends with a bracket). */
function bracketNotes(raw: string, doc: ExtractedDocument): OriginalNote[] {
  return notesOf(doc).filter((n) => OPEN.has(raw[n.start]!) && CLOSE.has(raw[n.end - 1]!));
}

/** The brackets around every note replaced by another kind: (责任单位:A) → 〔责任单位:A〕. */
export function bracketKind(open: string, close: string): Transformation {
  return {
    name: `bracket ${open}${close}`,
    apply(raw, doc) {
      const edits: Edit[] = bracketNotes(raw, doc).flatMap((n) => [
        { start: n.start, end: n.start + 1, text: open },
        { start: n.end - 1, end: n.end, text: close },
      ]);
      return changed(raw, applyEdits(raw, edits));
    },
  };
}

const SEPARATORS = new Set(['、', ',', '，', ';', '；', ' ']);
/** Role verbs after a list (X、Y牵头): with them, ; would end a clause, not separate two names. */
const LABEL_WITH_COLON = /(牵头|主办|主责|责任|配合|协办|参与|参加|协同|协助|承办)(单位|部门|处室)?\s*[:：]/g;
const ROLE_VERB = /牵头|负责|配合|参与|参加|协办|协助|主办/;

/** A note whose lists all stand under labels (责任单位:A、B), none closed by a verb. */
function labelledOnly(raw: string, n: OriginalNote): boolean {
  const quote = raw.slice(n.start, n.end);
  return /[:：]/.test(quote) && !ROLE_VERB.test(quote.replace(LABEL_WITH_COLON, ''));
}

/**
 * Every one-character separator between two units of one note replaced by `sep`. A semicolon only in
 * notes whose lists stand under labels: in 由X;Y牵头 it would end a clause, which changes what the note says.
 */
export function listSeparator(sep: string, label: string): Transformation {
  return {
    name: `separator ${label}`,
    apply(raw, doc) {
      const edits: Edit[] = [];
      for (const n of notesOf(doc)) {
        if ((sep === ';' || sep === '；') && !labelledOnly(raw, n)) continue;
        // In a table written with spaces between its cells, a space is a cell boundary, not a list separator.
        const spacedCells = n.table && !/[|\t]/.test(raw.slice(n.start, n.end));
        if (spacedCells && sep === ' ') continue;
        for (let i = 1; i < n.units.length; i++) {
          const a = n.units[i - 1]!;
          const b = n.units[i]!;
          const gap = raw.slice(a.surfaceEnd, b.surfaceStart);
          if (spacedCells && gap === ' ') continue;
          if (gap.length === 1 && SEPARATORS.has(gap) && gap !== sep) edits.push({ start: a.surfaceEnd, end: b.surfaceStart, text: sep });
        }
      }
      return changed(raw, applyEdits(raw, edits));
    },
  };
}

const LEAD_LABEL = /^(牵头|主办|主责)/;
const RULE = /第一|首位|排首|排在/;

/**
 * The first two labelled lists of a note swapped (牵头单位:A;责任单位:B → 责任单位:B;牵头单位:A), where
 * one names the lead and the other does not; in a bracket note or on consecutive label lines.
 */
export const labelOrder: Transformation = {
  name: 'label order',
  apply(raw, doc) {
    const edits: Edit[] = [];
    for (const n of notesOf(doc)) {
      const bracketed = OPEN.has(raw[n.start]!) && CLOSE.has(raw[n.end - 1]!);
      const from = bracketed ? n.start + 1 : n.start;
      const to = bracketed ? n.end - 1 : n.end;
      const body = raw.slice(from, to);
      if (RULE.test(body)) continue; // a stated first-listed rule would read differently once moved
      const labels = [...body.matchAll(LABEL_WITH_COLON)];
      if (labels.length < 2) continue;
      const [l1, l2] = labels as [RegExpMatchArray, RegExpMatchArray];
      if (LEAD_LABEL.test(l1[0]) === LEAD_LABEL.test(l2[0])) continue;
      const end2 = labels[2]?.index ?? body.length;
      const seg1 = body.slice(l1.index!, l2.index!);
      const seg2 = body.slice(l2.index!, end2);
      const trail = (s: string) => /[\s;；,，。]*$/.exec(s)![0];
      const sep1 = trail(seg1);
      const sep2 = trail(seg2);
      const core1 = seg1.slice(0, seg1.length - sep1.length);
      const core2 = seg2.slice(0, seg2.length - sep2.length);
      if (core1 === '' || core2 === '' || sep1 === '') continue;
      edits.push({ start: from + l1.index!, end: from + end2, text: core2 + sep1 + core1 + sep2 });
    }
    return changed(raw, applyEdits(raw, edits));
  },
};

const LINE_LABEL = /^\s*[【[]?(牵头|主办|主责|责任|配合|协办|参与|参加|协同|协助|承办)(单位|部门|处室)[】\]]?\s*[:：]?/;

/**
 * A bracket note at the end of its line, opening with a label, moved to a line of its own after it:
 * …确保落实到位。(责任单位:A、B) → …确保落实到位。⏎责任单位:A、B.
 */
export const inlineToLine: Transformation = {
  name: 'inline note → label line',
  apply(raw, doc) {
    const edits: Edit[] = [];
    for (const n of bracketNotes(raw, doc)) {
      const content = raw.slice(n.start + 1, n.end - 1);
      if (!LINE_LABEL.test(content) || content.includes('\n')) continue;
      const tail = /^[。;；,，.]?[ \t]*(?=\n|$)/.exec(raw.slice(n.end));
      if (!tail) continue;
      const lineStart = raw.lastIndexOf('\n', n.start - 1) + 1;
      if (raw.slice(lineStart, n.start).trim() === '') continue;
      edits.push({ start: n.start, end: n.end + tail[0].length, text: `${tail[0].trim()}\n${content.trim()}` });
    }
    return changed(raw, applyEdits(raw, edits));
  },
};

/**
 * A note written on label lines moved into a bracket at the end of the line before it:
 * …确保落实到位。⏎责任单位:A、B → …确保落实到位(责任单位:A、B)。
 */
export const lineToInline: Transformation = {
  name: 'label line → inline note',
  apply(raw, doc) {
    const edits: Edit[] = [];
    for (const n of notesOf(doc)) {
      if (OPEN.has(raw[n.start]!)) continue;
      const lineStart = raw.lastIndexOf('\n', n.start - 1) + 1;
      // The note must be whole lines (not a label run into a sentence, not a table row).
      if (raw.slice(lineStart, n.start).trim() !== '' || !LINE_LABEL.test(raw.slice(n.start, n.end))) continue;
      const after = /^[。.]?[ \t]*(?=\n|$)/.exec(raw.slice(n.end));
      if (!after) continue;
      if (raw.slice(n.start, n.end).includes('|') || raw.slice(n.start, n.end).includes('\t')) continue;
      // The line before: the last one with text.
      let prevEnd = lineStart - 1;
      while (prevEnd > 0 && raw.slice(raw.lastIndexOf('\n', prevEnd - 1) + 1, prevEnd).trim() === '') prevEnd = raw.lastIndexOf('\n', prevEnd - 1);
      if (prevEnd <= 0) continue;
      const prevLine = raw.slice(raw.lastIndexOf('\n', prevEnd - 1) + 1, prevEnd);
      const content = raw.slice(n.start, n.end).split('\n').map((l) => l.trim().replace(/[。.]$/, '')).filter(Boolean).join(';');
      // Before the line's closing 。, where plans put a note.
      const stop = /[。.]\s*$/.exec(prevLine);
      const at = stop ? prevEnd - (prevLine.length - stop.index) : prevEnd - (prevLine.length - prevLine.trimEnd().length);
      edits.push({ start: at, end: at, text: `(${content})` });
      edits.push({ start: prevEnd, end: n.end + after[0].length, text: '' });
    }
    return changed(raw, applyEdits(raw, edits));
  },
};

let toTraditional: ((s: string) => string) | undefined;
let toSimplifiedCn: ((s: string) => string) | undefined;

/** The whole document in the other script: simplified → traditional (Taiwan standard), traditional → simplified. */
export const otherScript: Transformation = {
  name: 'simplified ↔ traditional',
  apply(raw, doc) {
    toTraditional ??= OpenCC.Converter({ from: 'cn', to: 'tw' });
    toSimplifiedCn ??= OpenCC.Converter({ from: 'tw', to: 'cn' });
    return changed(raw, doc.script === 'traditional' ? toSimplifiedCn(raw) : toTraditional(raw));
  },
};

/**
 * A hard line break in the middle of one unit name per note (the longest, of four characters or
 * more), as a PDF's text layer breaks a line wherever the page edge falls: 市发展和改革委员会 →
 * 市发展和⏎改革委员会.
 */
export const wrapInsideName: Transformation = {
  name: 'line break inside a unit name',
  apply(raw, doc) {
    const edits: Edit[] = [];
    for (const n of notesOf(doc)) {
      const longest = n.units
        .filter((u) => u.surfaceEnd - u.surfaceStart >= 4 && /^[\u4e00-\u9fff]+$/.test(raw.slice(u.surfaceStart, u.surfaceEnd)))
        .sort((a, b) => (b.surfaceEnd - b.surfaceStart) - (a.surfaceEnd - a.surfaceStart))[0];
      if (!longest) continue;
      const at = longest.surfaceStart + Math.floor((longest.surfaceEnd - longest.surfaceStart) / 2);
      // One break per name: a name two notes share (a merged table cell read for two rows) is broken once, not twice.
      if (!edits.some((e) => e.start === at)) edits.push({ start: at, end: at, text: '\n' });
    }
    return changed(raw, applyEdits(raw, edits));
  },
};

const hasTableTasks = (doc: ExtractedDocument) => doc.tasks.some((t) => t.ref.startsWith('表'));
/** A table row written on one line: two or more cells between pipes. */
const pipeCells = (line: string) => {
  const cells = line.split('|').map((c) => c.trim());
  return line.includes('|') && cells.filter(Boolean).length >= 2 ? cells : null;
};

/** Rows written `a | b | c |` rewritten as tab-separated (`a⇥b⇥c`) or with one cell per line. */
export function pipeRows(to: 'tabs' | 'cell per line'): Transformation {
  return {
    name: `table: pipe rows → ${to}`,
    apply(raw, doc) {
      if (!hasTableTasks(doc)) return null;
      const lines = raw.split('\n');
      let rows = 0;
      const out = lines.map((line) => {
        const cells = pipeCells(line);
        if (!cells) return line;
        rows++;
        // The table's outer border (a leading or trailing pipe) is no cell.
        if (cells[0] === '' && line.trimStart().startsWith('|')) cells.shift();
        while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
        return to === 'tabs' ? cells.join('\t') : cells.filter(Boolean).join('\n');
      });
      return rows >= 2 ? changed(raw, out.join('\n')) : null;
    },
  };
}

/** One cell per line with pipes (`a |` lines, or `|` lines between cells) rewritten with one cell per line and no pipes. */
export const cellLinesWithoutPipes: Transformation = {
  name: 'table: cell lines → no pipes',
  apply(raw, doc) {
    if (!hasTableTasks(doc)) return null;
    const lines = raw.split('\n');
    const onlyPipes = (l: string) => /^\s*\|[|\s]*$/.test(l);
    const cellLine = (l: string) => /^[^|]*\S[^|]*\|\s*$/.test(l) || onlyPipes(l);
    if (lines.filter(cellLine).length < 6) return null;
    const out: string[] = [];
    for (const l of lines) {
      if (onlyPipes(l)) continue;
      out.push(cellLine(l) ? l.replace(/\s*\|\s*$/, '') : l);
    }
    return changed(raw, out.join('\n'));
  },
};
