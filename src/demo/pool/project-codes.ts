// 项目代码 of the demo: the current shape from December 2020 (Shanxi switched by 30 November), the legacy one before.

import { addMonths, monthOfDay, type Day, type Month } from '../../domain/months.ts';
import type { ApprovalKind } from '../../domain/project/project.ts';
import { SeededRandom } from '../../domain/seeded-random.ts';
import type { Spec } from './specs.ts';
import type { Timeline } from './timelines.ts';

export const LEGACY_TYPE: Record<ApprovalKind, string> = { approval: '01', authorization: '02', filing: '03' };

export function digits(rng: SeededRandom, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rng.int(0, 9));
  return s;
}

export function projectCode(rng: SeededRandom, s: Spec, approval: ApprovalKind, issued: Month, used: Set<string>): string {
  for (;;) {
    let code: string;
    if (issued >= '2020-12') {
      const sector = approval === 'filing' ? '89' : '04';
      const type = s.construction === 'technicalUpgrade' ? '02' : '01';
      const check = rng.chance(0.1) ? String.fromCharCode(65 + rng.int(0, 25)) : String(rng.int(0, 9));
      code = `${issued.slice(2, 4)}${issued.slice(5, 7)}-${s.codeRegion}-${sector}-${type}-${digits(rng, 5)}${check}`;
    } else {
      code = `${issued.slice(0, 4)}-${s.codeRegion}-${s.industry}-${LEGACY_TYPE[approval]}-${digits(rng, 6)}`;
    }
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
  }
}

/** When the code was issued: some months before the first milestone, never before the legacy shape existed (2017). */
export function issueMonth(rng: SeededRandom, s: Spec, t: Timeline): Month | null {
  if (s.group === 'reserve') return null;
  const first = [t.signedOn, t.landSuppliedOn, t.permitOn, t.startedOn].filter((d): d is Day => d !== null).sort()[0];
  let month: Month;
  if (first) month = addMonths(monthOfDay(first), -rng.int(1, 8));
  else if (s.group === 'cancelled') month = rng.pick(['2020-05', '2020-06', '2020-08', '2020-09']);
  else month = rng.pick(['2021-01', '2021-02', '2021-03', '2021-04']);
  return month < '2017-01' ? '2017-01' : month;
}
