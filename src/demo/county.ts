// The demo county 襄垣县 as of May 2021: its code and month, the accounts the sign-in page lists, its 三个一批 events. Sources quoted in docs/sources.md.

import type { Role } from '../domain/access.ts';

export const DEMO_REGION = '140423';
export const DEMO_AS_OF = '2021-05';

/** One account of the demo; the sign-in page lists them, so the password is public on purpose. */
export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
  displayName: string;
  unitName?: string;
  leaderName?: string;
  note: string;
}

/** The password of every demo account, listed on the sign-in page. */
export const DEMO_PASSWORD = 'demo1234';

export const DEMO_ACCOUNTS = [
  {
    username: 'admin', password: DEMO_PASSWORD, role: 'admin', displayName: '襄垣县管理员',
    note: '管理员：管理账号、单位和包联领导，可查看和修改全县数据',
  },
  {
    username: 'dispatcher', password: DEMO_PASSWORD, role: 'dispatcher', displayName: '县发改局调度员', unitName: '发展和改革局',
    note: '调度员（县发展和改革局）：维护项目库，组织月报、审核填报，生成分析和总结',
  },
  {
    username: 'reporter', password: DEMO_PASSWORD, role: 'reporter', displayName: '古韩镇填报员', unitName: '古韩镇人民政府',
    note: '填报员（古韩镇人民政府）：填报本镇负责项目的月度投资和进度',
  },
  {
    username: 'reporter-zone', password: DEMO_PASSWORD, role: 'reporter', displayName: '经开区填报员', unitName: '襄垣经济技术开发区管委会',
    note: '填报员（襄垣经济技术开发区管委会）：填报经开区负责项目的月度投资和进度',
  },
  {
    username: 'leader', password: DEMO_PASSWORD, role: 'leader', displayName: '李宏伟', leaderName: '李宏伟',
    note: '包联领导（县委常委、常务副县长）：查看包联项目及其问题和预警',
  },
  {
    username: 'viewer', password: DEMO_PASSWORD, role: 'viewer', displayName: '县政府办查看', note: '查看者：只读查看全县项目库和分析',
  },
] as const satisfies readonly DemoAccount[];

/** 三个一批 of 2021 as the pool report reports them. */
export const DEMO_BATCHES = [
  { heldOn: '2021-01-01', title: '第一批项目集中开工现场会' },
  { heldOn: '2021-03-22', title: '第二批项目集中开工仪式' },
] as const;


/** The year of the demo's pool. */
export const DEMO_YEAR = 2021;
