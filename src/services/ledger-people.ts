// The 包联领导 and 责任单位 a ledger names, resolved against the county's own: matched, or planned as new ones the import
// creates (and lists), or refused with the reason (an ambiguous name).

import { leaderNames } from '../domain/ledger/ledger-cells.ts';
import { ambiguousUnitReason, UnitNameIndex, unitNameText } from '../domain/unit-names.ts';
import { insertLeaders, insertUnits, listLeaders, listUnitAliases, listUnits, putUnitAlias, type LeaderRow, type UnitRow } from '../db/repositories/region.repository.ts';
import { newId, type Db } from '../db/transaction.ts';

/** What the import will create (a preview) or created (a commit), in the order the file first names them. */
export interface CreatedPeople {
  leaders: { name: string; title: string | null }[];
  units: string[];
}

/** A name resolved for one row: the ids, or the clause the row's refusal is made of. */
export type Resolved<T> = { ok: true; value: T } | { ok: false; problem: string };

/** A leader's name as compared: full-width folded, every space gone (许  波 is 许波). */
export function leaderNameKey(name: string): string {
  return name.normalize('NFKC').replace(/[\s\u3000]+/g, '');
}

/**
 * The county's leaders and units for one import, growing as rows name new ones: each new name is planned once, and
 * every row that names it gets the same id.
 */
export class LedgerPeople {
  private readonly leadersByKey = new Map<string, LeaderRow[]>();
  private readonly units: UnitNameIndex<UnitRow>;
  private readonly newLeaders: LeaderRow[] = [];
  private readonly newUnits: UnitRow[] = [];
  /** Names written otherwise than the unit's own name, matched by the abbreviation rules: kept as the county's aliases. */
  private readonly aliases = new Map<string, string>();
  private readonly knownAliases: Set<string>;
  private nextLeaderOrder: number;
  private nextUnitOrder: number;

  private constructor(
    private readonly countyCode: string,
    leaders: LeaderRow[],
    units: UnitRow[],
    aliases: { alias: string; unitId: string }[],
    countyName: string,
  ) {
    for (const l of leaders) this.leadersByKey.set(leaderNameKey(l.name), [...(this.leadersByKey.get(leaderNameKey(l.name)) ?? []), l]);
    this.units = new UnitNameIndex(units, aliases, countyName);
    this.knownAliases = new Set(aliases.map((a) => unitNameText(a.alias)));
    this.nextLeaderOrder = Math.max(0, ...leaders.map((l) => l.sortOrder)) + 1;
    this.nextUnitOrder = Math.max(0, ...units.map((u) => u.sortOrder)) + 1;
  }

  static async load(db: Db, countyCode: string, countyName: string): Promise<LedgerPeople> {
    const [leaders, units, aliases] = await Promise.all([listLeaders(db, countyCode), listUnits(db, countyCode), listUnitAliases(db, countyCode)]);
    return new LedgerPeople(countyCode, leaders, units, aliases, countyName);
  }

  /** The leaders a 包联领导 cell names, in order, known or to be created; refused when a name is two people's. */
  leaders(text: string): Resolved<string[]> {
    const ids: string[] = [];
    for (const written of leaderNames(text)) {
      const key = leaderNameKey(written.name);
      const found = this.leadersByKey.get(key) ?? [];
      if (found.length > 1) {
        return { ok: false, problem: `包联领导“${written.name}”在本县有${found.length}位同名领导（${found.map((l) => l.title ?? '无职务').join('、')}），请在系统中区分后再导入` };
      }
      let leader = found[0];
      if (!leader) {
        leader = { id: newId(), regionCode: this.countyCode, name: key, title: written.title, sortOrder: this.nextLeaderOrder++ };
        this.leadersByKey.set(key, [leader]);
        this.newLeaders.push(leader);
      }
      if (!ids.includes(leader.id)) ids.push(leader.id);
    }
    if (ids.length === 0) return { ok: false, problem: `包联领导“${text}”中没有可识别的姓名` };
    return { ok: true, value: ids };
  }

  /** The unit a 责任单位 cell names, known (exactly, by a county alias or by the abbreviation rules) or to be created. */
  unit(text: string): Resolved<string> {
    const written = unitNameText(text);
    const match = this.units.match(written);
    if (match.kind === 'ambiguous') return { ok: false, problem: ambiguousUnitReason(text, match.units) };
    if (match.kind === 'one') {
      if (written !== match.unit.name && !this.knownAliases.has(written)) this.aliases.set(written, match.unit.id);
      return { ok: true, value: match.unit.id };
    }
    // Named as the county's units are, without the bare 县/区 people put in front (县水务局 → 水务局).
    const name = /^(县|区)(?!场).{2,}/.test(written) ? written.slice(1) : written;
    const unit: UnitRow = { id: newId(), regionCode: this.countyCode, name, kind: 'department', townshipCode: null, sortOrder: this.nextUnitOrder++ };
    this.units.add(unit);
    this.units.alias(written, unit);
    this.newUnits.push(unit);
    return { ok: true, value: unit.id };
  }

  /** What the rows taken need created, limited to the ids they use (a refused row's new names are not created). */
  planned(used: ReadonlySet<string>): CreatedPeople {
    return {
      leaders: this.newLeaders.filter((l) => used.has(l.id)).map((l) => ({ name: l.name, title: l.title })),
      units: this.newUnits.filter((u) => used.has(u.id)).map((u) => u.name),
    };
  }

  /** Creates the leaders and units the rows taken use, and keeps the abbreviations met as the county's aliases. */
  async write(db: Db, used: ReadonlySet<string>, stamp: string): Promise<void> {
    await insertLeaders(db, this.newLeaders.filter((l) => used.has(l.id)));
    await insertUnits(db, this.newUnits.filter((u) => used.has(u.id)));
    for (const [alias, unitId] of this.aliases) if (used.has(unitId)) await putUnitAlias(db, this.countyCode, alias, unitId, stamp);
  }
}
