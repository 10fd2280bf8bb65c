// The demo's hand-written projects: those the pool report names, the 三个一批 ones, the not-started, reserve and cancelled ones. Sources quoted in docs/sources.md.

import type { NamedProject } from './types.ts';

/** Continuing (续建/复工) projects whose story is told in the pool report or which carry the pool's weight. */
const CONTINUING: readonly NamedProject[] = [
  {
    group: 'continuing', name: '山西襄垣鸿达煤化有限公司80万吨/年焦化项目（一期）', owner: '山西襄垣鸿达煤化有限公司', town: '王桥镇',
    chain: '煤焦化', industry: '25', category: '产业项目', construction: 'new', total: 186_000, approval: 'authorization', codeRegion: '140000',
    unit: '工业和信息化局', leader: '王志强', landMu: 620, notes: '计划7月底投产达效，预计新增产值7亿元，增加值约1.8亿元',
  },
  {
    group: 'continuing', name: '山西襄矿泓通煤化工有限公司20万吨/年乙二醇项目', owner: '山西襄矿泓通煤化工有限公司', town: '经开区',
    chain: '精细化工', industry: '26', category: '产业项目', construction: 'new', total: 268_000, approval: 'authorization', codeRegion: '140000',
    leader: '刘建平', landMu: 410, notes: '计划10月投产达效，预计新增产值7亿元，增加值约1.8亿元',
  },
  {
    group: 'continuing', name: '山西潞安煤基清洁能源有限责任公司油品升级及精细化学品延链技改项目', owner: '山西潞安煤基清洁能源有限责任公司',
    town: '王桥镇', chain: '精细化工', industry: '25', category: '产业项目', construction: 'technicalUpgrade', total: 96_000, leader: '刘建平',
  },
  {
    group: 'continuing', name: '山西襄垣宏源焦化有限公司焦化升级改造项目', owner: '山西襄垣宏源焦化有限公司', town: '王桥镇',
    chain: '煤焦化', industry: '25', category: '产业项目', construction: 'technicalUpgrade', total: 158_000, approval: 'authorization',
    codeRegion: '140400', leader: '王志强', landMu: 380, notes: '4.3米焦炉关停，建设2×65孔6米焦炉及配套干熄焦',
  },
  {
    group: 'continuing', name: '山西襄垣鑫源煤业有限公司矿井兼并重组整合项目', owner: '山西襄垣鑫源煤业有限公司', town: '夏店镇',
    chain: '煤焦化', industry: '06', category: '产业项目', construction: 'expansion', total: 120_000, approval: 'authorization',
    codeRegion: '140000', unit: '能源局', leader: '王志强',
  },
  {
    group: 'continuing', name: '襄垣县人民医院朝阳院区建设项目', owner: '襄垣县人民医院', town: '古韩镇', chain: '社会民生', industry: '84',
    category: '民生项目', construction: 'new', total: 52_000, gov: true, unit: '卫生健康局', leader: '陈丽娟',
    fund: { kind: 'specialBond', amount: 15_000, notes: '2021年新增地方政府专项债券项目申报' },
  },
  {
    group: 'continuing', name: '襄垣经开区基础设施建设项目（道路及管网工程）', owner: '襄垣经济技术开发区投资建设有限公司', town: '经开区',
    chain: '城乡基础设施', industry: '48', category: '基础设施', construction: 'new', total: 45_000, gov: true, leader: '张海峰',
  },
  {
    group: 'continuing', name: '国道208线襄垣过境段改线工程', owner: '襄垣县交通运输局', town: null, chain: '城乡基础设施', industry: '48',
    category: '基础设施', construction: 'new', total: 68_000, gov: true, codeRegion: '140400', unit: '交通运输局', leader: '牛向东',
  },
  {
    group: 'continuing', name: '襄垣县100MW农光互补光伏发电项目', owner: '襄垣县晶阳新能源有限公司', town: '善福镇', chain: '新能源',
    industry: '44', category: '产业项目', construction: 'new', total: 42_000, unit: '能源局', landMu: 2_850,
  },
  {
    group: 'continuing', name: '襄垣县浊漳河（襄垣段）生态修复与综合治理工程', owner: '襄垣县水利局', town: null, chain: '城乡基础设施',
    industry: '76', category: '生态环保', construction: 'new', total: 32_000, gov: true, unit: '水利局', leader: '孙建国',
  },
  {
    group: 'continuing', name: '襄垣县古韩镇东畛村采煤沉陷区搬迁安置项目（一期）', owner: '襄垣县古韩镇人民政府', town: '古韩镇',
    chain: '社会民生', industry: '47', category: '民生项目', construction: 'relocation', total: 18_900, gov: true, stage: 'completed',
    notes: '一期315户已具备入住条件，正在分配房屋',
  },
  {
    group: 'continuing', name: '襄垣县夏店镇北田漳村采煤沉陷区搬迁安置项目', owner: '襄垣县夏店镇人民政府', town: '夏店镇',
    chain: '社会民生', industry: '47', category: '民生项目', construction: 'relocation', total: 5_800, gov: true,
    notes: '73户主体完工，具备分房条件',
  },
  {
    group: 'continuing', name: '襄垣县侯堡镇西回辕村采煤沉陷区搬迁安置项目（一期）', owner: '襄垣县侯堡镇人民政府', town: '侯堡镇',
    chain: '社会民生', industry: '47', category: '民生项目', construction: 'relocation', total: 4_600, gov: true,
    notes: '一期90户地基已建成，旧宅补偿、新房款、回迁款、回迁费、借住费已基本发放到位',
  },
  {
    group: 'continuing', name: '襄垣县侯堡镇西回辕村采煤沉陷区搬迁安置项目（二期）', owner: '襄垣县侯堡镇人民政府', town: '侯堡镇',
    chain: '社会民生', industry: '47', category: '民生项目', construction: 'relocation', total: 21_600, gov: true,
    notes: '二期540套房主体完工，预计6月底具备交工条件',
  },
  {
    group: 'continuing', name: '襄垣县下良镇曹坪村采煤沉陷区搬迁安置项目', owner: '襄垣县下良镇人民政府', town: '下良镇',
    chain: '社会民生', industry: '47', category: '民生项目', construction: 'relocation', total: 1_650, gov: true,
    notes: '已搬迁安置10户，货币补偿2户，剩余21户正在办理宅基地审批手续',
  },
  {
    group: 'continuing', name: '山西奥朋轮毂制造有限公司年产300万只铝合金轮毂项目（二期）', owner: '山西奥朋轮毂制造有限公司', town: '经开区',
    chain: '装备制造', industry: '36', category: '产业项目', construction: 'expansion', total: 56_000, landMu: 180,
    batch: { event: 1, kind: 'operating' }, stage: 'operating',
  },
  {
    group: 'continuing', name: '山西丰煜照明有限公司LED智能照明灯具生产线技改项目', owner: '山西丰煜照明有限公司', town: '经开区',
    chain: '装备制造', industry: '38', category: '产业项目', construction: 'technicalUpgrade', total: 6_800,
    batch: { event: 1, kind: 'operating' }, stage: 'operating',
  },
  {
    group: 'continuing', name: '长治市宏瑞祥环保科技有限公司年处理60万吨粉煤灰综合利用项目', owner: '长治市宏瑞祥环保科技有限公司',
    town: '侯堡镇', chain: '固废综合利用', industry: '42', category: '产业项目', construction: 'new', total: 18_000, landMu: 95,
    batch: { event: 1, kind: 'operating' }, stage: 'operating',
  },
  {
    group: 'continuing', name: '山西山力铂纳橡胶机带有限公司高强力阻燃输送带生产线扩建项目', owner: '山西山力铂纳橡胶机带有限公司',
    town: '经开区', chain: '新材料', industry: '29', category: '产业项目', construction: 'expansion', total: 12_500, landMu: 46,
    batch: { event: 1, kind: 'operating' }, stage: 'operating',
  },
  {
    group: 'continuing', name: '山西利恒环保科技有限公司工业固废资源化利用项目', owner: '山西利恒环保科技有限公司', town: '经开区',
    chain: '固废综合利用', industry: '42', category: '产业项目', construction: 'new', total: 9_600, landMu: 62,
    batch: { event: 2, kind: 'operating' }, stage: 'operating',
  },
  {
    group: 'continuing', name: '山西大平美固德矿用材料有限公司矿用高分子材料生产线项目', owner: '山西大平美固德矿用材料有限公司',
    town: '经开区', chain: '新材料', industry: '26', category: '产业项目', construction: 'new', total: 8_500, landMu: 38,
  },
  {
    group: 'continuing', name: '山西襄垣恒泰焦化有限公司焦炉烟气脱硫脱硝超低排放改造项目', owner: '山西襄垣恒泰焦化有限公司', town: '侯堡镇',
    chain: '煤焦化', industry: '25', category: '生态环保', construction: 'technicalUpgrade', total: 9_800, stage: 'suspended',
    notes: '按环保督察整改要求暂停施工，整改验收后复工',
  },
  {
    group: 'continuing', name: '襄垣县城区集中供热管网改造工程', owner: '襄垣县热力有限公司', town: '古韩镇', chain: '城乡基础设施',
    industry: '44', category: '基础设施', construction: 'renovation', total: 16_800, unit: '住房和城乡建设局',
  },
  {
    group: 'continuing', name: '襄垣县5G通信基站建设项目', owner: '中国铁塔股份有限公司长治市分公司', town: null, chain: '城乡基础设施',
    industry: '63', category: '基础设施', construction: 'new', total: 9_800, unit: '工业和信息化局',
  },
  {
    group: 'continuing', name: '襄垣县东湖景区提质升级项目', owner: '襄垣县文化旅游投资开发有限公司', town: '古韩镇', chain: '文旅康养',
    industry: '78', category: '产业项目', construction: 'renovation', total: 12_000, gov: true, unit: '文化和旅游局',
  },
  {
    group: 'continuing', name: '襄垣县城区老旧小区改造项目（2020年）', owner: '襄垣县住房和城乡建设局', town: '古韩镇', chain: '城乡基础设施',
    industry: '47', category: '民生项目', construction: 'renovation', total: 8_900, gov: true, unit: '住房和城乡建设局',
  },
  {
    group: 'continuing', name: '襄垣县第二中学教学综合楼建设项目', owner: '襄垣县教育局', town: '古韩镇', chain: '社会民生', industry: '83',
    category: '民生项目', construction: 'new', total: 6_200, gov: true, unit: '教育局', stage: 'completed',
  },
];

/** New (新建) projects of 2021 with a story: the seed's fund applications, the batch events, the not-started seven. */
const NEW_START: readonly NamedProject[] = [
  {
    group: 'newStart', name: '襄垣经开区标准化厂房建设项目', owner: '襄垣经济技术开发区投资建设有限公司', town: '经开区',
    chain: '城乡基础设施', industry: '47', category: '基础设施', construction: 'new', total: 62_000, gov: true, leader: '张海峰', landMu: 260,
    batch: { event: 1, kind: 'started' },
    fund: { kind: 'specialBond', amount: 20_000, notes: '2021年新增地方政府专项债券项目申报' },
  },
  {
    group: 'newStart', name: '襄垣县王桥镇污水处理厂提标改造工程', owner: '襄垣县住房和城乡建设局', town: '王桥镇', chain: '城乡基础设施',
    industry: '46', category: '生态环保', construction: 'renovation', total: 12_600, gov: true, unit: '住房和城乡建设局', startMonth: '2021-04',
    fund: { kind: 'specialBond', amount: 8_000, notes: '2021年新增地方政府专项债券项目申报' },
  },
  {
    group: 'newStart', name: '仙堂山国家森林公园基础设施提升工程', owner: '襄垣县仙堂山国家森林公园管理中心', town: '下良镇', chain: '文旅康养',
    industry: '78', category: '生态环保', construction: 'renovation', total: 16_500, gov: true, unit: '文化和旅游局', startMonth: '2021-04',
    fund: { kind: 'centralBudget', amount: 3_000, notes: '申请中央预算内投资（文化旅游提升工程）' },
  },
  {
    group: 'newStart', name: '襄垣县农村生活垃圾中转站建设项目', owner: '襄垣县住房和城乡建设局', town: null, chain: '城乡基础设施',
    industry: '78', category: '生态环保', construction: 'new', total: 4_200, gov: true, unit: '住房和城乡建设局', startMonth: '2021-05',
    fund: { kind: 'centralBudget', amount: 1_500, notes: '申请中央预算内投资（城镇生活垃圾处理设施）' },
  },
  {
    group: 'newStart', name: '山西襄垣氢源能源科技有限公司焦炉煤气制氢及加氢站项目', owner: '山西襄垣氢源能源科技有限公司', town: '经开区',
    chain: '新能源', industry: '26', category: '产业项目', construction: 'new', total: 120_000, leader: '刘建平', landMu: 150,
    batch: { event: 1, kind: 'started' },
  },
  {
    group: 'newStart', name: '山西襄垣华晟精细化工有限公司10万吨/年煤焦油深加工项目', owner: '山西襄垣华晟精细化工有限公司',
    town: '王桥镇', chain: '精细化工', industry: '25', category: '产业项目', construction: 'new', total: 88_000, approval: 'authorization',
    codeRegion: '140400', landMu: 210, batch: { event: 1, kind: 'started' },
  },
  {
    group: 'newStart', name: '山西襄垣智矿装备科技有限公司矿用智能装备制造项目', owner: '山西襄垣智矿装备科技有限公司', town: '经开区',
    chain: '装备制造', industry: '35', category: '产业项目', construction: 'new', total: 32_000, landMu: 120, batch: { event: 2, kind: 'started' },
  },
  {
    group: 'newStart', name: '襄垣县现代物流园冷链物流中心项目', owner: '襄垣县通达物流有限公司', town: '虒亭镇', chain: '现代物流',
    industry: '59', category: '产业项目', construction: 'new', total: 26_000, landMu: 96, batch: { event: 2, kind: 'started' },
  },
  {
    group: 'newStart', name: '山西襄垣碳谷新材料科技有限公司年产5万吨针状焦项目', owner: '山西襄垣碳谷新材料科技有限公司', town: '经开区',
    chain: '新材料', industry: '30', category: '产业项目', construction: 'new', total: 95_000, leader: '张海峰', landMu: 230,
    batch: { event: 2, kind: 'started' },
  },
  // Signed at the first event (2021-01-01) and started in the spring.
  {
    group: 'newStart', name: '山西襄垣中晟新型建材有限公司煤矸石制备新型墙体材料项目', owner: '山西襄垣中晟新型建材有限公司', town: '侯堡镇',
    chain: '固废综合利用', industry: '30', category: '产业项目', construction: 'new', total: 16_000, landMu: 80,
    batch: { event: 1, kind: 'signed' }, startMonth: '2021-03',
  },
  {
    group: 'newStart', name: '襄垣县丰穗农业开发有限公司设施蔬菜产业园项目', owner: '襄垣县丰穗农业开发有限公司', town: '王村镇',
    chain: '现代农业', industry: '01', category: '产业项目', construction: 'new', total: 8_500, unit: '农业农村局', landMu: 620,
    batch: { event: 1, kind: 'signed' }, startMonth: '2021-03',
  },
  {
    group: 'newStart', name: '山西林盛果业有限公司果品冷链仓储及深加工项目', owner: '山西林盛果业有限公司', town: '下良镇', chain: '现代农业',
    industry: '13', category: '产业项目', construction: 'new', total: 6_800, landMu: 45, batch: { event: 1, kind: 'signed' }, startMonth: '2021-04',
  },
  {
    group: 'newStart', name: '山西襄垣晶盛新材料有限公司锂电负极材料石墨化项目', owner: '山西襄垣晶盛新材料有限公司', town: '经开区',
    chain: '新材料', industry: '30', category: '产业项目', construction: 'new', total: 58_000, landMu: 180,
    batch: { event: 1, kind: 'signed' }, startMonth: '2021-05',
  },
  {
    group: 'newStart', name: '襄垣县风华新能源有限公司50MW风电项目', owner: '襄垣县风华新能源有限公司', town: '西营镇', chain: '新能源',
    industry: '44', category: '产业项目', construction: 'new', total: 36_000, approval: 'authorization', unit: '能源局',
    batch: { event: 1, kind: 'signed' }, startMonth: '2021-04',
  },
  {
    group: 'newStart', name: '山西襄垣康农食品有限公司农产品精深加工项目', owner: '山西襄垣康农食品有限公司', town: '虒亭镇', chain: '现代农业',
    industry: '13', category: '产业项目', construction: 'new', total: 5_600, landMu: 40, batch: { event: 1, kind: 'signed' }, startMonth: '2021-04',
  },
  {
    group: 'newStart', name: '山西襄垣恒基重工机械有限公司液压支架再制造项目', owner: '山西襄垣恒基重工机械有限公司', town: '经开区',
    chain: '装备制造', industry: '43', category: '产业项目', construction: 'new', total: 12_000, landMu: 60,
    batch: { event: 1, kind: 'signed' }, startMonth: '2021-03',
  },
  // Signed at the second event (2021-03-22).
  {
    group: 'newStart', name: '襄垣县华燃天然气有限公司LNG调峰储气站项目', owner: '襄垣县华燃天然气有限公司', town: '侯堡镇', chain: '新能源',
    industry: '45', category: '基础设施', construction: 'new', total: 12_000, approval: 'authorization', unit: '能源局', landMu: 35,
    batch: { event: 2, kind: 'signed' }, startMonth: '2021-05',
  },
  {
    group: 'newStart', name: '山西襄垣绿源固废处置有限公司一般工业固体废物处置场项目', owner: '山西襄垣绿源固废处置有限公司', town: '王桥镇',
    chain: '固废综合利用', industry: '77', category: '生态环保', construction: 'new', total: 9_000, landMu: 110,
    batch: { event: 2, kind: 'signed' }, startMonth: '2021-05',
  },
  {
    group: 'newStart', name: '山西襄垣宏鑫新材料有限公司年产1万吨碳纤维复合材料项目', owner: '山西襄垣宏鑫新材料有限公司', town: '经开区',
    chain: '新材料', industry: '28', category: '产业项目', construction: 'new', total: 45_000, landMu: 150,
    batch: { event: 2, kind: 'signed' }, notStarted: 'plain', notes: '已签约，正在办理环评、能评手续',
  },
  // The other six not started by the end of May.
  {
    group: 'newStart', name: '襄垣县古韩镇东畛村采煤沉陷区搬迁安置项目（二期）', owner: '襄垣县古韩镇人民政府', town: '古韩镇',
    chain: '社会民生', industry: '47', category: '民生项目', construction: 'relocation', total: 9_800, gov: true, notStarted: 'plain',
    notes: '二期152户正在办理土地手续',
  },
  {
    group: 'newStart', name: '襄垣县夏店镇新庄村采煤沉陷区搬迁安置项目', owner: '襄垣县夏店镇人民政府', town: '夏店镇', chain: '社会民生',
    industry: '47', category: '民生项目', construction: 'relocation', total: 7_200, gov: true, notStarted: 'plain', notes: '已具备招标条件',
  },
  {
    group: 'newStart', name: '山西襄垣润达新材料化工有限公司年产3万吨可降解塑料项目', owner: '山西襄垣润达新材料化工有限公司', town: '经开区',
    chain: '新材料', industry: '29', category: '产业项目', construction: 'new', total: 38_000, landMu: 120, notStarted: 'land',
    notes: '已供地，施工图审查中，尚未办理施工许可',
  },
  {
    group: 'newStart', name: '襄垣县城区公共租赁住房建设项目', owner: '襄垣县城市建设投资开发有限公司', town: '古韩镇', chain: '社会民生',
    industry: '47', category: '民生项目', construction: 'new', total: 14_000, gov: true, unit: '住房和城乡建设局', notStarted: 'permit',
    notes: '已办理施工许可，计划6月中旬开工',
  },
  {
    group: 'newStart', name: '襄垣县集中式共享储能电站项目', owner: '襄垣县晶阳新能源有限公司', town: '侯堡镇', chain: '新能源', industry: '44',
    category: '产业项目', construction: 'new', total: 28_000, unit: '能源局', notStarted: 'plain', notes: '接入系统方案评审中',
  },
  {
    group: 'newStart', name: '襄垣县城区智慧停车场建设项目', owner: '襄垣县城市建设投资开发有限公司', town: '古韩镇', chain: '城乡基础设施',
    industry: '78', category: '基础设施', construction: 'new', total: 3_600, gov: true, unit: '住房和城乡建设局', notStarted: 'plain',
    notes: '选址调整中',
  },
  // Started this spring.
  {
    group: 'newStart', name: '山西襄垣宏源焦化有限公司焦炉煤气制20万吨/年甲醇项目', owner: '山西襄垣宏源焦化有限公司', town: '王桥镇',
    chain: '煤焦化', industry: '26', category: '产业项目', construction: 'new', total: 65_000, approval: 'authorization', codeRegion: '140400',
    landMu: 140, startMonth: '2021-04',
  },
  {
    group: 'newStart', name: '襄垣县100MW农光互补光伏发电项目（二期）', owner: '襄垣县晶阳新能源有限公司', town: '善福镇', chain: '新能源',
    industry: '44', category: '产业项目', construction: 'expansion', total: 40_000, unit: '能源局', landMu: 2_700, startMonth: '2021-04',
  },
  {
    group: 'newStart', name: '襄垣县古韩镇棚户区改造项目（2021年）', owner: '襄垣县城市建设投资开发有限公司', town: '古韩镇', chain: '社会民生',
    industry: '47', category: '民生项目', construction: 'renovation', total: 38_000, gov: true, unit: '住房和城乡建设局', startMonth: '2021-03',
  },
  {
    group: 'newStart', name: '襄垣县襄矿集团有限公司碳基新材料研发及中试基地项目', owner: '襄垣县襄矿集团有限公司', town: '经开区',
    chain: '新材料', industry: '73', category: '产业项目', construction: 'new', total: 26_000, landMu: 55, startMonth: '2021-04',
    notes: '同步筹建碳基新材料省级重点实验室',
  },
  {
    group: 'newStart', name: '襄垣县固废综合利用研发中心建设项目', owner: '襄垣经济技术开发区投资建设有限公司', town: '经开区',
    chain: '固废综合利用', industry: '73', category: '产业项目', construction: 'new', total: 4_800, gov: true, startMonth: '2021-03',
  },
  {
    group: 'newStart', name: '襄垣县西营镇观岩村采煤沉陷区搬迁安置项目', owner: '襄垣县西营镇人民政府', town: '西营镇', chain: '社会民生',
    industry: '47', category: '民生项目', construction: 'relocation', total: 6_500, gov: true, startMonth: '2021-04', notes: '矿方已出资500万元',
  },
  {
    group: 'newStart', name: '襄垣县西营镇护驾垆村采煤沉陷区搬迁安置项目', owner: '襄垣县西营镇人民政府', town: '西营镇', chain: '社会民生',
    industry: '47', category: '民生项目', construction: 'relocation', total: 5_400, gov: true, startMonth: '2021-04', notes: '已完成三通一平',
  },
  {
    group: 'newStart', name: '襄垣县下良镇苗庄村采煤沉陷区搬迁安置项目', owner: '襄垣县下良镇人民政府', town: '下良镇', chain: '社会民生',
    industry: '47', category: '民生项目', construction: 'relocation', total: 1_200, gov: true, startMonth: '2021-05',
    notes: '22户，已货币化补偿7户，剩余15户正在筹措资金',
  },
  {
    group: 'newStart', name: '襄垣县宝峰湖景区基础设施建设项目', owner: '襄垣县文化旅游投资开发有限公司', town: '王村镇', chain: '文旅康养',
    industry: '78', category: '产业项目', construction: 'new', total: 8_800, gov: true, unit: '文化和旅游局',
  },
  {
    group: 'newStart', name: '襄垣县殡仪馆迁建项目', owner: '襄垣县民政局', town: '古韩镇', chain: '社会民生', industry: '80', category: '民生项目',
    construction: 'relocation', total: 4_500, gov: true,
  },
  {
    group: 'newStart', name: '襄垣县中医医院门诊综合楼建设项目', owner: '襄垣县中医医院', town: '古韩镇', chain: '社会民生', industry: '84',
    category: '民生项目', construction: 'new', total: 9_600, gov: true, unit: '卫生健康局',
  },
  {
    group: 'newStart', name: '襄垣县全民健身中心建设项目', owner: '襄垣县文化和旅游局', town: '古韩镇', chain: '社会民生', industry: '89',
    category: '民生项目', construction: 'new', total: 12_800, gov: true, unit: '文化和旅游局',
  },
  {
    group: 'newStart', name: '襄垣县农村公路提档升级工程', owner: '襄垣县交通运输局', town: null, chain: '城乡基础设施', industry: '48',
    category: '基础设施', construction: 'renovation', total: 18_000, gov: true, unit: '交通运输局',
  },
  {
    group: 'newStart', name: '襄垣县城区雨污分流改造工程', owner: '襄垣县住房和城乡建设局', town: '古韩镇', chain: '城乡基础设施',
    industry: '48', category: '生态环保', construction: 'renovation', total: 9_800, gov: true, unit: '住房和城乡建设局',
  },
  {
    group: 'newStart', name: '襄垣县小型水库除险加固工程', owner: '襄垣县水利局', town: null, chain: '城乡基础设施', industry: '76',
    category: '基础设施', construction: 'renovation', total: 3_800, gov: true, unit: '水利局',
  },
  {
    group: 'newStart', name: '山西襄垣恒泰焦化有限公司化产回收系统升级改造项目', owner: '山西襄垣恒泰焦化有限公司', town: '侯堡镇',
    chain: '煤焦化', industry: '25', category: '产业项目', construction: 'technicalUpgrade', total: 8_200, stage: 'suspended',
    startMonth: '2021-03', notes: '开工后因设计变更停工，待变更审批后复工',
  },
];

/** 谋划储备: projects in the pool without a plan this year; they show in the reserve, never in the year's figures. */
const RESERVE: readonly NamedProject[] = [
  {
    group: 'reserve', name: '襄垣经开区氢能产业园项目', owner: '襄垣经济技术开发区投资建设有限公司', town: '经开区', chain: '新能源',
    industry: '26', category: '产业项目', construction: 'new', total: 150_000, leader: '刘建平',
  },
  {
    group: 'reserve', name: '山西潞安煤基清洁能源有限责任公司费托蜡精深加工项目', owner: '山西潞安煤基清洁能源有限责任公司', town: '王桥镇',
    chain: '精细化工', industry: '26', category: '产业项目', construction: 'new', total: 85_000,
  },
  {
    group: 'reserve', name: '襄垣县煤矸石综合利用热电联产项目', owner: '襄垣县襄矿集团有限公司', town: '侯堡镇', chain: '固废综合利用',
    industry: '44', category: '产业项目', construction: 'new', total: 60_000,
  },
  {
    group: 'reserve', name: '襄垣县仙堂山康养小镇建设项目', owner: '山西襄垣康养产业发展有限公司', town: '下良镇', chain: '文旅康养',
    industry: '85', category: '产业项目', construction: 'new', total: 120_000,
  },
  {
    group: 'reserve', name: '仙堂山景区索道及游客中心建设项目', owner: '襄垣县文化旅游投资开发有限公司', town: '下良镇', chain: '文旅康养',
    industry: '78', category: '产业项目', construction: 'new', total: 26_000, unit: '文化和旅游局',
  },
  {
    group: 'reserve', name: '襄垣县城区污水处理厂扩容提标工程', owner: '襄垣县住房和城乡建设局', town: '古韩镇', chain: '城乡基础设施',
    industry: '46', category: '生态环保', construction: 'expansion', total: 18_000, gov: true, unit: '住房和城乡建设局',
  },
  {
    group: 'reserve', name: '襄垣县新型智慧城市建设项目', owner: '襄垣县城市建设投资开发有限公司', town: '古韩镇', chain: '城乡基础设施',
    industry: '65', category: '基础设施', construction: 'new', total: 22_000, gov: true, unit: '工业和信息化局',
  },
  {
    group: 'reserve', name: '襄垣县王桥公铁联运物流园项目', owner: '山西襄垣铁路物流有限公司', town: '王桥镇', chain: '现代物流',
    industry: '58', category: '产业项目', construction: 'new', total: 68_000,
  },
  {
    group: 'reserve', name: '襄垣县农产品加工产业园项目', owner: '襄垣县农业农村局', town: '虒亭镇', chain: '现代农业', industry: '13',
    category: '产业项目', construction: 'new', total: 30_000, gov: true, unit: '农业农村局',
  },
  {
    group: 'reserve', name: '襄垣县第三中学新建项目', owner: '襄垣县教育局', town: '古韩镇', chain: '社会民生', industry: '83',
    category: '民生项目', construction: 'new', total: 16_000, gov: true, unit: '教育局',
  },
  {
    group: 'reserve', name: '襄垣县养老服务中心建设项目', owner: '襄垣县民政局', town: '古韩镇', chain: '社会民生', industry: '85',
    category: '民生项目', construction: 'new', total: 8_000, gov: true,
  },
  {
    group: 'reserve', name: '襄垣经开区高端装备制造产业园项目', owner: '襄垣经济技术开发区投资建设有限公司', town: '经开区', chain: '装备制造',
    industry: '35', category: '产业项目', construction: 'new', total: 80_000,
  },
  {
    group: 'reserve', name: '襄垣县浊漳河湿地公园建设项目', owner: '襄垣县水利局', town: '古韩镇', chain: '城乡基础设施', industry: '77',
    category: '生态环保', construction: 'new', total: 15_000, gov: true, unit: '水利局',
  },
  {
    group: 'reserve', name: '襄垣经开区碳基新材料产业园项目', owner: '襄垣经济技术开发区投资建设有限公司', town: '经开区', chain: '新材料',
    industry: '30', category: '产业项目', construction: 'new', total: 100_000, leader: '张海峰',
  },
  {
    group: 'reserve', name: '襄垣县生物质热电联产项目', owner: '襄垣县热力有限公司', town: '善福镇', chain: '新能源', industry: '44',
    category: '产业项目', construction: 'new', total: 35_000,
  },
];

/** Cancelled (撤销) with a 2021 plan: still in the ledger for the record, never in the figures. */
const CANCELLED: readonly NamedProject[] = [
  {
    group: 'cancelled', name: '襄垣县城北片区商贸综合体项目', owner: '襄垣县万通商贸有限公司', town: '古韩镇', chain: '现代物流',
    industry: '52', category: '产业项目', construction: 'new', total: 45_000, unit: '商务局',
    notes: '投资主体资金不到位，经县政府研究同意撤销',
  },
  {
    group: 'cancelled', name: '襄垣县夏店镇200MW光伏发电项目', owner: '山西襄垣中能光伏发电有限公司', town: '夏店镇', chain: '新能源',
    industry: '44', category: '产业项目', construction: 'new', total: 80_000, unit: '能源局',
    notes: '选址涉及永久基本农田，无法调整，项目撤销',
  },
];

export const NAMED_PROJECTS: readonly NamedProject[] = [...CONTINUING, ...NEW_START, ...RESERVE, ...CANCELLED];
