// A lead's moves: forward only, dated not after today nor before its last move, with evidence; the days it reached each stage.
import { describe, expect, it } from 'vitest';
import { moveProblem, signKindAfter, stageDays, stageOn } from '../../../src/domain/attraction/lead.ts';

const at = (stage: Parameters<typeof moveProblem>[0]['stage'], signKind: 'framework' | 'formal' | null = null) => ({ stage, signKind, lastMoveOn: '2023-03-01' });
const move = (to: Parameters<typeof moveProblem>[1]['to'], extra: Partial<Parameters<typeof moveProblem>[1]> = {}) => ({ to, on: '2023-03-10', evidence: '洽谈纪要', ...extra });

describe('moveProblem', () => {
  it.each([
    ['a move forward with its evidence', at('lead'), move('negotiating'), null],
    ['skipping to a signing with its kind', at('lead'), move('signed', { signKind: 'formal' }), null],
    ['a signing without its kind', at('negotiating'), move('signed'), '签约须注明是框架协议还是正式合同'],
    ['the formal contract after a framework agreement', at('signed', 'framework'), move('signed', { signKind: 'formal' }), null],
    ['a second framework agreement', at('signed', 'framework'), move('signed', { signKind: 'framework' }), '已是签约阶段；框架协议之后可再登记正式合同'],
    ['a move back', at('signed', 'formal'), move('negotiating'), '不能从“签约”退回“洽谈”'],
    ['the same stage again', at('negotiating'), move('negotiating'), '已处于“洽谈”阶段'],
    ['a move without evidence', at('lead'), move('negotiating', { evidence: ' ' }), '每次变动须写明依据（协议、会议纪要、营业执照、开工照片等）'],
    ['a move dated after today', at('lead'), move('negotiating', { on: '2023-07-01' }), '日期2023-07-01晚于今天（2023-06-30）'],
    ['a move dated before the last one', at('lead'), move('negotiating', { on: '2023-02-01' }), '日期2023-02-01早于上一次变动（2023-03-01）'],
    ['an end without its reason', at('negotiating'), move('terminated'), '终止须写明原因'],
    ['an end with its reason', at('negotiating'), move('terminated', { reason: '投资方撤回' }), null],
    ['any move of an ended lead', at('terminated'), move('negotiating'), '线索已终止，不能再推进'],
  ] as const)('%s', (_what, lead, m, expected) => {
    expect(moveProblem(lead, m, '2023-06-30')).toBe(expected);
  });

  it('keeps the contract a lead signed, and takes a skipped signing as formal', () => {
    expect(signKindAfter('framework', move('started'))).toBe('framework');
    expect(signKindAfter(null, move('started'))).toBe('formal');
    expect(signKindAfter(null, move('negotiating'))).toBeNull();
  });
});

describe('stageDays', () => {
  it('reaches a skipped stage with the one after it, and 线索 on the day the lead came in', () => {
    const days = stageDays('2023-01-05', [{ stage: 'negotiating', on: '2023-01-20' }, { stage: 'started', on: '2023-04-02' }]);
    expect(days).toEqual({ lead: '2023-01-05', negotiating: '2023-01-20', signed: '2023-04-02', registered: '2023-04-02', started: '2023-04-02' });
  });

  it('follows the project a lead became to 开工 and 投产', () => {
    const days = stageDays('2020-06-01', [{ stage: 'signed', on: '2021-01-01' }], { startedOn: '2021-03-15', operatingOn: '2022-09-30' });
    expect(days.started).toBe('2021-03-15');
    expect(days.operating).toBe('2022-09-30');
    expect(days.registered).toBe('2021-03-15');
  });

  it('says where a lead stood on a day, and when it had ended', () => {
    const days = stageDays('2023-01-05', [{ stage: 'negotiating', on: '2023-01-20' }]);
    expect(stageOn(days, null, '2023-01-10')).toBe('lead');
    expect(stageOn(days, null, '2023-02-01')).toBe('negotiating');
    expect(stageOn(days, '2023-03-01', '2023-03-01')).toBe('terminated');
    expect(stageOn(days, null, '2022-12-31')).toBeNull();
  });
});
