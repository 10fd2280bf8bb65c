// The life of an item: who may take which step in which status, the status each step leaves, and the reasons given;
// the 督办函's words and number; the task sheet's rows.
import { describe, expect, it } from 'vitest';
import { availableActions, itemActionRefusal, statusAfter, type ItemAction, type ItemRole, type ItemStatus } from '../../../src/domain/supervision/item.ts';
import { locateItemHeader, readItemRow, ledgerColumnsOf } from '../../../src/domain/supervision/item-ledger.ts';
import { escalationText, letterNumber, supervisionLetter } from '../../../src/domain/supervision/letter.ts';

const ordinary = (status: ItemStatus) => ({ status, level: 'ordinary' as const });

describe('who takes which step', () => {
  it.each<[ItemAction, ItemStatus, ItemRole, string | null]>([
    ['assign', 'raised', 'dispatcher', null],
    ['assign', 'raised', 'unit', '交办由调度员办理'],
    ['assign', 'assigned', 'dispatcher', '该事项已交办'],
    ['receive', 'assigned', 'unit', null],
    ['receive', 'received', 'unit', '该事项已签收'],
    ['receive', 'raised', 'unit', '该事项尚未交办'],
    ['progress', 'assigned', 'unit', null],
    ['progress', 'returned', 'unit', null],
    ['progress', 'closeRequested', 'unit', '已申请销号，等待调度员审核'],
    ['progress', 'closed', 'unit', '该事项已销号；如问题复发，请由调度员重新打开'],
    ['progress', 'inProgress', 'leader', '反馈进展由调度员或责任单位办理'],
    ['requestClose', 'inProgress', 'unit', null],
    ['close', 'closeRequested', 'dispatcher', null],
    ['close', 'inProgress', 'dispatcher', '责任单位尚未申请销号'],
    ['close', 'closeRequested', 'unit', '销号由调度员办理'],
    ['return', 'closeRequested', 'dispatcher', null],
    ['extend', 'inProgress', 'dispatcher', null],
    ['extend', 'inProgress', 'unit', '延期由调度员办理'],
    ['reopen', 'closed', 'dispatcher', null],
    ['reopen', 'inProgress', 'dispatcher', '该事项尚未销号，无需重新打开'],
    ['instruct', 'closed', 'leader', null],
    ['instruct', 'inProgress', 'unit', '批示由调度员或包联领导办理'],
  ])('%s on %s by %s', (action, status, role, refusal) => {
    expect(itemActionRefusal(action, ordinary(status), role)).toBe(refusal);
  });

  it('lets only a major item carry a dated plan', () => {
    expect(itemActionRefusal('setPlan', ordinary('inProgress'), 'unit')).toBe('一般事项应在7日内解决，不另定解决计划；重大事项可报送解决计划');
    expect(itemActionRefusal('setPlan', { status: 'inProgress', level: 'major' }, 'unit')).toBeNull();
  });

  it('moves the status along the life, and back to assigned when reopened', () => {
    expect(statusAfter('assign', 'raised')).toBe('assigned');
    expect(statusAfter('receive', 'assigned')).toBe('received');
    expect(statusAfter('progress', 'returned')).toBe('inProgress');
    expect(statusAfter('requestClose', 'inProgress')).toBe('closeRequested');
    expect(statusAfter('return', 'closeRequested')).toBe('returned');
    expect(statusAfter('close', 'closeRequested')).toBe('closed');
    expect(statusAfter('reopen', 'closed')).toBe('assigned');
    expect(statusAfter('extend', 'received')).toBe('received');
  });

  it('offers the unit what it can do now', () => {
    expect(availableActions(ordinary('assigned'), 'unit')).toEqual(['receive', 'progress', 'requestClose']);
    expect(availableActions(ordinary('closeRequested'), 'dispatcher')).toEqual(['close', 'return', 'extend', 'instruct', 'edit']);
  });
});

describe('the 督办函', () => {
  it('is numbered by the county, the year and the serial', () => {
    expect(letterNumber('襄垣县', 2021, 3)).toBe('襄垣督办〔2021〕3号');
  });

  it('says what was assigned when, the deadline missed, what was last reported and by when to answer', () => {
    const letter = supervisionLetter({
      number: '襄垣督办〔2021〕3号',
      countyName: '襄垣县',
      unitName: '王桥镇人民政府',
      leaderName: '刘建平',
      title: '施工便道未打通',
      description: null,
      projectName: '王桥镇污水处理厂',
      source: 'report',
      level: 'ordinary',
      assignedOn: '2021-06-04',
      missed: { kind: 'solve', due: '2021-06-11' },
      daysLate: 3,
      issuedOn: '2021-06-14',
      latestProgress: { on: '2021-06-07', note: '已协调土地权属' },
      answerBy: '2021-06-17',
    });
    expect(letter.addressee).toBe('王桥镇人民政府、刘建平同志：');
    expect(letter.paragraphs[0]).toBe(
      '2021年6月4日交办的督办事项“王桥镇污水处理厂：施工便道未打通”（月报反映，一般事项），按照“13710”工作要求应于2021年6月11日前办结，截至2021年6月14日已逾期3天，仍未办结销号。',
    );
    expect(letter.paragraphs[1]).toBe('最近一次反馈（2021年6月7日）：已协调土地权属');
    expect(letter.paragraphs[2]).toContain('请刘建平同志督促王桥镇人民政府于2021年6月17日前办结');
    expect(letter.signer).toBe('襄垣县人民政府督查室');
    expect(letter.date).toBe('2021年6月14日');
  });

  it('tells the unit every step in words that carry 督办', () => {
    const base = { regionName: '襄垣县', unitName: '王桥镇人民政府', title: '道路未贯通', kind: 'solve' as const, due: '2021-06-11', daysLate: 2 };
    expect(escalationText({ ...base, step: 'reminder' })).toBe('【襄垣县督办提醒】王桥镇人民政府：督办事项“道路未贯通”应于6月11日前办结，已逾期2天，请抓紧办理并反馈。');
    expect(escalationText({ ...base, step: 'letter', leaderName: '刘建平', letterNo: '襄垣督办〔2021〕1号' })).toContain('已发出督办函（襄垣督办〔2021〕1号），呈包联领导刘建平同志');
    expect(escalationText({ ...base, step: 'meeting' })).toContain('已列入调度会议研究');
  });
});

describe('the task sheet', () => {
  const header = ['序号', '重点任务', '牵头单位', '分管领导', '完成时限', '所属清单', '级别'];

  it('finds its header under a title row and reads a row', () => {
    const found = locateItemHeader([['2021年十大攻坚行动任务清单'], header]);
    expect(found?.row).toBe(1);
    const row = readItemRow([1, '完成王桥污水处理厂主体工程', '住房和城乡建设局', '刘建平', '2021年9月', '项目建设攻坚', '重大'], found!.columns);
    expect(row).toEqual({
      title: '完成王桥污水处理厂主体工程',
      kind: 'task',
      source: 'workReport',
      level: 'major',
      taskList: '项目建设攻坚',
      project: null,
      unit: '住房和城乡建设局',
      leader: '刘建平',
      assignedOn: null,
      dueOn: '2021-09-01',
      measures: null,
    });
  });

  it('refuses a row without its unit, with a bad level or date, and skips a blank row', () => {
    const { columns } = locateItemHeader([header])!;
    expect(readItemRow([2, '任务', '', null, '下周', null, '特急'], columns)).toBe('责任单位为空；级别“特急”应为一般或重大；办结时限“下周”不是有效日期');
    expect(readItemRow([null, null, null, null, null, null, null], columns)).toBeNull();
  });

  it('prints each view its own columns and words', () => {
    expect(ledgerColumnsOf('rectification').map((c) => c.header)).toEqual([
      '序号', '存在问题', '来源', '项目名称', '责任单位', '包联领导', '级别', '交办日期', '反馈时限', '整改时限', '整改措施', '整改情况', '办理状态', '是否逾期', '销号日期',
    ]);
    expect(ledgerColumnsOf('tasks').map((c) => c.header)).toContain('完成时限');
  });
});
