// A county's settings: its own values over the deployment's defaults, read and written in one place for every setting
// a county keeps for itself (the round calendar, the 入库 cut-offs, the pinned current month).

import { canCreateProject, type Actor } from '../domain/access.ts';
import { countySettingKey } from '../domain/county-settings.ts';
import { forbidden, invalidInput } from '../domain/errors.ts';
import { deleteSetting, findRegion, getSettings, putSetting } from '../db/repositories/region.repository.ts';
import { inTransaction, type Db } from '../db/transaction.ts';
import { recordAudit } from './audit/record-audit.ts';

/**
 * A county's value of each key: its own (`round.deadlineDay.140423`), else the deployment's (`round.deadlineDay`), else
 * absent. A county's choice never leaks into another county's: each reads its own key first.
 */
export async function readCountySettings(db: Db, countyCode: string, keys: readonly string[]): Promise<Record<string, string | undefined>> {
  const stored = await getSettings(db, keys.flatMap((k) => [k, countySettingKey(k, countyCode)]));
  return Object.fromEntries(keys.map((k) => [k, stored.get(countySettingKey(k, countyCode)) ?? stored.get(k)]));
}

/**
 * Stores a county's own values of settings (null takes the county's own value away, so the deployment's applies again).
 * Only the admins and dispatchers whose scope covers the county may: a dispatcher of one county changing another's is
 * refused, whatever the setting. The caller checks the values themselves before.
 */
export async function writeCountySettings(db: Db, countyCode: string, values: Record<string, string | null>, actor: Actor, now: Date = new Date()): Promise<void> {
  const region = await findRegion(db, countyCode);
  if (!region || region.level !== 'county') throw invalidInput([{ field: 'region', message: `地区：${countyCode} 不是本系统中的县（区）` }]);
  if (!canCreateProject(actor, countyCode)) throw forbidden(`只有${region.name}的管理员或调度员可以修改${region.name}的设置`);
  await inTransaction(db, async (trx) => {
    const stored = await getSettings(trx, Object.keys(values).map((k) => countySettingKey(k, countyCode)));
    const before = Object.fromEntries(Object.keys(values).map((k) => [k, stored.get(countySettingKey(k, countyCode)) ?? null]));
    await recordAudit(trx, actor, [{ action: 'setting.change', regionCode: countyCode, subjectKind: 'setting', subjectId: countyCode, before, after: values }], now);
    for (const [key, value] of Object.entries(values)) {
      if (value === null) await deleteSetting(trx, countySettingKey(key, countyCode));
      else await putSetting(trx, countySettingKey(key, countyCode), value);
    }
  });
}
