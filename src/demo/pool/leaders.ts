// The demo county's leaders (县处级领导, fictitious names) and who is 链长 of which chain and 包联 which town.

import type { DemoChain, DemoTown } from './types.ts';

export interface DemoLeader {
  name: string;
  title: string;
}

/** In protocol order, which is also the order the leader list shows them. */
export const DEMO_LEADERS: readonly DemoLeader[] = [
  { name: '刘建平', title: '县委书记' },
  { name: '王志强', title: '县委副书记、县长' },
  { name: '赵文斌', title: '县委副书记' },
  { name: '李宏伟', title: '县委常委、常务副县长' },
  { name: '张海峰', title: '县委常委、经开区党工委书记' },
  { name: '郭晓东', title: '县委常委、副县长' },
  { name: '陈丽娟', title: '副县长' },
  { name: '孙建国', title: '副县长' },
  { name: '牛向东', title: '副县长' },
  { name: '史红梅', title: '副县长' },
  { name: '任志刚', title: '县人大常委会副主任' },
  { name: '郝俊峰', title: '县政协副主席' },
];

/** 链长: each chain's leader, who also takes most of its projects. */
export const CHAIN_LEADERS: Record<DemoChain, string> = {
  煤焦化: '王志强',
  精细化工: '刘建平',
  固废综合利用: '李宏伟',
  装备制造: '郭晓东',
  新能源: '史红梅',
  新材料: '张海峰',
  文旅康养: '陈丽娟',
  现代农业: '孙建国',
  现代物流: '赵文斌',
  城乡基础设施: '牛向东',
  社会民生: '陈丽娟',
};

/** 包联乡镇: the leader who answers for a town's projects when no chain leader takes them. */
export const TOWN_LEADERS: Record<DemoTown, string> = {
  古韩镇: '牛向东',
  王桥镇: '张海峰',
  侯堡镇: '李宏伟',
  夏店镇: '任志刚',
  虒亭镇: '赵文斌',
  西营镇: '郝俊峰',
  王村镇: '孙建国',
  下良镇: '陈丽娟',
  善福镇: '史红梅',
  经开区: '张海峰',
};

/** Projects this large are taken by the county's two principal leaders. */
export const PRINCIPALS = ['刘建平', '王志强'] as const;
