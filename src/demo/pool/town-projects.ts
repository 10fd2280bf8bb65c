// The small public works every town carries in a county pool (farmland, water, clinics, schools), as name templates.

import type { DemoCategory, DemoChain, DemoTown, ProjectKind } from './types.ts';

/** A kind of town project; its name is 襄垣县 + the town + the label. */
export interface TownTemplate extends ProjectKind {
  chain: DemoChain;
  category: DemoCategory;
  /** The builder: 'town' for the town's government, 'clinic' for its 卫生院, else a county body by name. */
  owner: string;
  /** The department answering for it; the town's office when absent. */
  unit?: string;
  /** Towns where it makes no sense (the county seat has no 高标准农田 to speak of). */
  notIn?: readonly DemoTown[];
}

export const TOWN_TEMPLATES: readonly TownTemplate[] = [
  {
    label: '高标准农田建设项目', chain: '现代农业', category: '基础设施', industry: '01', construction: 'new', size: [600, 1_800],
    owner: '襄垣县农业农村局', notIn: ['古韩镇'],
  },
  {
    label: '农村人居环境整治提升项目', chain: '城乡基础设施', category: '生态环保', industry: '77', construction: 'renovation',
    size: [300, 1_200], owner: 'town',
  },
  {
    label: '卫生院改扩建项目', chain: '社会民生', category: '民生项目', industry: '84', construction: 'expansion', size: [400, 1_200],
    owner: 'clinic', unit: '卫生健康局', notIn: ['古韩镇'],
  },
  {
    label: '中心学校教学楼建设项目', chain: '社会民生', category: '民生项目', industry: '83', construction: 'new', size: [600, 2_000],
    owner: '襄垣县教育局', unit: '教育局',
  },
  {
    label: '农村饮水安全巩固提升工程', chain: '城乡基础设施', category: '基础设施', industry: '46', construction: 'renovation',
    size: [300, 1_000], owner: '襄垣县水利局',
  },
  {
    label: '乡村振兴示范区建设项目', chain: '现代农业', category: '产业项目', industry: '01', construction: 'new', size: [800, 3_000],
    owner: 'town', notIn: ['古韩镇'],
  },
  {
    label: '农村生活污水治理工程', chain: '城乡基础设施', category: '生态环保', industry: '46', construction: 'new', size: [500, 1_800],
    owner: 'town',
  },
  {
    label: '日间照料中心建设项目', chain: '社会民生', category: '民生项目', industry: '85', construction: 'new', size: [150, 400],
    owner: 'town',
  },
  {
    label: '村级光伏电站建设项目', chain: '新能源', category: '产业项目', industry: '44', construction: 'new', size: [200, 800],
    owner: 'town', notIn: ['古韩镇'],
  },
  {
    label: '镇区道路及排水改造工程', chain: '城乡基础设施', category: '基础设施', industry: '48', construction: 'renovation',
    size: [500, 2_000], owner: 'town', notIn: ['古韩镇'],
  },
  {
    label: '农村公路提质改造工程', chain: '城乡基础设施', category: '基础设施', industry: '48', construction: 'renovation',
    size: [400, 1_500], owner: '襄垣县交通运输局',
  },
  {
    label: '设施农业产业园建设项目', chain: '现代农业', category: '产业项目', industry: '01', construction: 'new', size: [1_000, 4_000],
    owner: 'town', notIn: ['古韩镇'], land: [100, 400],
  },
];

/** The nine towns, the county seat first. */
export const TOWNS: readonly Exclude<DemoTown, '经开区'>[] = [
  '古韩镇', '王桥镇', '侯堡镇', '夏店镇', '虒亭镇', '西营镇', '王村镇', '下良镇', '善福镇',
];
