// The demo's builders (业主) and the kinds of project each builds: the generator pairs them into plausible names. Sources quoted in docs/sources.md.

import type { DemoCategory, DemoChain, DemoTown, ProjectKind } from './types.ts';

/** What a kind of owner builds; one list serves every owner of that kind. */
export interface OwnerTrade {
  chain: DemoChain;
  category: DemoCategory;
  kinds: readonly ProjectKind[];
  /** Public bodies: their projects are 审批, never signed as investment deals. */
  gov?: boolean;
  /** County bodies name their projects after the county (襄垣县城区…), companies after themselves. */
  nameStyle?: 'county';
  /** The department that answers for the trade's projects; the town office when absent. */
  unit?: string;
  /** Works spread over the county (roads, rivers): no one town. */
  countyWide?: boolean;
}

const k = (
  label: string,
  industry: string,
  construction: ProjectKind['construction'],
  size: readonly [number, number],
  land?: readonly [number, number],
  category?: DemoCategory,
): ProjectKind => ({ label, industry, construction, size, ...(land ? { land } : {}), ...(category ? { category } : {}) });

export const TRADES = {
  coalMine: {
    chain: '煤焦化', category: '产业项目', unit: '能源局',
    kinds: [
      k('智能化综采工作面建设项目', '06', 'technicalUpgrade', [3_000, 12_000]),
      k('矿井智能化改造项目', '06', 'technicalUpgrade', [5_000, 20_000]),
      k('选煤厂智能化改造项目', '06', 'technicalUpgrade', [2_000, 8_000]),
      k('储煤场全封闭改造工程', '06', 'renovation', [1_500, 5_000], undefined, '生态环保'),
      k('矿井水深度处理及综合利用项目', '06', 'technicalUpgrade', [1_200, 4_000], undefined, '生态环保'),
      k('瓦斯抽采利用发电项目', '44', 'new', [3_000, 9_000]),
      k('矸石充填开采系统建设项目', '06', 'technicalUpgrade', [4_000, 15_000]),
    ],
  },
  coking: {
    chain: '煤焦化', category: '产业项目', unit: '工业和信息化局',
    kinds: [
      k('干熄焦及余热发电项目', '25', 'technicalUpgrade', [12_000, 30_000]),
      k('焦化废水深度处理回用项目', '25', 'technicalUpgrade', [2_500, 8_000], undefined, '生态环保'),
      k('原料煤全封闭储煤棚建设项目', '25', 'renovation', [2_000, 6_000], undefined, '生态环保'),
      k('焦炉煤气制LNG项目', '45', 'new', [20_000, 50_000], [60, 120]),
      k('智能化焦炉控制系统改造项目', '25', 'technicalUpgrade', [1_500, 5_000]),
      k('焦炉煤气综合利用项目', '45', 'new', [15_000, 40_000], [40, 90]),
    ],
  },
  chemical: {
    chain: '精细化工', category: '产业项目', unit: '工业和信息化局',
    kinds: [
      k('粗苯精制项目', '26', 'new', [15_000, 40_000], [60, 150]),
      k('年产5万吨碳酸二甲酯项目', '26', 'new', [30_000, 80_000], [80, 200]),
      k('甲醇制精细化学品项目', '26', 'new', [20_000, 60_000], [60, 160]),
      k('环保溶剂油项目', '25', 'new', [10_000, 30_000], [40, 100]),
      k('硫磺回收装置改造项目', '26', 'technicalUpgrade', [2_000, 6_000], undefined, '生态环保'),
      k('危化品罐区安全提升改造项目', '26', 'technicalUpgrade', [1_000, 4_000]),
      k('VOCs综合治理项目', '26', 'technicalUpgrade', [800, 3_000], undefined, '生态环保'),
      k('煤焦油加氢制环烷基油项目', '25', 'new', [20_000, 50_000], [60, 140]),
    ],
  },
  solidWaste: {
    chain: '固废综合利用', category: '产业项目',
    kinds: [
      k('粉煤灰制备加气混凝土砌块项目', '30', 'new', [3_000, 10_000], [30, 80]),
      k('脱硫石膏制备纸面石膏板项目', '30', 'new', [5_000, 15_000], [40, 100]),
      k('工业固废制备陶粒项目', '30', 'new', [4_000, 12_000], [30, 90]),
      k('建筑垃圾资源化利用项目', '42', 'new', [2_000, 6_000], [20, 60], '生态环保'),
      k('气化渣综合利用示范项目', '42', 'new', [6_000, 18_000], [40, 100]),
      k('固废基充填材料生产线项目', '42', 'new', [3_000, 9_000], [20, 60]),
      k('煤矸石烧结多孔砖项目', '30', 'new', [2_500, 8_000], [20, 60]),
      k('工业固废制备路基材料项目', '42', 'new', [2_000, 6_000], [15, 40]),
    ],
  },
  machinery: {
    chain: '装备制造', category: '产业项目',
    kinds: [
      k('矿用智能装备生产线项目', '35', 'new', [8_000, 30_000], [40, 120]),
      k('煤机配件精密加工项目', '35', 'new', [3_000, 10_000], [20, 60]),
      k('掘进机配件生产线项目', '35', 'new', [3_000, 9_000], [20, 50]),
      k('电机维修及再制造项目', '43', 'new', [1_500, 5_000], [10, 30]),
      k('数字化车间建设项目', '34', 'technicalUpgrade', [2_000, 8_000]),
      k('矿用液压支架生产线项目', '35', 'new', [6_000, 18_000], [30, 80]),
    ],
  },
  steel: {
    chain: '装备制造', category: '产业项目',
    kinds: [
      k('钢结构件加工生产线项目', '33', 'new', [3_000, 12_000], [30, 80]),
      k('装配式建筑构件生产基地项目', '30', 'new', [8_000, 20_000], [60, 150]),
      k('智能化焊接生产线技改项目', '33', 'technicalUpgrade', [1_200, 4_000]),
    ],
  },
  wheels: {
    chain: '装备制造', category: '产业项目',
    kinds: [
      k('轮毂智能化涂装生产线技改项目', '36', 'technicalUpgrade', [3_000, 9_000]),
      k('轮毂旋压生产线扩建项目', '36', 'expansion', [5_000, 15_000], [20, 60]),
      k('研发检测中心建设项目', '73', 'new', [1_500, 4_000]),
    ],
  },
  lighting: {
    chain: '装备制造', category: '产业项目',
    kinds: [
      k('矿用防爆灯具生产线项目', '38', 'new', [1_500, 5_000], [10, 30]),
      k('智慧路灯控制系统生产线项目', '38', 'new', [1_200, 4_000]),
    ],
  },
  solar: {
    chain: '新能源', category: '产业项目', unit: '能源局',
    kinds: [
      k('50MW光伏发电项目', '44', 'new', [18_000, 24_000], [1_200, 1_600]),
      k('分布式光伏发电项目', '44', 'new', [800, 3_000]),
      k('光伏电站储能配套项目', '44', 'new', [3_000, 8_000], [10, 20]),
    ],
  },
  wind: {
    chain: '新能源', category: '产业项目', unit: '能源局',
    kinds: [
      k('风电场升压站扩建工程', '44', 'expansion', [2_000, 5_000]),
      k('分散式风电项目', '44', 'new', [6_000, 12_000], [10, 30]),
    ],
  },
  hydrogen: {
    chain: '新能源', category: '产业项目',
    kinds: [
      k('加氢站建设项目', '45', 'new', [1_500, 4_000], [5, 15]),
      k('氢燃料电池重卡示范运营项目', '54', 'new', [5_000, 15_000]),
    ],
  },
  gas: {
    chain: '新能源', category: '基础设施', unit: '能源局',
    kinds: [
      k('城区天然气管网改扩建工程', '45', 'expansion', [2_000, 6_000]),
      k('乡镇燃气管网延伸工程', '45', 'new', [1_500, 5_000]),
      k('CNG加气站建设项目', '45', 'new', [800, 2_000], [5, 12]),
    ],
  },
  rubber: {
    chain: '新材料', category: '产业项目',
    kinds: [
      k('钢丝绳芯输送带生产线项目', '29', 'new', [5_000, 15_000], [30, 80]),
      k('智能化硫化生产线技改项目', '29', 'technicalUpgrade', [1_500, 5_000]),
    ],
  },
  mineMaterial: {
    chain: '新材料', category: '产业项目',
    kinds: [
      k('矿用充填材料生产线项目', '26', 'new', [3_000, 9_000], [20, 50]),
      k('研发中心及中试基地建设项目', '73', 'new', [1_500, 4_000]),
    ],
  },
  bags: {
    chain: '新材料', category: '产业项目',
    kinds: [
      k('塑料编织袋生产线扩建项目', '29', 'expansion', [1_500, 5_000], [10, 30]),
      k('集装袋生产线项目', '29', 'new', [2_000, 6_000], [15, 40]),
    ],
  },
  carbon: {
    chain: '新材料', category: '产业项目',
    kinds: [
      k('特种石墨制品项目', '30', 'new', [15_000, 40_000], [60, 150]),
      k('活性炭生产线项目', '26', 'new', [5_000, 12_000], [30, 70]),
      k('碳素制品生产线技改项目', '30', 'technicalUpgrade', [3_000, 9_000]),
    ],
  },
  tourism: {
    chain: '文旅康养', category: '产业项目', gov: true, nameStyle: 'county', unit: '文化和旅游局',
    kinds: [
      k('东湖景区夜游提升工程', '78', 'renovation', [1_500, 4_000]),
      k('宝峰湖景区游客服务中心建设项目', '78', 'new', [1_500, 3_500]),
      k('红色文化旅游线路提升工程', '78', 'renovation', [800, 2_500]),
      k('太行山旅游公路襄垣段驿站建设项目', '78', 'new', [1_000, 3_000]),
      k('乡村旅游示范村建设项目', '78', 'new', [600, 2_000]),
      k('全域旅游集散中心建设项目', '78', 'new', [3_000, 8_000]),
    ],
  },
  wellness: {
    chain: '文旅康养', category: '产业项目',
    kinds: [
      k('森林康养基地建设项目', '85', 'new', [3_000, 10_000], [50, 200]),
      k('医养结合康养中心建设项目', '85', 'new', [5_000, 15_000], [20, 60]),
      k('康养度假酒店建设项目', '61', 'new', [6_000, 18_000], [30, 80]),
    ],
  },
  hotel: {
    chain: '文旅康养', category: '产业项目', unit: '商务局',
    kinds: [
      k('酒店升级改造项目', '61', 'renovation', [1_500, 5_000]),
      k('会议会展中心建设项目', '72', 'new', [6_000, 15_000], [15, 40]),
    ],
  },
  orchard: {
    chain: '现代农业', category: '产业项目', unit: '农业农村局',
    kinds: [
      k('果品分拣包装生产线项目', '13', 'new', [800, 2_500]),
      k('有机苹果种植基地建设项目', '01', 'new', [600, 2_000], [300, 800]),
    ],
  },
  vegetables: {
    chain: '现代农业', category: '产业项目', unit: '农业农村局',
    kinds: [
      k('设施蔬菜大棚建设项目', '01', 'new', [800, 3_000], [150, 500]),
      k('蔬菜育苗中心建设项目', '01', 'new', [500, 1_500], [20, 60]),
      k('食用菌工厂化生产基地项目', '01', 'new', [1_500, 5_000], [30, 80]),
    ],
  },
  livestock: {
    chain: '现代农业', category: '产业项目', unit: '农业农村局',
    kinds: [
      k('生猪标准化养殖场扩建项目', '03', 'expansion', [800, 3_000], [40, 120]),
      k('畜禽粪污资源化利用项目', '03', 'technicalUpgrade', [300, 900], undefined, '生态环保'),
      k('肉牛标准化养殖基地项目', '03', 'new', [1_000, 4_000], [50, 150]),
    ],
  },
  food: {
    chain: '现代农业', category: '产业项目',
    kinds: [
      k('杂粮深加工生产线项目', '13', 'new', [2_000, 6_000], [15, 40]),
      k('肉制品加工项目', '13', 'new', [3_000, 9_000], [20, 50]),
      k('冷库建设项目', '59', 'new', [800, 2_500], [8, 20]),
      k('鲜食玉米加工生产线项目', '13', 'new', [1_200, 4_000], [10, 30]),
    ],
  },
  grain: {
    chain: '现代农业', category: '基础设施', unit: '发展和改革局',
    kinds: [
      k('粮食仓储设施改造提升项目', '59', 'renovation', [800, 3_000]),
      k('粮食烘干中心建设项目', '13', 'new', [500, 1_500], [10, 25]),
    ],
  },
  logistics: {
    chain: '现代物流', category: '产业项目',
    kinds: [
      k('公路港物流园项目', '58', 'new', [10_000, 30_000], [100, 250]),
      k('智能仓储中心建设项目', '59', 'new', [3_000, 9_000], [30, 80]),
      k('甩挂运输站场项目', '54', 'new', [2_000, 6_000], [30, 70]),
      k('城市共同配送中心项目', '59', 'new', [2_000, 6_000], [20, 50]),
    ],
  },
  rail: {
    chain: '现代物流', category: '基础设施',
    kinds: [
      k('铁路专用线扩能改造工程', '53', 'expansion', [8_000, 25_000]),
      k('煤炭集运站全封闭改造项目', '59', 'renovation', [2_000, 6_000], undefined, '生态环保'),
    ],
  },
  parcels: {
    chain: '现代物流', category: '产业项目', unit: '商务局',
    kinds: [
      k('电商快递分拨中心建设项目', '59', 'new', [1_500, 4_000], [10, 30]),
      k('县乡村三级物流配送体系建设项目', '59', 'new', [800, 2_500]),
      k('农村寄递物流体系建设项目', '60', 'new', [500, 1_500]),
    ],
  },
  trade: {
    chain: '现代物流', category: '产业项目', unit: '商务局',
    kinds: [
      k('农产品批发市场改造提升项目', '51', 'renovation', [1_500, 5_000]),
      k('城区便民商业中心项目', '52', 'new', [5_000, 15_000], [15, 40]),
    ],
  },
  urban: {
    chain: '城乡基础设施', category: '基础设施', gov: true, nameStyle: 'county', unit: '住房和城乡建设局',
    kinds: [
      k('城区道路提质改造工程', '48', 'renovation', [3_000, 9_000]),
      k('城区背街小巷改造工程', '48', 'renovation', [800, 2_500]),
      k('城区公园绿地提升工程', '78', 'renovation', [1_000, 3_000], undefined, '生态环保'),
      k('城区排水防涝设施建设工程', '48', 'new', [2_000, 6_000]),
      k('城区公厕改造提升项目', '78', 'renovation', [300, 800], undefined, '民生项目'),
      k('城区路灯节能改造工程', '78', 'technicalUpgrade', [500, 1_500]),
      k('城区老旧小区改造项目（2021年）', '47', 'renovation', [5_000, 12_000], undefined, '民生项目'),
    ],
  },
  roads: {
    chain: '城乡基础设施', category: '基础设施', gov: true, nameStyle: 'county', unit: '交通运输局', countyWide: true,
    kinds: [
      k('县乡公路安防工程', '48', 'renovation', [800, 2_500]),
      k('城乡客运一体化站点建设项目', '54', 'new', [600, 1_800]),
      k('农村公路危桥改造工程', '48', 'renovation', [800, 2_400]),
      k('旅游公路建设工程', '48', 'new', [6_000, 20_000]),
    ],
  },
  water: {
    chain: '城乡基础设施', category: '基础设施', gov: true, nameStyle: 'county', unit: '水利局', countyWide: true,
    kinds: [
      k('农村供水保障工程', '46', 'new', [1_500, 4_000]),
      k('中小河流治理工程', '76', 'new', [1_500, 5_000], undefined, '生态环保'),
      k('水土保持综合治理工程', '76', 'new', [500, 1_500], undefined, '生态环保'),
      k('灌区节水改造工程', '76', 'renovation', [1_200, 3_500]),
    ],
  },
  cityInvest: {
    chain: '城乡基础设施', category: '基础设施', gov: true, nameStyle: 'county', unit: '住房和城乡建设局',
    kinds: [
      k('城区集中供热热源改造项目', '44', 'technicalUpgrade', [5_000, 15_000]),
      k('城北片区基础设施建设项目', '48', 'new', [8_000, 25_000]),
      k('第二水厂建设项目', '46', 'new', [6_000, 12_000]),
    ],
  },
  schools: {
    chain: '社会民生', category: '民生项目', gov: true, nameStyle: 'county', unit: '教育局',
    kinds: [
      k('第一中学学生宿舍楼建设项目', '83', 'new', [1_500, 4_000]),
      k('城区小学扩容建设项目', '83', 'expansion', [2_000, 6_000]),
      k('职业中学实训基地建设项目', '83', 'new', [1_500, 5_000]),
      k('城区公办幼儿园建设项目', '83', 'new', [1_000, 3_000]),
    ],
  },
  health: {
    chain: '社会民生', category: '民生项目', gov: true, nameStyle: 'county', unit: '卫生健康局',
    kinds: [
      k('疾病预防控制中心业务楼建设项目', '84', 'new', [2_000, 5_000]),
      k('妇幼保健院改扩建项目', '84', 'expansion', [3_000, 8_000]),
      k('医共体信息化建设项目', '84', 'technicalUpgrade', [800, 2_500]),
    ],
  },
  welfare: {
    chain: '社会民生', category: '民生项目', gov: true, nameStyle: 'county',
    kinds: [
      k('社会福利中心建设项目', '85', 'new', [2_000, 6_000]),
      k('城区社区养老服务设施建设项目', '85', 'new', [500, 1_500]),
      k('残疾人康复托养中心建设项目', '85', 'new', [800, 2_500]),
    ],
  },
  culture: {
    chain: '社会民生', category: '民生项目', gov: true, nameStyle: 'county', unit: '文化和旅游局',
    kinds: [
      k('图书馆文化馆新馆建设项目', '88', 'new', [5_000, 12_000]),
      k('城区体育公园建设项目', '89', 'new', [2_000, 6_000]),
    ],
  },
} as const satisfies Record<string, OwnerTrade>;

export type TradeKey = keyof typeof TRADES;

/** A builder of the county: where it sits, what it builds, and how many projects it may carry in the pool. */
export interface DemoOwner {
  name: string;
  town: DemoTown;
  trade: TradeKey;
  /** Most projects the generator gives it. */
  max: number;
}

/** Companies named in the pool report keep their names; the rest are made up for the demo. */
export const DEMO_OWNERS: readonly DemoOwner[] = [
  { name: '山西襄垣鑫源煤业有限公司', town: '夏店镇', trade: 'coalMine', max: 4 },
  { name: '山西襄垣瑞丰煤业有限公司', town: '西营镇', trade: 'coalMine', max: 4 },
  { name: '山西襄垣永泰煤业有限公司', town: '下良镇', trade: 'coalMine', max: 4 },
  { name: '山西襄垣福泰煤业有限公司', town: '善福镇', trade: 'coalMine', max: 3 },
  { name: '山西襄垣荣盛煤业有限公司', town: '王村镇', trade: 'coalMine', max: 3 },
  { name: '山西襄垣恒泰焦化有限公司', town: '侯堡镇', trade: 'coking', max: 4 },
  { name: '山西襄垣宏源焦化有限公司', town: '王桥镇', trade: 'coking', max: 4 },
  { name: '山西襄垣鸿达煤化有限公司', town: '王桥镇', trade: 'coking', max: 3 },
  { name: '山西襄垣华晟精细化工有限公司', town: '王桥镇', trade: 'chemical', max: 3 },
  { name: '山西襄垣润达新材料化工有限公司', town: '经开区', trade: 'chemical', max: 3 },
  { name: '长治市瑞恒化工科技有限公司', town: '经开区', trade: 'chemical', max: 3 },
  { name: '山西襄矿泓通煤化工有限公司', town: '经开区', trade: 'chemical', max: 3 },
  { name: '长治市宏瑞祥环保科技有限公司', town: '侯堡镇', trade: 'solidWaste', max: 3 },
  { name: '山西利恒环保科技有限公司', town: '经开区', trade: 'solidWaste', max: 3 },
  { name: '山西襄垣国能建材有限公司', town: '王桥镇', trade: 'solidWaste', max: 3 },
  { name: '山西襄垣中晟新型建材有限公司', town: '侯堡镇', trade: 'solidWaste', max: 2 },
  { name: '山西襄垣绿源固废处置有限公司', town: '王桥镇', trade: 'solidWaste', max: 2 },
  { name: '山西襄垣天泽新型建材有限公司', town: '夏店镇', trade: 'solidWaste', max: 2 },
  { name: '山西仁达机电有限公司', town: '经开区', trade: 'machinery', max: 3 },
  { name: '山西襄垣恒基重工机械有限公司', town: '经开区', trade: 'machinery', max: 3 },
  { name: '山西襄垣智矿装备科技有限公司', town: '经开区', trade: 'machinery', max: 2 },
  { name: '长治市瑞达矿山机械有限公司', town: '侯堡镇', trade: 'machinery', max: 2 },
  { name: '长治市鑫达钢结构有限公司', town: '侯堡镇', trade: 'steel', max: 3 },
  { name: '山西奥朋轮毂制造有限公司', town: '经开区', trade: 'wheels', max: 3 },
  { name: '山西丰煜照明有限公司', town: '经开区', trade: 'lighting', max: 2 },
  { name: '山西襄垣中能光伏发电有限公司', town: '夏店镇', trade: 'solar', max: 3 },
  { name: '襄垣县晶阳新能源有限公司', town: '善福镇', trade: 'solar', max: 3 },
  { name: '襄垣县风华新能源有限公司', town: '西营镇', trade: 'wind', max: 2 },
  { name: '山西襄垣氢源能源科技有限公司', town: '经开区', trade: 'hydrogen', max: 2 },
  { name: '襄垣县华燃天然气有限公司', town: '古韩镇', trade: 'gas', max: 3 },
  { name: '山西山力铂纳橡胶机带有限公司', town: '经开区', trade: 'rubber', max: 2 },
  { name: '山西大平美固德矿用材料有限公司', town: '经开区', trade: 'mineMaterial', max: 2 },
  { name: '山西盛银制袋有限公司', town: '经开区', trade: 'bags', max: 2 },
  { name: '山西襄垣碳谷新材料科技有限公司', town: '经开区', trade: 'carbon', max: 3 },
  { name: '山西襄垣晶盛新材料有限公司', town: '经开区', trade: 'carbon', max: 2 },
  { name: '襄垣县文化旅游投资开发有限公司', town: '古韩镇', trade: 'tourism', max: 5 },
  { name: '山西襄垣康养产业发展有限公司', town: '下良镇', trade: 'wellness', max: 2 },
  { name: '山西襄垣东湖大酒店有限公司', town: '古韩镇', trade: 'hotel', max: 2 },
  { name: '山西林盛果业有限公司', town: '下良镇', trade: 'orchard', max: 2 },
  { name: '襄垣县轶兴农业有限公司', town: '王村镇', trade: 'vegetables', max: 3 },
  { name: '襄垣县丰穗农业开发有限公司', town: '王村镇', trade: 'vegetables', max: 2 },
  { name: '襄垣县绿海养殖专业合作社', town: '夏店镇', trade: 'livestock', max: 2 },
  { name: '襄垣县华珑养殖专业合作社', town: '善福镇', trade: 'livestock', max: 2 },
  { name: '山西襄垣康农食品有限公司', town: '虒亭镇', trade: 'food', max: 3 },
  { name: '襄垣县金穗粮油购销有限公司', town: '古韩镇', trade: 'grain', max: 2 },
  { name: '襄垣县通达物流有限公司', town: '虒亭镇', trade: 'logistics', max: 3 },
  { name: '山西襄垣铁路物流有限公司', town: '王桥镇', trade: 'rail', max: 2 },
  { name: '襄垣县快运电商物流有限公司', town: '古韩镇', trade: 'parcels', max: 3 },
  { name: '襄垣县万通商贸有限公司', town: '古韩镇', trade: 'trade', max: 2 },
  { name: '襄垣县住房和城乡建设局', town: '古韩镇', trade: 'urban', max: 7 },
  { name: '襄垣县交通运输局', town: '古韩镇', trade: 'roads', max: 4 },
  { name: '襄垣县水利局', town: '古韩镇', trade: 'water', max: 4 },
  { name: '襄垣县城市建设投资开发有限公司', town: '古韩镇', trade: 'cityInvest', max: 3 },
  { name: '襄垣县教育局', town: '古韩镇', trade: 'schools', max: 4 },
  { name: '襄垣县卫生健康局', town: '古韩镇', trade: 'health', max: 3 },
  { name: '襄垣县民政局', town: '古韩镇', trade: 'welfare', max: 3 },
  { name: '襄垣县文化和旅游局', town: '古韩镇', trade: 'culture', max: 2 },
];
