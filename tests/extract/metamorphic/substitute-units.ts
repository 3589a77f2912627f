/**
 * Unit names replaced by invented ones through the whole document (see invent-units.ts), with the
 * inverse mapping for comparing the extraction with the original's.
 */
import type { ExtractedDocument } from '../../../server/extract/contract';
import { gazetteer } from '../../../server/extract/gazetteer';
import { inventNames, substitute } from './invent-units';
import { notesOf } from './notes';
import type { Transformation } from './transforms';

/**
 * `projectText`: everything the project holds (corpus, seeds, the extractor's sources and tables):
 * an invented name, or its stem, found there is not used.
 */
export function unitSubstitution(projectText: string, seed = 18): Transformation {
  const scanner = gazetteer().scannerFor(null);
  const placePrefix = (body: string) => {
    const m = scanner.scan(body)[0];
    return m && m.start === 0 && m.end < body.length ? body.slice(0, m.end) : '';
  };
  return {
    name: 'unit names invented',
    apply(raw, doc: ExtractedDocument) {
      // The names as the file writes them (traditional characters included), so they are found in it.
      const written = notesOf(doc).flatMap((n) => n.units.map((u) => raw.slice(u.surfaceStart, u.surfaceEnd)));
      const map = inventNames(written, {
        seed: seed + doc.id.length,
        taken: (s) => projectText.includes(s),
        readsAsPlace: (s) => scanner.scan(s).length > 0,
        placePrefix,
      });
      if (map.size === 0) return null;
      const inverse = new Map([...map].map(([real, invented]) => [invented, real]));
      const text = substitute(raw, map);
      return text === raw ? null : { text, unmap: (s) => substitute(s, inverse) };
    },
  };
}
