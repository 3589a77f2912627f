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
  /** The role the first-listed rule gives the units after the first (其他为主要参加单位), when it says. */
  restRole?: Role;
}

/** A note's units as assignments: resolved to units, with the lead rule applied and raw offsets. */
export function assign(note: FoundNote, clause: number, { leadRule, jurisdiction, units, tm, file, warnings, restRole }: AssignContext): ExtractedAssignment[] {
  const [start, end] = toRaw(tm, note.start, note.end);
  const out: ExtractedAssignment[] = [];
  // Under the first-listed rule, a note with no lead of its own is led by its first unit; so is a
  // note that puts units in charge with a plain 负责 (X负责, A、B分别负责) where the plan names leads elsewhere.
  const byRule = leadRule === 'first-listed' || leadRule === 'first-listed-by-convention';
  const byPosition = !note.hasExplicitLead && (byRule || note.items[0]?.inCharge === true);
  const inferred = leadRule !== 'first-listed';
  // The unit that leads by position: the first one the note makes responsible (a labelled 配合 or 指导 unit before it stays as it is).
  const firstResponsible = note.items.findIndex((i) => i.role === 'responsible');
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
      const first = index === firstResponsible && k === 0;
      const role: Role = byPosition && first && item.role === 'responsible' ? 'lead'
        : byPosition && !first && restRole && !item.explicit && leadRule === 'first-listed' && item.role === 'responsible' ? restRole
          : item.role;
      const length = !split && item.written !== undefined ? item.written : r.surface.length;
      const [surfaceStart, surfaceEnd] = toRaw(tm, item.offset + r.offset, item.offset + r.offset + length);
      out.push({
        unitId: r.unit.id, surface: r.surface, role,
        inferred: byPosition && first && inferred && role === 'lead',
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
