// The columns of a project ledger (台账): the canonical header a county prints, the spellings people use for it,
// and the project field it carries. Import, export and the template all read this one list.

/** What a cell holds, which decides how it is read and written. */
export type LedgerValueKind =
  | 'text'
  | 'money' // 万元 by default, or in the unit the header or a line above the table names
  | 'date'
  | 'area' // 亩
  | 'phase' // 续建 / 复工 / 结转 / 新建 / 新开工 / 储备
  | 'constructionType'
  | 'stage'
  | 'statsEntry'
  | 'approvalKind'
  | 'township' // a township or zone of the county, short or long name
  | 'unit' // a responsible unit, by name
  | 'leader' // one leader or several, by name
  | 'yesNo' // 是 / 否
  | 'keyLevel' // 省重点 / 市重点 / 县重点
  | 'industry'
  | 'sequence'; // 序号: written on export, ignored on import

export type LedgerColumnKey =
  | 'seq'
  | 'name'
  | 'projectCode'
  | 'owner'
  | 'township'
  | 'industry'
  | 'chain'
  | 'phase'
  | 'constructionType'
  | 'category'
  | 'stage'
  | 'totalInvestment'
  | 'annualPlan'
  | 'completedYtd'
  | 'completedSinceStart'
  | 'completedBeforeYear'
  | 'signedOn'
  | 'landSuppliedOn'
  | 'permitOn'
  | 'startedOn'
  | 'resumedOn'
  | 'suspendedOn'
  | 'completedOn'
  | 'operatingOn'
  | 'started'
  | 'statsEntry'
  | 'approvalKind'
  | 'keyLevel'
  | 'progressNote'
  | 'leader'
  | 'unit'
  | 'landArea'
  | 'notes';

export interface LedgerColumn {
  key: LedgerColumnKey;
  /** The header tiaodu prints and the template offers. `{year}` and `{period}` (1-6月) are filled in. */
  header: string;
  /** Other spellings met in real ledgers, compared after normalising brackets, spaces, units and years. */
  synonyms: readonly string[];
  kind: LedgerValueKind;
  /** Column width in characters for export. */
  width: number;
  /** What the column means, for the template's explanation sheet. */
  help: string;
  /** Under which two-row group header the column is printed, if any. */
  group?: '投资情况' | '时间节点';
}

export const LEDGER_COLUMNS: readonly LedgerColumn[] = [
  { key: 'seq', header: '序号', synonyms: ['编号', '序'], kind: 'sequence', width: 6, help: '行号，导入时忽略' },
  { key: 'name', header: '项目名称', synonyms: ['项目', '项目名'], kind: 'text', width: 36, help: '必填' },
  { key: 'projectCode', header: '项目代码', synonyms: ['统一项目代码', '项目统一代码', '全国投资项目在线审批监管平台代码'], kind: 'text', width: 28, help: '全国投资项目在线审批监管平台的24位代码，如 2103-140423-04-01-523618；谋划项目可空' },
  { key: 'owner', header: '建设单位', synonyms: ['业主单位', '项目单位', '项目业主', '建设主体', '业主', '业主/项目单位', '项目业主单位', '项目建设单位', '实施单位', '项目实施单位'], kind: 'text', width: 26, help: '项目的建设单位或业主' },
  { key: 'township', header: '所在乡镇', synonyms: ['建设地点', '乡镇', '所属乡镇', '乡镇（园区）', '所在乡镇（园区）'], kind: 'township', width: 14, help: '本县的乡镇或园区，可写简称（古韩、经开区）' },
  { key: 'industry', header: '所属行业', synonyms: ['行业', '国民经济行业', '行业分类'], kind: 'industry', width: 12, help: 'GB/T 4754 门类字母或大类两位代码，或其名称' },
  { key: 'chain', header: '产业链', synonyms: ['所属产业链', '产业链条'], kind: 'text', width: 12, help: '如 煤焦化、精细化工、新能源' },
  { key: 'phase', header: '项目性质', synonyms: ['年度性质', '续建/新建', '续建新建'], kind: 'phase', width: 10, help: '续建（复工、结转）、新建（新开工）或储备；也可由“一、续建项目”这样的分段行给出' },
  { key: 'constructionType', header: '建设性质', synonyms: ['建设类型'], kind: 'constructionType', width: 10, help: '新建、扩建、改建、技术改造、迁建（写续建/新开工时视为项目性质）' },
  { key: 'category', header: '项目类别', synonyms: ['类别', '项目分类'], kind: 'text', width: 12, help: '如 产业项目、基础设施、民生项目、生态环保' },
  { key: 'stage', header: '项目状态', synonyms: ['进展阶段', '项目阶段', '当前阶段', '建设状态'], kind: 'stage', width: 12, help: '谋划、前期、签约、已开工/在建/已复工、停工、竣工、已投产、撤销' },
  { key: 'keyLevel', header: '层次', synonyms: ['项目层次', '重点层次', '项目级别', '重点项目层次'], kind: 'keyLevel', width: 8, help: '省重点、市重点或县重点' },
  { key: 'totalInvestment', header: '总投资', synonyms: ['计划总投资', '项目总投资', '总投资额'], kind: 'money', width: 14, help: '默认单位万元；表头或表上方写明亿元时按亿元', group: '投资情况' },
  { key: 'annualPlan', header: '{year}年计划投资', synonyms: ['年度计划投资', '本年计划', '年度计划', '本年度计划投资', '年计划投资', '本年计划投资', '计划投资额', '2000年度计划投资额', '年度计划投资额', '年度投资计划', '本年计划投资额'], kind: 'money', width: 14, help: '当年计划完成投资', group: '投资情况' },
  { key: 'completedYtd', header: '{period}完成投资', synonyms: ['本年累计完成', '年初至今完成', '本年累计完成投资', '年初至今完成投资', '累计完成投资（本年）'], kind: 'money', width: 14, help: '当年1月至截至月的累计完成投资；表头中的“1-6月”给出截至月份', group: '投资情况' },
  { key: 'completedSinceStart', header: '开工累计完成投资', synonyms: ['开工以来累计完成', '自开工累计完成投资', '累计完成投资'], kind: 'money', width: 14, help: '自开工以来累计完成投资（含以前年度）', group: '投资情况' },
  { key: 'completedBeforeYear', header: '至上年底累计完成投资', synonyms: ['截至上年底累计完成投资', '至上年底完成投资', '上年底累计完成投资', '至2000年底累计完成投资', '截至2000年底累计完成投资', '以前年度累计完成投资', '往年累计完成投资'], kind: 'money', width: 14, help: '上年底以前累计完成的投资（不含本年）', group: '投资情况' },
  { key: 'signedOn', header: '签约时间', synonyms: ['签约日期'], kind: 'date', width: 12, help: '日期，可写 2022-05-10、2022年3月、2022.4', group: '时间节点' },
  { key: 'landSuppliedOn', header: '供地时间', synonyms: ['供地日期'], kind: 'date', width: 12, help: '日期', group: '时间节点' },
  { key: 'permitOn', header: '施工许可时间', synonyms: ['施工许可日期', '施工许可证时间'], kind: 'date', width: 12, help: '日期', group: '时间节点' },
  { key: 'startedOn', header: '开工时间', synonyms: ['实际开工时间', '开工日期'], kind: 'date', width: 12, help: '日期', group: '时间节点' },
  { key: 'resumedOn', header: '复工时间', synonyms: ['复工日期', '本年复工时间'], kind: 'date', width: 12, help: '续建项目本年复工的日期', group: '时间节点' },
  { key: 'suspendedOn', header: '停工时间', synonyms: ['停工日期'], kind: 'date', width: 12, help: '日期（停工项目）', group: '时间节点' },
  { key: 'completedOn', header: '竣工时间', synonyms: ['竣工日期', '建成时间'], kind: 'date', width: 12, help: '日期', group: '时间节点' },
  { key: 'operatingOn', header: '投产时间', synonyms: ['投产日期'], kind: 'date', width: 12, help: '日期', group: '时间节点' },
  { key: 'started', header: '是否开工', synonyms: ['是否已开工', '开工情况', '是否开（复）工', '是否开复工', '是否复工'], kind: 'yesNo', width: 8, help: '是/否：截至月份是否已开工（续建项目为是否已复工）；写“是”而无开工时间的，按截至月份记开工' },
  { key: 'statsEntry', header: '是否入库', synonyms: ['入库情况', '入库状态'], kind: 'statsEntry', width: 10, help: '是/否，或 已入库、已报送、材料准备中、不予入库' },
  { key: 'approvalKind', header: '审批类型', synonyms: ['审批/核准/备案', '立项方式'], kind: 'approvalKind', width: 10, help: '审批、核准或备案' },
  { key: 'leader', header: '包联领导', synonyms: ['县级包联领导', '联系领导', '包联县领导', '县级领导'], kind: 'leader', width: 10, help: '县处级包联领导姓名；几位领导用顿号分开（王志强、许波）；本县还没有的领导导入时新建' },
  { key: 'unit', header: '责任单位', synonyms: ['牵头单位', '责任部门'], kind: 'unit', width: 18, help: '本县责任单位，全称或通常的简称（县发改局、经开区管委会）；本县还没有的单位导入时新建' },
  { key: 'landArea', header: '用地面积（亩）', synonyms: ['占地面积', '用地面积', '占地（亩）'], kind: 'area', width: 10, help: '亩' },
  { key: 'progressNote', header: '形象进度', synonyms: ['工程形象进度', '项目进展情况', '进展情况', '建设进度', '目前进展', '项目进展', '形象进度情况'], kind: 'text', width: 30, help: '文字说明，照录，不用于判断项目状态' },
  { key: 'notes', header: '备注', synonyms: ['说明'], kind: 'text', width: 24, help: '' },
];

/** The canonical header of a column for a year and as-of month: 2022年计划投资, 1-6月完成投资. */
export function columnHeader(column: LedgerColumn, year: number, periodLabel: string): string {
  return column.header.replace('{year}', String(year)).replace('{period}', periodLabel);
}
