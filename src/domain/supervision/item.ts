// A supervision item (督办事项): its kinds, levels, sources and statuses, and who may move it how — each rule a small
// function that returns the reason it refuses, so the API, the command line and the web say the same words.

export const ITEM_KINDS = ['problem', 'task'] as const;
/** 问题 (raised by a unit, a leader or a meeting) or 任务 (from a work report's task list). */
export type ItemKind = (typeof ITEM_KINDS)[number];
export const ITEM_KIND_LABELS: Record<ItemKind, string> = { problem: '问题', task: '任务' };

export const ITEM_LEVELS = ['ordinary', 'major'] as const;
/** 一般 items are solved within 7 days, 重大 ones within 30 or by a dated plan. */
export type ItemLevel = (typeof ITEM_LEVELS)[number];
export const ITEM_LEVEL_LABELS: Record<ItemLevel, string> = { ordinary: '一般', major: '重大' };

export const ITEM_SOURCES = ['report', 'leader', 'meeting', 'workReport', 'other'] as const;
/** Where an item came from: a unit's monthly report, a leader, a dispatch meeting, the government work report. */
export type ItemSource = (typeof ITEM_SOURCES)[number];
export const ITEM_SOURCE_LABELS: Record<ItemSource, string> = {
  report: '月报反映',
  leader: '领导交办',
  meeting: '调度会议',
  workReport: '政府工作报告',
  other: '其他',
};

export const ITEM_STATUSES = ['raised', 'assigned', 'received', 'inProgress', 'closeRequested', 'returned', 'closed'] as const;
/**
 * 待交办 (a problem a report raised, waiting for the dispatcher) → 已交办 → 已签收 → 办理中 → 申请销号 → 已销号, or
 * 已退回 to the unit when the dispatcher does not accept the close-out; a closed item is reopened to 已交办 if it recurs.
 */
export type ItemStatus = (typeof ITEM_STATUSES)[number];
export const ITEM_STATUS_LABELS: Record<ItemStatus, string> = {
  raised: '待交办',
  assigned: '已交办',
  received: '已签收',
  inProgress: '办理中',
  closeRequested: '申请销号',
  returned: '已退回',
  closed: '已销号',
};

/** Every status but 已销号: the item is still followed. */
export function isOpenStatus(status: ItemStatus): boolean {
  return status !== 'closed';
}

export const ITEM_ACTIONS = ['assign', 'receive', 'progress', 'setPlan', 'requestClose', 'close', 'return', 'extend', 'reopen', 'instruct', 'edit'] as const;
/** What a person does to an item; each is one event in its history. */
export type ItemAction = (typeof ITEM_ACTIONS)[number];
export const ITEM_ACTION_LABELS: Record<ItemAction, string> = {
  assign: '交办',
  receive: '签收',
  progress: '反馈进展',
  setPlan: '报送解决计划',
  requestClose: '申请销号',
  close: '销号',
  return: '退回',
  extend: '延期',
  reopen: '重新打开',
  instruct: '批示',
  edit: '修改',
};

export const ITEM_EVENT_KINDS = ['raised', ...ITEM_ACTIONS, 'reminded', 'letter', 'meeting'] as const;
/** An entry of an item's history: an action, its raising, or an escalation the timer made (提醒, 督办函, 上会). */
export type ItemEventKind = (typeof ITEM_EVENT_KINDS)[number];
export const ITEM_EVENT_LABELS: Record<ItemEventKind, string> = {
  raised: '提出',
  ...ITEM_ACTION_LABELS,
  reminded: '逾期提醒',
  letter: '督办函',
  meeting: '列入调度会',
};

/** Who acts on an item: the dispatcher who keeps the board, the responsible unit, or a leader. */
export type ItemRole = 'dispatcher' | 'unit' | 'leader';

/** What the rules need to know of an item. */
export interface ItemState {
  status: ItemStatus;
  level: ItemLevel;
}

const WHO: Record<ItemAction, readonly ItemRole[]> = {
  assign: ['dispatcher'],
  receive: ['dispatcher', 'unit'],
  progress: ['dispatcher', 'unit'],
  setPlan: ['dispatcher', 'unit'],
  requestClose: ['dispatcher', 'unit'],
  close: ['dispatcher'],
  return: ['dispatcher'],
  extend: ['dispatcher'],
  reopen: ['dispatcher'],
  instruct: ['dispatcher', 'leader'],
  edit: ['dispatcher'],
};

const ROLE_WORDS: Record<ItemRole, string> = { dispatcher: '调度员', unit: '责任单位', leader: '包联领导' };

// The statuses in which the unit works on an item: after assignment and before the close-out is asked for.
const WORKING: readonly ItemStatus[] = ['assigned', 'received', 'inProgress', 'returned'];

/** Why the role may not take the action at all (it is another's part), or null. */
export function actionRoleRefusal(action: ItemAction, role: ItemRole): string | null {
  return WHO[action].includes(role) ? null : `${ITEM_ACTION_LABELS[action]}由${WHO[action].map((r) => ROLE_WORDS[r]).join('或')}办理`;
}

/** Why an action cannot be taken in the item's status, whoever asks; null when the status allows it. */
export function actionStatusRefusal(action: ItemAction, s: ItemState): string | null {
  if (action === 'instruct') return null;
  if (s.status === 'closed' && action !== 'reopen') return '该事项已销号；如问题复发，请由调度员重新打开';
  if (s.status === 'raised' && action !== 'assign' && action !== 'edit') return '该事项尚未交办';
  switch (action) {
    case 'assign':
      return s.status === 'raised' ? null : '该事项已交办';
    case 'receive':
      return s.status === 'assigned' ? null : '该事项已签收';
    case 'progress':
    case 'requestClose':
      return WORKING.includes(s.status) ? null : '已申请销号，等待调度员审核';
    case 'setPlan':
      if (s.level !== 'major') return '一般事项应在7日内解决，不另定解决计划；重大事项可报送解决计划';
      return WORKING.includes(s.status) ? null : '已申请销号，等待调度员审核';
    case 'close':
    case 'return':
      return s.status === 'closeRequested' ? null : '责任单位尚未申请销号';
    case 'extend':
    case 'edit':
      return null;
    case 'reopen':
      return s.status === 'closed' ? null : '该事项尚未销号，无需重新打开';
  }
}

/**
 * Why `role` may not take `action` on an item now, in words for the person; null when allowed.
 * @example itemActionRefusal('close', { status: 'inProgress', level: 'ordinary' }, 'dispatcher') === '责任单位尚未申请销号'
 */
export function itemActionRefusal(action: ItemAction, item: ItemState, role: ItemRole): string | null {
  return actionRoleRefusal(action, role) ?? actionStatusRefusal(action, item);
}

/** The status an action leaves the item in. */
export function statusAfter(action: ItemAction, status: ItemStatus): ItemStatus {
  switch (action) {
    case 'assign':
    case 'reopen':
      return 'assigned';
    case 'receive':
      return 'received';
    case 'progress':
      return 'inProgress';
    case 'requestClose':
      return 'closeRequested';
    case 'close':
      return 'closed';
    case 'return':
      return 'returned';
    case 'setPlan':
    case 'extend':
    case 'instruct':
    case 'edit':
      return status;
  }
}

/** The actions the role could take on the item now, in the order a page offers them. */
export function availableActions(item: ItemState, role: ItemRole): ItemAction[] {
  return ITEM_ACTIONS.filter((a) => itemActionRefusal(a, item, role) === null);
}

/** Every field of an item as the domain sees it (days 'YYYY-MM-DD', instants ISO). */
export interface SupervisionItem {
  id: string;
  /** The county's code. */
  regionCode: string;
  kind: ItemKind;
  title: string;
  description: string | null;
  source: ItemSource;
  /** The monthly report that raised it, for a problem from a report. */
  sourceReportId: string | null;
  level: ItemLevel;
  status: ItemStatus;
  projectId: string | null;
  unitId: string | null;
  leaderId: string | null;
  taskList: string | null;
  measures: string | null;
  raisedOn: string;
  raisedAt: string;
  raisedBy: string | null;
  assignedOn: string | null;
  assignedBy: string | null;
  feedbackOn: string | null;
  dueOn: string | null;
  planDue: string | null;
  planText: string | null;
  extendedDue: string | null;
  closeRequestedOn: string | null;
  closedOn: string | null;
  closedBy: string | null;
  reopenedCount: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}
