// The stage changes a monthly report may carry (开工, 复工, 停工, 竣工, 投产): where each leads and which date it sets.

import { invalidInput, type FieldIssue } from '../errors.ts';
import { isDay, lastDayOfMonth, monthNumber, monthYear, type Day, type Month } from '../months.ts';
import { STAGE_LABELS, type Stage } from '../project/project.ts';

export const STAGE_EVENTS = ['started', 'resumed', 'suspended', 'completed', 'operating'] as const;
export type StageEvent = (typeof STAGE_EVENTS)[number];

export const STAGE_EVENT_LABELS: Record<StageEvent, string> = {
  started: '开工',
  resumed: '复工',
  suspended: '停工',
  completed: '竣工',
  operating: '投产',
};

/** The stage a project is in after each event. */
export const STAGE_EVENT_STAGE = {
  started: 'underway',
  resumed: 'underway',
  suspended: 'suspended',
  completed: 'completed',
  operating: 'operating',
} as const satisfies Record<StageEvent, Stage>;

/** The date field each event sets: a project milestone, or for 复工 the year's `resumedOn` (复工 is yearly). */
export const STAGE_EVENT_DATE_FIELD = {
  started: 'startedOn',
  resumed: 'resumedOn',
  suspended: 'suspendedOn',
  completed: 'completedOn',
  operating: 'operatingOn',
} as const satisfies Record<StageEvent, string>;

/** A stage change as a report carries it: what happened, and on which day. */
export interface StageEventEntry {
  event: StageEvent;
  on: Day;
}

/** The stage and the dates a report's events can change; `resumedOn` is the report year's. */
export interface StageState {
  stage: Stage;
  startedOn: Day | null;
  suspendedOn: Day | null;
  completedOn: Day | null;
  operatingOn: Day | null;
  resumedOn: Day | null;
}

// planned < preparing < signed < underway < completed < operating; 停工 sits beside 在建.
const STAGE_RANK: Record<Exclude<Stage, 'cancelled'>, number> = {
  planned: 0,
  preparing: 1,
  signed: 2,
  underway: 3,
  suspended: 3,
  completed: 4,
  operating: 5,
};

/**
 * Whether an event would take a project back along planned < preparing < signed < underway <
 * completed < operating, with suspended beside underway. Skipping forward is not backwards
 * (竣工 on a planned project), nor is moving between underway and suspended (停工, 复工).
 * 开工 on a completed project is backwards; so is any event on a cancelled project, which only the
 * dispatcher revives.
 * @example stageGoesBackwards('completed', 'started') === true
 * @example stageGoesBackwards('underway', 'suspended') === false
 */
export function stageGoesBackwards(current: Stage, event: StageEvent): boolean {
  if (current === 'cancelled') return true;
  return STAGE_RANK[STAGE_EVENT_STAGE[event]] < STAGE_RANK[current];
}

/** Events in date order; events of the same day keep the order they were given in. */
export function sortStageEvents<T extends StageEventEntry>(events: readonly T[]): T[] {
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.on < b.e.on ? -1 : a.e.on > b.e.on ? 1 : a.i - b.i))
    .map(({ e }) => e);
}

/**
 * The stage and dates after a month's report: each event, in date order, moves the project to its
 * stage and sets its date. An event may be dated in an earlier month (a start reported late) but not
 * after the end of the report's month: a report tells what happened up to the month's end, and a
 * later event belongs to the next month's report. Refuses bad dates with `invalid_input`, one detail
 * per event, field `stageEvents.<i>.on` (the index as given). Backwards moves are applied — the
 * dispatcher is warned by the report's flags, not stopped.
 */
export function applyStageEvents(current: StageState, events: readonly StageEventEntry[], month: Month): StageState {
  const end = lastDayOfMonth(month);
  const issues: FieldIssue[] = [];
  events.forEach((e, i) => {
    const field = `stageEvents.${i}.on`;
    const label = STAGE_EVENT_LABELS[e.event];
    if (!isDay(e.on)) {
      issues.push({ field, message: `${label}日期“${e.on}”不是有效日期` });
    } else if (e.on > end) {
      issues.push({
        field,
        message: `${label}日期${e.on}晚于${monthYear(month)}年${monthNumber(month)}月月末；本月月报只报到月末为止发生的情况，请在下月月报中填报`,
      });
    }
  });
  if (issues.length > 0) throw invalidInput(issues);

  const next: StageState = { ...current };
  for (const e of sortStageEvents(events)) {
    next.stage = STAGE_EVENT_STAGE[e.event];
    next[STAGE_EVENT_DATE_FIELD[e.event]] = e.on;
  }
  return next;
}

/** "项目阶段为“竣工”，本月又报开工（2021-05-10）": a backwards event as the dispatcher reads it. */
export function backwardsEventText(current: Stage, entry: StageEventEntry): string {
  return `项目阶段为“${STAGE_LABELS[current]}”，本月又报${STAGE_EVENT_LABELS[entry.event]}（${entry.on}）`;
}
