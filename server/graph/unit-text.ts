import { splitLevelPrefix, variantsOf } from '../extract/unit-names';

/** Units and leaders of a document whose government cannot be told hang from this code. */
export const UNKNOWN_JURISDICTION = '000000';

/** A leader is one per jurisdiction and name (王 健 and 王健 are one: the contract drops the spaces). */
export function leaderId(jurisdictionCode: string, name: string): string {
  return `${jurisdictionCode}:${name}`;
}

/** Everything a unit is called, so search finds it by any of them (发改委 → 发展和改革委员会). */
export function unitSearchText(name: string, aliases: readonly string[]): string {
  const forms = new Set<string>([name, ...aliases]);
  for (const n of [name, ...aliases]) {
    const { prefix, core } = splitLevelPrefix(n);
    for (const v of variantsOf(core)) forms.add(prefix + v);
  }
  return [...forms].join('|');
}
