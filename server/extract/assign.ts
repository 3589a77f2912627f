import type { ExtractedAssignment, ExtractedDocument, ExtractWarning } from './contract';
import type { Region } from './gazetteer';
import type { Role } from './note-patterns';
import type { FoundNote } from './notes';
import { toRaw, type TextMap } from './text-map';
import type { UnitRegistry } from './units';

const ROLE_STRENGTH: Record<Role, number> = { lead: 3, responsible: 2, participant: 1 };

export interface AssignContext {
  leadRule: ExtractedDocument['leadRule'];
  jurisdiction: Region;
  units: UnitRegistry;
  tm: TextMap;
  file: string;
  warnings: ExtractWarning[];
}

/** A note's units as assignments: resolved to units, with the lead rule applied and raw offsets. */
export function assign(note: FoundNote, clause: number, { leadRule, jurisdiction, units, tm, file, warnings }: AssignContext): ExtractedAssignment[] {
  const [start, end] = toRaw(tm, note.start, note.end);
  const out: ExtractedAssignment[] = [];
  // Under the first-listed rule, a note with no lead of its own is led by its first unit.
  const byPosition = !note.hasExplicitLead && (leadRule === 'first-listed' || leadRule === 'first-listed-by-convention');
  note.items.forEach((item, index) => {
    const { resolved, split } = units.resolve(item.surface, jurisdiction);
    if (split) {
      warnings.push({
        file,
        message: `«${item.surface}» joins two units without a delimiter; read as ${resolved.map((r) => r.surface).join(' + ')}`,
        start: tm.map[item.offset]!,
      });
    }
    resolved.forEach((r, k) => {
      const first = index === 0 && k === 0;
      const role: Role = byPosition && first && item.role === 'responsible' ? 'lead' : item.role;
      const [surfaceStart, surfaceEnd] = toRaw(tm, item.offset + r.offset, item.offset + r.offset + r.surface.length);
      out.push({
        unitId: r.unit.id, surface: r.surface, role,
        inferred: byPosition && first && leadRule === 'first-listed-by-convention' && role === 'lead',
        clause, quote: note.quote, start, end, surfaceStart, surfaceEnd,
      });
    });
  });
  return out;
}

/** One assignment per unit and clause, keeping the strongest role (a unit listed twice). */
export function dedupe(list: ExtractedAssignment[]): ExtractedAssignment[] {
  const best = new Map<string, ExtractedAssignment>();
  for (const a of list) {
    const key = `${a.clause}|${a.unitId}`;
    const prev = best.get(key);
    if (!prev || ROLE_STRENGTH[a.role as Role] > ROLE_STRENGTH[prev.role as Role]) best.set(key, a);
  }
  return list.filter((a) => best.get(`${a.clause}|${a.unitId}`) === a);
}
