// The words of an overdue item's escalation: the reminder a unit's group receives, and the 督办函 drawn from the item.

import { dayLabel, type Day } from '../months.ts';
import { ITEM_LEVEL_LABELS, ITEM_SOURCE_LABELS, type ItemLevel, type ItemSource } from './item.ts';
import { DEADLINE_LABELS, type DeadlineKind, type EscalationStep } from './timers.ts';

/**
 * The message of an escalation step for the unit (in the app and to its group robot). Every text contains "督办",
 * which a robot secured by keyword can be set to require.
 * @example escalationText({ step: 'reminder', regionName: '襄垣县', unitName: '王桥镇人民政府', title: '道路未贯通', kind: 'solve', due: '2021-06-11', daysLate: 2 })
 * // '【襄垣县督办提醒】王桥镇人民政府：督办事项“道路未贯通”应于6月11日前办结，已逾期2天，请抓紧办理并反馈。'
 */
export function escalationText(input: {
  step: EscalationStep;
  regionName: string;
  unitName: string;
  title: string;
  kind: DeadlineKind;
  due: Day;
  daysLate: number;
  leaderName?: string | null;
  letterNo?: string | null;
}): string {
  const head = `【${input.regionName}督办提醒】${input.unitName}：督办事项“${input.title}”应于${dayLabel(input.due)}前${DEADLINE_LABELS[input.kind]}，已逾期${input.daysLate}天`;
  switch (input.step) {
    case 'reminder':
      return `${head}，请抓紧办理并反馈。`;
    case 'letter':
      return `${head}，已发出督办函${input.letterNo ? `（${input.letterNo}）` : ''}${input.leaderName ? `，呈包联领导${input.leaderName}同志` : ''}，请于3日内反馈办理结果。`;
    case 'meeting':
      return `${head}，已列入调度会议研究，请做好汇报准备。`;
  }
}

/** The number of a 督办函: "襄垣督办〔2021〕3号", from the county's short name, the year and the serial. */
export function letterNumber(countyName: string, year: number, serial: number): string {
  const short = countyName.replace(/(自治县|县|市|区|旗)$/, '');
  return `${short}督办〔${year}〕${serial}号`;
}

/** What a 督办函 is drawn from. */
export interface LetterFacts {
  number: string;
  countyName: string;
  unitName: string | null;
  leaderName: string | null;
  title: string;
  description: string | null;
  projectName: string | null;
  source: ItemSource;
  level: ItemLevel;
  assignedOn: Day;
  /** The deadline missed: 反馈 or 办结, and its day. */
  missed: { kind: DeadlineKind; due: Day };
  daysLate: number;
  /** The day the letter was issued. */
  issuedOn: Day;
  /** The latest progress the unit reported, if any. */
  latestProgress: { on: Day; note: string } | null;
  /** The day the unit is asked to answer by. */
  answerBy: Day;
}

/** A 督办函 as it is printed: number, title, addressee, body paragraphs, signer and date. */
export interface SupervisionLetter {
  number: string;
  title: string;
  addressee: string;
  paragraphs: string[];
  signer: string;
  date: string;
}

/**
 * The 督办函 for an overdue item: addressed to the unit (and its 包联领导), saying what was assigned when, the deadline
 * missed and by how much, what was last reported, and by when to answer.
 */
export function supervisionLetter(f: LetterFacts): SupervisionLetter {
  const addressee = [f.unitName, f.leaderName ? `${f.leaderName}同志` : null].filter(Boolean).join('、') || '责任单位';
  const subject = f.projectName ? `${f.projectName}：${f.title}` : f.title;
  const paragraphs = [
    `${dayLabel(f.assignedOn, true)}交办的督办事项“${subject}”（${ITEM_SOURCE_LABELS[f.source]}，${ITEM_LEVEL_LABELS[f.level]}事项），` +
      `按照“13710”工作要求应于${dayLabel(f.missed.due, true)}前${DEADLINE_LABELS[f.missed.kind]}，截至${dayLabel(f.issuedOn, true)}已逾期${f.daysLate}天，` +
      `仍未${f.missed.kind === 'solve' ? '办结销号' : '反馈办理情况'}。`,
  ];
  if (f.description && f.description !== f.title) paragraphs.push(`事项内容：${f.description}`);
  paragraphs.push(
    f.latestProgress
      ? `最近一次反馈（${dayLabel(f.latestProgress.on, true)}）：${f.latestProgress.note}`
      : '交办以来，责任单位未反馈办理情况。',
  );
  paragraphs.push(
    `请${f.leaderName ? `${f.leaderName}同志督促` : ''}${f.unitName ?? '责任单位'}于${dayLabel(f.answerBy, true)}前办结并书面反馈办理结果；` +
      '确实无法按期办结的，说明原因，提出解决的时间节点和方案，做到事事有着落、件件有结果。',
  );
  return { number: f.number, title: '督办函', addressee: `${addressee}：`, paragraphs, signer: `${f.countyName}人民政府督查室`, date: dayLabel(f.issuedOn, true) };
}
