import type { Gazetteer, Region } from './gazetteer';
import {
  canonicalZone, classifyKind, isUnitLike, matchCollective, officialCore, splitLevelPrefix,
  type CollectiveScope, type UnitKind,
} from './unit-names';

/** A department's name without level or place: 商务厅, 国土资源厅, 农委, 统计局, 发展改革委, 政府办公室. */
const BARE_DEPARTMENT = /^[\u4e00-\u9fff]{1,10}(厅|局|委|委员会|办|办公室)$/;

/** A name of two two-character words and a head (省农业农村厅): a slip may swap the words (省农村农业厅). */
const SWAPPABLE = /^(省|市|县|区)?([\u4e00-\u9fff]{2})([\u4e00-\u9fff]{2})(厅|局|委)$/;

export interface Unit {
  id: string;
  name: string;
  kind: UnitKind;
  jurisdiction: { code: string; name: string };
  /** Every form the documents wrote it in (simplified). */
  surfaces: string[];
  /** For collectives: the units they stand for, where the divisions tell them. */
  members: string[];
  /** For local governments: the region they govern. */
  region?: string;
}

export interface ResolvedSurface {
  unit: Unit;
  surface: string;
  /** Offset of this surface inside the written item (non-zero for the second half of a split). */
  offset: number;
}

/**
 * Gives every unit one identity, scoped by jurisdiction: a unit's id is its jurisdiction's
 * division code plus its canonical name, so 萍乡's 市发改委 and 湘潭's 市发改委 differ while
 * 市发改委 and 市发展和改革委员会 in one city are the same unit.
 */
export class UnitRegistry {
  private readonly units = new Map<string, Unit>();
  /** Resolution is a pure function of (jurisdiction, surface); plans repeat the same names. */
  private readonly resolved = new Map<string, { resolved: ResolvedSurface[]; split: boolean }>();

  /** Units by their name with its two words in either order (SWAPPABLE). */
  private readonly swapped = new Map<string, Unit>();

  constructor(private readonly gaz: Gazetteer) {}

  all(): Unit[] {
    return [...this.units.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  /** Each class of swappable names (SWAPPABLE) with the id of the unit its first-seen name made. */
  swappedIds(): Array<[string, string]> {
    return [...this.swapped].map(([key, unit]) => [key, unit.id]);
  }

  /**
   * Resolve one list item of a note. An item that is two known names run together
   * (雨湖区湘潭经开区) comes back as two units; `split` says so.
   */
  resolve(surface: string, jurisdiction: Region): { resolved: ResolvedSurface[]; split: boolean } {
    const key = `${jurisdiction.id}|${surface}`;
    let r = this.resolved.get(key);
    if (!r) this.resolved.set(key, (r = this.resolveUncached(surface, jurisdiction)));
    return r;
  }

  private resolveUncached(surface: string, jurisdiction: Region): { resolved: ResolvedSurface[]; split: boolean } {
    const halves = this.splitRunTogether(surface, jurisdiction);
    if (halves) {
      return {
        resolved: halves.map(([s, offset]) => ({ unit: this.resolveOne(s, jurisdiction), surface: s, offset })),
        split: true,
      };
    }
    return { resolved: [{ unit: this.resolveOne(surface, jurisdiction), surface, offset: 0 }], split: false };
  }

  private resolveOne(surface: string, jurisdiction: Region): Unit {
    const collective = matchCollective(surface);
    if (collective) {
      const unit = this.upsert(jurisdiction, collective.name, 'collective', surface);
      if (unit.members.length === 0) unit.members = this.membersOf(collective.scope, jurisdiction);
      return unit;
    }
    const region = this.governmentOf(surface, jurisdiction);
    if (region) return this.government(region, jurisdiction, surface);
    const elsewhere = this.otherJurisdiction(surface, jurisdiction);
    if (elsewhere) return this.upsert(elsewhere.region, surface, classifyKind(elsewhere.rest, true), surface);

    const split = splitLevelPrefix(surface);
    const { core } = split;
    // Names after the first often drop the level (省商务厅, 国土资源厅, 农委): a department named with
    // no prefix and no place is the jurisdiction's own, the same unit as with the prefix.
    const prefix = split.prefix || this.ownLevel(core, jurisdiction);
    const official = officialCore(core);
    const kind = classifyKind(core, prefix !== '');
    const name = prefix + (official ?? (kind === 'zone' ? canonicalZone(core) : core));
    // 省… units named in a city's plan belong to the province.
    const scope = prefix === '省' && jurisdiction.level !== 'province'
      ? this.gaz.get(this.gaz.provinceOf(jurisdiction.id) ?? '') ?? jurisdiction
      : jurisdiction;
    // 省农村农业厅 beside 省农业农村厅: the two words of a name swapped by a slip are the same unit.
    const swap = SWAPPABLE.exec(name);
    if (swap) {
      const key = `${scope.id}|${swap[1] ?? ''}${[swap[2]!, swap[3]!].sort().join('')}${swap[4]}`;
      const known = this.swapped.get(key);
      if (known && known.id !== `${scope.id}:${name}`) return this.upsert(scope, known.name, known.kind, surface);
      const unit = this.upsert(scope, name, kind, surface);
      this.swapped.set(key, unit);
      return unit;
    }
    return this.upsert(scope, name, kind, surface);
  }

  /** The level prefix a department of `jurisdiction` is written with (省 / 市 / 县 / 区), when `core` is a bare department name. */
  private ownLevel(core: string, jurisdiction: Region): string {
    if (!BARE_DEPARTMENT.test(core) || /^(委|纪委|党委)/.test(core)) return '';
    const level = jurisdiction.level === 'province' ? (jurisdiction.name.endsWith('省') ? '省' : '')
      : jurisdiction.level === 'prefecture' ? (jurisdiction.name.endsWith('市') ? '市' : '')
        : jurisdiction.level === 'county' ? (/[县区]$/.exec(jurisdiction.name)?.[0] ?? '') : '';
    if (level === '') return '';
    // A name that starts with a place (邵阳海关, 湘潭经开区管委会) is no bare department.
    const first = this.gaz.scannerFor(jurisdiction.id).scan(core)[0];
    return first && first.start === 0 ? '' : level;
  }

  /**
   * 重庆市商务委员会 in 四川省's plan: a department of another province or city, named with its place
   * in full. It belongs to that place (not to the issuer's box), and the place stands for the level
   * prefix a department of one's own is written with (市商务委员会), so it is a department, not an
   * institution. Places within the jurisdiction (邵阳海关, 湘潭经开区) are the jurisdiction's own.
   */
  private otherJurisdiction(surface: string, jurisdiction: Region): { region: Region; rest: string } | null {
    const first = this.gaz.scannerFor(jurisdiction.id).scan(surface)[0];
    if (!first || first.start !== 0) return null;
    const head = surface.slice(0, first.end);
    const rest = surface.slice(first.end);
    const region = first.ids.map((id) => this.gaz.get(id)!).find((r) => r.name === head && (r.level === 'province' || r.level === 'prefecture'));
    if (!region || region.id === jurisdiction.id || this.gaz.isWithin(jurisdiction.id, region.id) || this.gaz.isWithin(region.id, jurisdiction.id)) return null;
    // A department's name after the place (商务委员会, 发展和改革委员会, 商务厅), not a government or a collective.
    if (!/^[\u4e00-\u9fff]{2,}(委员会|局|厅|委|办公室|办)$/.test(rest) || /^(人民政府|政府)/.test(rest)) return null;
    return { region, rest };
  }

  /** 湘乡市 / 湘乡市人民政府 / 湘乡市政府 in 湘潭's plan → the division 湘乡市. */
  private governmentOf(surface: string, jurisdiction: Region): Region | null {
    const base = surface.replace(/(人民政府|政府)$/, '');
    if (base === '市' || base === '省' || base === '县' || base === '区') return base === surface ? null : jurisdiction;
    const region = this.gaz.lookup(base).find((r) => r.id !== jurisdiction.id && this.gaz.isWithin(r.id, jurisdiction.id));
    if (region && region.level !== 'area') return region;
    if (base !== surface && base === jurisdiction.name) return jurisdiction;
    return null;
  }

  private government(region: Region, jurisdiction: Region, surface: string | null): Unit {
    const unit = this.upsert(jurisdiction, `${region.name}人民政府`, 'county_government', surface);
    unit.region = region.id;
    return unit;
  }

  /** 各县市区 → the county-level governments of the jurisdiction; 各市州 → its prefectures'. */
  private membersOf(scope: CollectiveScope, jurisdiction: Region): string[] {
    let regions: Region[] = [];
    if (scope === 'counties') {
      regions = jurisdiction.level === 'province'
        ? this.gaz.subdivisions(jurisdiction.id).flatMap((p) => this.gaz.subdivisions(p.id))
        : this.gaz.subdivisions(jurisdiction.id);
    } else if (scope === 'prefectures' && jurisdiction.level === 'province') {
      regions = this.gaz.subdivisions(jurisdiction.id);
    }
    return regions.map((r) => this.government(r, jurisdiction, null).id);
  }

  /**
   * A list item that is a division of the jurisdiction followed by another unit whose name
   * starts with a place (雨湖区 + 湘潭经开区): the note lost a delimiter. 湘潭市住房公积金管理中心
   * or 雨湖区人民政府 are single names and stay whole.
   */
  private splitRunTogether(surface: string, jurisdiction: Region): Array<[string, number]> | null {
    if (matchCollective(surface) || this.governmentOf(surface, jurisdiction)) return null;
    const scanner = this.gaz.scannerFor(jurisdiction.id);
    const mentions = scanner.scan(surface);
    const first = mentions[0];
    const second = mentions[1];
    if (!first || !second || first.start !== 0 || second.start !== first.end) return null;
    const head = surface.slice(0, first.end);
    const rest = surface.slice(first.end);
    const headRegion = this.gaz.lookup(head).find((r) => this.gaz.isWithin(r.id, jurisdiction.id) && r.id !== jurisdiction.id);
    if (!headRegion || !isUnitLike(rest) || /^(人民政府|政府|管委会)/.test(rest)) return null;
    return [[head, 0], [rest, first.end]];
  }

  /** `surface` is null for units known only from the divisions (members nobody wrote). */
  private upsert(jurisdiction: Region, name: string, kind: UnitKind, surface: string | null): Unit {
    const id = `${jurisdiction.id}:${name}`;
    let unit = this.units.get(id);
    if (!unit) {
      unit = { id, name, kind, jurisdiction: { code: jurisdiction.id, name: jurisdiction.name }, surfaces: [], members: [] };
      this.units.set(id, unit);
    }
    if (surface !== null && !unit.surfaces.includes(surface)) {
      unit.surfaces.push(surface);
      unit.surfaces.sort();
    }
    return unit;
  }
}
