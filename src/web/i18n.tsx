// The interface's words in Chinese (the default) and English, the language choice kept in localStorage, and the label tables of the domain's codes.
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { ROLE_LABELS, type Role } from '../domain/access.ts';
import {
  APPROVAL_KIND_LABELS,
  CONSTRUCTION_TYPE_LABELS,
  KEY_LEVEL_LABELS,
  FIELD_LABELS,
  PHASE_LABELS,
  STAGE_LABELS,
  STATS_ENTRY_LABELS,
  type ApprovalKind,
  type ConstructionType,
  type KeyLevel,
  type Phase,
  type Stage,
  type StatsEntryStatus,
} from '../domain/project/project.ts';
import { CALENDAR_MESSAGES } from './lib/calendar-messages.ts';
import { DOCUMENT_MESSAGES } from './lib/document-messages.ts';
import { INDICATOR_MESSAGES } from './lib/indicator-messages.ts';
import { ROUND_MESSAGES } from './lib/round-messages.ts';
import { ATTRACTION_MESSAGES } from './lib/attraction-messages.ts';
import { PEOPLE_MESSAGES } from './lib/people-messages.ts';
import { AUDIT_MESSAGES } from './lib/audit-messages.ts';
import { SUPERVISION_MESSAGES } from './lib/supervision-messages.ts';
import { COUNTY_RANKING_MESSAGES } from './lib/county-ranking-messages.ts';

export type Lang = 'zh' | 'en';

const MESSAGES = {
  'app.name': ['调度', 'Tiaodu'],
  'app.title': ['调度 · 县域经济工作平台', 'Tiaodu · County Economic Work Desk'],
  'lang.switch': ['English', '中文'],
  'nav.dashboard': ['项目库总览', 'Pool overview'],
  'nav.ledger': ['项目台账', 'Project ledger'],
  'nav.import': ['导入台账', 'Import ledger'],
  'nav.menu': ['菜单', 'Menu'],
  'header.asOf': ['截至', 'As of'],
  'header.signOut': ['退出登录', 'Sign out'],
  'header.county': ['县', 'County'],
  'common.loading': ['加载中…', 'Loading…'],
  'common.retry': ['重试', 'Retry'],
  'common.loadFailed': ['加载失败', 'Failed to load'],
  'common.noData': ['暂无数据', 'No data'],
  'common.empty': ['（空）', '(empty)'],
  'common.unitWan': ['金额单位：万元', 'Amounts in 10k yuan'],
  'common.pageFailed': ['页面出错了', 'This page failed'],
  'common.reload': ['刷新页面', 'Reload the page'],
  'common.notFound': ['页面不存在', 'Page not found'],
  'common.backHome': ['返回总览', 'Back to overview'],
  'common.items': ['{n}项', '{n}'],
  // The monthly round's and the indicators' words live in their own tables, merged here.
  ...ROUND_MESSAGES,
  ...INDICATOR_MESSAGES,
  ...ATTRACTION_MESSAGES,
  ...PEOPLE_MESSAGES,
  ...AUDIT_MESSAGES,
  ...CALENDAR_MESSAGES,
  ...DOCUMENT_MESSAGES,
  ...SUPERVISION_MESSAGES,
  ...COUNTY_RANKING_MESSAGES,

  'login.username': ['用户名', 'Username'],
  'login.password': ['密码', 'Password'],
  'login.submit': ['登录', 'Sign in'],
  'login.usernameRequired': ['请输入用户名', 'Enter your username'],
  'login.passwordRequired': ['请输入密码', 'Enter your password'],
  'login.demoTitle': ['演示账号', 'Demo accounts'],
  'login.demoHint': ['这是演示数据库（襄垣县）。选择一个角色，一键登录。', 'This is the demo database (襄垣县). Pick a role to sign in.'],
  'login.use': ['登录', 'Sign in'],
  'login.tagline': ['项目库 · 台账 · 月报 · 指标 · 督办', 'Project pool · ledgers · monthly round · indicators · supervision'],

  'dash.title': ['项目库总览', 'Pool overview'],
  'dash.ownUnit': ['本单位', 'Own unit'],
  'dash.ownUnitHint': ['以下为本单位（{unit}）项目的数字', 'Figures of your unit ({unit}) only'],
  'dash.count': ['拟实施项目', 'Projects planned'],
  'dash.total': ['总投资', 'Total investment'],
  'dash.plan': ['年度计划', 'Annual plan'],
  'dash.completed': ['{period}完成投资', 'Completed {period}'],
  'dash.planShare': ['占年度计划{rate}', '{rate} of annual plan'],
  'dash.continuing': ['续建（复工）项目', 'Continuing (resumed) projects'],
  'dash.resumed': ['已复工', 'Resumed'],
  'dash.resumeRate': ['复工率', 'Resumption rate'],
  'dash.newStart': ['新建项目', 'New projects'],
  'dash.started': ['已开工', 'Started'],
  'dash.startRate': ['开工率', 'Start rate'],
  'dash.progress': ['投资完成进度与时序进度', 'Investment progress against time progress'],
  'dash.timeProgress': ['时序进度', 'Time progress'],
  'dash.completion': ['完成年度计划', 'Share of annual plan'],
  'dash.ahead': ['超时序进度{points}', '{points} ahead of time progress'],
  'dash.behind': ['低于时序进度{points}', '{points} behind time progress'],
  'dash.onPace': ['与时序进度持平', 'On pace with time progress'],
  'dash.sentence': ['项目推进情况（按数据起草，可复制）', 'Drafted paragraph (from the data; copy it)'],
  'dash.batches': ['“三个一批”活动', '"Three batches" events'],
  'dash.townshipChart': ['分乡镇（园区）投资情况（亿元）', 'By township / zone (100M yuan)'],
  'dash.chainChart': ['分产业链总投资占比', 'Total investment by industry chain'],
  'dash.phaseChart': ['续建、新建项目投资对比（亿元）', 'Continuing and new projects (100M yuan)'],
  'dash.byLeader': ['包联领导', 'Leaders in charge'],
  'dash.byUnit': ['责任单位', 'Responsible units'],
  'dash.all': ['全部', 'All'],
  'dash.noChain': ['未标注产业链', 'No chain'],

  'batch.heldOn': ['日期', 'Date'],
  'batch.title': ['活动', 'Event'],
  'batch.signed': ['签约', 'Signed'],
  'batch.started': ['开工', 'Started'],
  'batch.operating': ['投产', 'In operation'],
  'batch.kind': ['类别', 'Kind'],
  'batchKind.signed': ['签约一批', 'Signed batch'],
  'batchKind.started': ['开工一批', 'Started batch'],
  'batchKind.operating': ['投产一批', 'Operating batch'],

  'col.name': ['名称', 'Name'],
  'col.count': ['项目数', 'Projects'],
  'col.planWan': ['年度计划（万元）', 'Annual plan (10k yuan)'],
  'col.completedWan': ['{period}完成（万元）', 'Completed {period} (10k yuan)'],
  'col.planShare': ['占年度计划', 'Share of plan'],

  'ledger.title': ['项目台账', 'Project ledger'],
  'ledger.search': ['搜索名称、建设单位或项目代码', 'Search name, owner or project code'],
  'ledger.reset': ['清除筛选', 'Clear filters'],
  'ledger.columns': ['列设置', 'Columns'],
  'ledger.export': ['导出 CSV', 'Export CSV'],
  'ledger.exportHint': ['按当前筛选导出，CSV 为纯数据，可再加工', 'The current view as plain data'],
  'ledger.exportExcel': ['导出 Excel', 'Export Excel'],
  'ledger.exportExcelHint': ['按当前筛选和截至月份，导出可直接打印的台账', 'The current view as a printable ledger'],
  'ledger.exportedFile': ['已下载 {name}', 'Downloaded {name}'],
  'ledger.excelFile': ['项目台账', 'project-ledger'],
  'ledger.exported': ['已导出{n}项', 'Exported {n} projects'],
  'ledger.total': ['共{n}项', '{n} projects'],
  'ledger.phase': ['年度性质', 'Phase'],
  'ledger.stage': ['项目阶段', 'Stage'],
  'ledger.township': ['乡镇/园区', 'Township / zone'],
  'ledger.chain': ['产业链', 'Industry chain'],
  'ledger.unit': ['责任单位', 'Responsible unit'],
  'ledger.leader': ['包联领导', 'Leader in charge'],
  'ledger.ownUnit': ['本单位项目', 'Your unit\'s projects'],
  'ledger.csvTitle': ['{county}项目台账（截至{month}，金额单位：万元）', '{county} project ledger (as of {month}; amounts in 10k yuan)'],
  'ledger.csvFile': ['项目台账', 'project-ledger'],

  'import.title': ['导入台账', 'Import a ledger'],
  'import.sub': ['从 Excel 台账批量新增、更新项目；先预览，确认后才写入', 'Add and update projects from an Excel ledger; preview first, nothing is written until you confirm'],
  'import.forbidden': ['只有管理员和调度员可以导入台账', 'Only administrators and dispatchers may import ledgers'],
  'import.accepts': ['可以导入的台账', 'Ledgers that can be imported'],
  'import.accept1': ['.xlsx、.xls、.csv 都可以；表格上方的标题行、“单位：万元”等说明行可以保留；两三行合并的表头、表下的备注行也能识别。', '.xlsx, .xls and .csv are read; title rows and lines such as “单位：万元” above the table may stay; headers merged over two or three rows and notes under the table are understood.'],
  'import.accept2': ['列名写法不必统一：“总投资（万元）”“计划总投资”“总投资(亿元)”都认得；序号列不读。', 'Header spellings may vary: 总投资（万元）, 计划总投资, 总投资(亿元) are all understood; the 序号 column is ignored.'],
  'import.accept3': ['金额按表头或说明行写的单位（万元、亿元）换算；日期可写作 Excel 日期、2021年3月 或 2021.3。', 'Amounts are read in the unit the header or a line above names (万元, 亿元); dates as Excel dates, 2021年3月 or 2021.3.'],
  'import.accept4': ['“一、续建项目（86个）”这样的分类行和合计行自动跳过。', 'Section rows such as “一、续建项目（86个）” and total rows are skipped.'],
  'import.accept5': ['项目库里已有的项目更新，没有的新增；有误的行逐行说明原因，不会导入一半。', 'Projects already in the pool are updated, others added; faulty rows are listed with the reason, and nothing is half-imported.'],
  'import.accept6': ['包联领导可写几位（用顿号或换行分开）；责任单位可写简称（县发改局、经开区管委会）；本县还没有的领导和单位导入时新建。', 'Several leaders may share a cell (separated by 、 or line breaks); units may be written short (县发改局, 经开区管委会); leaders and units the county does not have yet are created.'],
  'import.template': ['下载模板', 'Download template'],
  'import.templateHint': ['没有现成台账时，可按模板填写。', 'No ledger at hand? Fill in the template.'],
  'import.upload': ['上传台账', 'Upload a ledger'],
  'import.drag': ['点击选择，或将台账文件拖到这里', 'Click to choose, or drop the ledger here'],
  'import.dragHint': ['.xlsx、.xls 或 .csv（UTF-8 或 GBK），不超过 20 MB', '.xlsx, .xls or .csv (UTF-8 or GBK), up to 20 MB'],
  'import.willCreate': ['将新建', 'Will be created'],
  'import.created': ['已新建', 'Created'],
  'import.newLeaders': ['包联领导 {n} 位：{names}', '{n} leaders: {names}'],
  'import.newUnits': ['责任单位 {n} 个：{names}', '{n} units: {names}'],
  'import.createdNote': ['台账中的这些领导和单位本县还没有，导入时一并新建；单位按通常简称（县发改局、经开区管委会）对应已有单位后仍找不到的才新建。', 'These leaders and units named in the ledger are not yet the county’s and are created with the import; a unit is created only when no existing unit matches its usual short name.'],
  'import.chosen': ['已选择', 'Chosen'],
  'import.year': ['年度', 'Year'],
  'import.asOf': ['截至月份', 'As of month'],
  'import.fromHeaders': ['留空则从表头读取', 'Blank: read from the headers'],
  'import.reading': ['正在识别台账…', 'Reading the ledger…'],
  'import.preview': ['预览', 'Preview'],
  'import.previewNote': ['以下为预览，尚未写入项目库。', 'This is a preview; nothing has been written yet.'],
  'import.readFrom': ['读取了工作表“{sheet}”，金额单位：{unit}，年度：{year}年', 'Read sheet “{sheet}”, amounts in {unit}, year {year}'],
  'import.readAsOf': ['，完成投资截至{month}', ', completed investment as of {month}'],
  'import.willAdd': ['将新增 {n} 个', '{n} to add'],
  'import.willUpdate': ['更新 {n} 个', '{n} to update'],
  'import.noChange': ['无变化 {n} 个', '{n} unchanged'],
  'import.faulty': ['有误 {n} 行', '{n} faulty rows'],
  'import.skippedTitle': ['以下 {n} 行有误，已跳过，未导入', 'These {n} faulty rows were skipped'],
  'import.faultyTitle': ['以下 {n} 行有误，不会导入', 'These {n} rows are faulty and will not be imported'],
  'import.rowReason': ['第{row}行：{reason}', 'Row {row}: {reason}'],
  'import.showAll': ['全部 {n} 行', 'All {n} rows'],
  'import.showFaulty': ['只看有误 {n} 行', 'Faulty only ({n})'],
  'import.colRow': ['Excel行号', 'Excel row'],
  'import.colName': ['项目名称', 'Project'],
  'import.colAction': ['处理', 'Action'],
  'import.colReason': ['说明', 'Reason'],
  'import.noName': ['（未填写）', '(blank)'],
  'action.new': ['新增', 'New'],
  'action.updated': ['更新', 'Update'],
  'action.unchanged': ['无变化', 'Unchanged'],
  'action.rejected': ['有误', 'Faulty'],
  'import.skip': ['跳过有误的行，导入其余各行', 'Skip the faulty rows and import the rest'],
  'import.confirm': ['确认导入', 'Import'],
  'import.confirmNote': ['确认后新增 {new} 个、更新 {updated} 个项目', 'Adds {new} and updates {updated} projects'],
  'import.blockedFaulty': ['有 {n} 行有误：请在 Excel 中改正后重新上传，或勾选“跳过有误的行”', '{n} rows are faulty: correct them in Excel and upload again, or tick “skip the faulty rows”'],
  'import.blockedNothing': ['台账与项目库一致，没有需要新增或更新的项目', 'The ledger matches the pool: nothing to add or update'],
  'import.chooseAnother': ['重新选择文件', 'Choose another file'],
  'import.failed': ['无法导入该文件', 'This file cannot be imported'],
  'import.notCommitted': ['未导入：有 {n} 行有误，项目库没有任何改动', 'Not imported: {n} rows are faulty; the pool was not changed'],
  'import.done': ['导入完成', 'Imported'],
  'import.doneDetail': ['已新增 {new} 个项目、更新 {updated} 个，{unchanged} 个无变化', '{new} added, {updated} updated, {unchanged} unchanged'],
  'import.doneSkipped': ['；跳过有误的 {n} 行', '; {n} faulty rows skipped'],
  'import.openLedger': ['查看项目台账', 'Open the ledger'],
  'import.again': ['再导入一个文件', 'Import another file'],

  'lcol.name': ['项目名称', 'Project'],
  'lcol.projectCode': ['项目代码', 'Project code'],
  'lcol.owner': ['建设单位', 'Owner'],
  'lcol.township': ['乡镇', 'Township'],
  'lcol.chain': ['产业链', 'Chain'],
  'lcol.phase': ['性质', 'Phase'],
  'lcol.stage': ['阶段', 'Stage'],
  'lcol.totalInvestment': ['总投资（万元）', 'Total (10k yuan)'],
  'lcol.annualPlan': ['年度计划（万元）', 'Annual plan (10k yuan)'],
  'lcol.completedYtd': ['{period}完成（万元）', 'Completed {period} (10k yuan)'],
  'lcol.startedOn': ['开工日期', 'Started on'],
  'lcol.leader': ['包联领导', 'Leader'],
  'lcol.unit': ['责任单位', 'Responsible unit'],
  'lcol.statsEntry': ['入库', 'Statistics entry'],

  'project.back': ['返回台账', 'Back to ledger'],
  'project.edit': ['编辑', 'Edit'],
  'project.readOnly': ['只读：您的账号不能修改该项目', 'Read only: your account cannot edit this project'],
  'project.basic': ['基本信息', 'Basic information'],
  'project.milestones': ['节点日期', 'Milestones'],
  'project.investment': ['投资与入库', 'Investment and statistics entry'],
  'project.responsibility': ['包联与责任', 'Responsibility'],
  'project.totalSoFar': ['累计完成投资（含以前年度）', 'Completed to date (incl. earlier years)'],
  'project.ytd': ['{period}完成投资', 'Completed {period}'],
  'project.yearPlan': ['{year}年年度计划', '{year} annual plan'],
  'project.years': ['年度计划', 'Annual plans'],
  'project.year': ['年度', 'Year'],
  'project.months': ['月度完成投资', 'Monthly completed investment'],
  'project.month': ['月份', 'Month'],
  'project.monthCompleted': ['当月完成（万元）', 'In month (10k yuan)'],
  'project.cumulative': ['年初至当月累计（万元）', 'Year to date (10k yuan)'],
  'project.shareOfTotal': ['占总投资{rate}', '{rate} of total investment'],
  'project.noMonths': ['尚无完成投资数据', 'No completed investment reported yet'],
  'project.batches': ['“三个一批”', '"Three batches"'],
  'project.funds': ['资金申报', 'Fund applications'],
  'project.fundKind': ['类别', 'Kind'],
  'project.fundAmount': ['金额（万元）', 'Amount (10k yuan)'],
  'project.fundStatus': ['状态', 'Status'],
  'project.fundNotes': ['备注', 'Notes'],
  'fundKind.specialBond': ['专项债', 'Special bond'],
  'fundKind.centralBudget': ['中央预算内投资', 'Central budget'],
  'fundKind.other': ['其他', 'Other'],
  'project.history': ['修改历史', 'History'],
  'project.noHistory': ['暂无修改记录', 'No changes recorded'],
  'project.changed': ['{user} 修改了{field}', '{user} changed {field}'],
  'history.created': ['建立项目', 'project created'],
  'project.system': ['系统', 'System'],
  'project.created': ['{user} 建立了项目', '{user} created the project'],
  'project.mu': ['{n}亩', '{n} mu'],
  'project.ratePlan': ['完成年度计划{rate}', '{rate} of annual plan'],

  'edit.title': ['编辑项目', 'Edit project'],
  'edit.save': ['保存', 'Save'],
  'edit.cancel': ['取消', 'Cancel'],
  'edit.saved': ['已保存', 'Saved'],
  'edit.problems': ['未保存，请修改以下内容', 'Not saved; please correct the following'],
  'edit.required': ['请填写{field}', 'Enter the {field}'],
  'edit.noChange': ['没有修改任何内容', 'Nothing was changed'],
  'edit.failed': ['未保存：{message}', 'Not saved: {message}'],
  'edit.conflictTitle': ['该项目已被他人修改', 'Someone else changed this project'],
  'edit.conflict': ['您打开编辑后，有人保存了新的内容。请重新加载最新内容后再修改；本次填写的内容不会保存。', 'It was saved by someone else after you opened the form. Reload the latest version and edit again; your changes were not saved.'],
  'edit.reload': ['重新加载', 'Reload'],
  'edit.wan': ['万元', '×10k yuan'],
  'edit.mu': ['亩', 'mu'],
  'edit.yearPhase': ['{year}年年度性质', '{year} phase'],
  'edit.yearPlan': ['{year}年年度计划投资', '{year} annual plan'],
  'edit.select': ['请选择', 'Select'],
  'edit.nameRequired': ['项目名称不能为空', 'The name cannot be empty'],
  'edit.amountHint': ['以万元填写，保存时换算为元', 'In 10k yuan; saved in whole yuan'],
  'edit.viaRound': ['随月报经调度员审核后更新', 'Set by the monthly report once the dispatcher approves it'],
  'edit.viaRoundNote': ['项目阶段，开工、停工、竣工、投产和复工日期，以及以前年度累计完成投资，随月报经调度员审核后更新，填报员在此不能修改：请在月报中填报，或请调度员更正。', 'The stage, the start, suspension, completion, operation and resumption days, and the earlier years’ completed investment are set by the monthly report once the dispatcher approves it; a reporter cannot change them here: report them in the monthly report, or ask the dispatcher to correct them.'],
  'edit.planNeedsPhase': ['填写年度计划时请同时选择年度性质', 'Choose the phase along with the annual plan'],
  'nav.statsEntry': ['开工未入库', 'Started, not entered'],
  'se.title': ['入库', 'Statistics entry'],
  'se.status': ['入库状态', 'Status'],
  'se.enteredByDispatcher': ['“已入库”由调度员根据统计部门的入库结果登记，填报员不能设为或撤销', '“Entered” is recorded by the dispatcher from the statistics office’s result; a reporter cannot set or undo it'],
  'se.statusOn': ['日期', 'Date'],
  'se.reason': ['不予入库原因', 'Reason for refusal'],
  'se.notes': ['入库备注', 'Notes'],
  'se.notApplicable': ['总投资不足{threshold}，不纳入固定资产投资统计，无需入库', 'Under {threshold} in total: not entered in the investment statistics'],
  'se.flag': ['开工{months}个月未入库', 'Started {months} months ago, not entered'],
  'se.flagNew': ['开工不满1个月未入库', 'Started less than a month ago, not entered'],
  'se.cutOffs': ['统计局截止日', 'Statistics office cut-offs'],
  'se.materialsBy': ['材料报送 {day}', 'Materials by {day}'],
  'se.verificationBy': ['审核 {day}', 'Verification by {day}'],
  'se.daysLeft': ['（还有{n}天）', ' ({n} days left)'],
  'se.today': ['（今天）', ' (today)'],
  'se.cutOffRule': ['每月{m}日前报送材料，{v}日前完成审核', 'Materials by the {m}th, verification by the {v}th of each month'],
  'se.materials': ['入库材料', 'Materials'],
  'se.materialsCount': ['已备{done}/4项', '{done} of 4 ready'],
  'se.marked': ['{day} {user}', '{day} {user}'],
  'se.editNote': ['备注', 'Note'],
  'se.noteTitle': ['“{item}”备注', 'Note on “{item}”'],
  'se.change': ['变更状态', 'Change status'],
  'se.changeTitle': ['变更入库状态', 'Change the statistics entry status'],
  'se.missingHint': ['报送前须备齐材料，尚缺：{items}', 'Every material is needed before submitting; missing: {items}'],
  'se.reasonRequired': ['请填写不予入库原因', 'Enter the reason for refusal'],
  'se.dateRequired': ['请选择日期', 'Choose the date'],
  'se.saved': ['已保存', 'Saved'],
  'se.failed': ['未保存：{message}', 'Not saved: {message}'],
  'se.list': ['开工未入库清单', 'Started, not entered: the list'],
  'se.updated': ['{user} 于 {time} 更新', 'Updated by {user} at {time}'],
  'se.pageTitle': ['开工未入库项目', 'Started projects not yet entered'],
  'se.pageSub': ['截至{day}，总投资{threshold}及以上、已开工未入库的项目', 'As of {day}: started projects of {threshold} and more not yet entered in the statistics'],
  'se.rule': ['开工满1个月未入库亮黄灯，满2个月亮红灯；“先入库，后有数”', 'Yellow after 1 month without entry, red after 2; no figures count before entry'],
  'se.total': ['共{n}项', '{n} projects'],
  'se.all': ['全部', 'All'],
  'se.colour.red': ['红灯', 'Red'],
  'se.colour.yellow': ['黄灯', 'Yellow'],
  'se.colour.green': ['绿灯', 'Green'],
  'se.col.months': ['开工月数', 'Months since start'],
  'se.col.flag': ['预警', 'Flag'],
  'se.col.materials': ['材料', 'Materials'],
  'se.monthsValue': ['{n}个月', '{n} mo'],
  'se.setCutOffs': ['设置截止日', 'Set cut-offs'],
  'se.materialsDay': ['材料报送截止日（每月）', 'Materials cut-off (day of month)'],
  'se.verificationDay': ['审核截止日（每月）', 'Verification cut-off (day of month)'],
  'se.dayOfMonth': ['日', 'th'],
  'se.empty': ['没有开工未入库的项目', 'No started project is waiting for entry'],
  'se.material.approvalDocument': ['立项/核准/备案文件', 'Approval, authorization or filing document'],
  'se.material.constructionContract': ['施工合同', 'Construction contract'],
  'se.material.sitePhotos': ['现场照片（注明日期）', 'Dated site photos'],
  'se.material.businessLicence': ['营业执照', 'Business licence'],
  'se.history.on': ['入库状态日期', 'Statistics entry status date'],
  'se.history.done': ['已备', 'ready'],
  'se.history.notDone': ['未备', 'not ready'],
  'se.history.note': ['备注', 'note'],
} as const satisfies Record<string, readonly [string, string]>;

export type MessageKey = keyof typeof MESSAGES;

const EN_PHASE: Record<Phase, string> = { continuing: 'Continuing', newStart: 'New start', reserve: 'Reserve' };
const EN_STAGE: Record<Stage, string> = {
  planned: 'Planned',
  preparing: 'Preparing',
  signed: 'Signed',
  underway: 'Under way',
  completed: 'Completed',
  operating: 'Operating',
  suspended: 'Suspended',
  cancelled: 'Cancelled',
};
const EN_KEY_LEVEL: Record<KeyLevel, string> = { province: 'Provincial key project', city: 'City key project', county: 'County key project' };

const EN_CONSTRUCTION: Record<ConstructionType, string> = {
  new: 'New build',
  expansion: 'Expansion',
  renovation: 'Renovation',
  technicalUpgrade: 'Technical upgrade',
  relocation: 'Relocation',
};
const EN_STATS_ENTRY: Record<StatsEntryStatus, string> = {
  none: 'Not entered',
  preparing: 'Preparing',
  submitted: 'Submitted',
  entered: 'Entered',
  refused: 'Refused',
};
const EN_APPROVAL: Record<ApprovalKind, string> = { approval: 'Approval', authorization: 'Authorization', filing: 'Filing' };
const EN_ROLE: Record<Role, string> = { admin: 'Administrator', dispatcher: 'Dispatcher', reporter: 'Reporter', leader: 'Leader in charge', viewer: 'Viewer' };
type FieldKey = keyof typeof FIELD_LABELS;
const EN_FIELD: Record<FieldKey, string> = {
  name: 'Project name',
  projectCode: 'Project code',
  approvalKind: 'Approval kind',
  owner: 'Owner',
  townshipCode: 'Township / zone',
  industryCode: 'Industry',
  chain: 'Industry chain',
  constructionType: 'Construction type',
  category: 'Category',
  stage: 'Stage',
  signedOn: 'Signed on',
  landSuppliedOn: 'Land supplied on',
  permitOn: 'Permit issued on',
  startedOn: 'Started on',
  suspendedOn: 'Suspended on',
  completedOn: 'Completed on',
  operatingOn: 'In operation since',
  totalInvestment: 'Total investment',
  completedBefore: 'Completed in earlier years',
  statsEntry: 'Statistics entry',
  leaderIds: 'Leaders in charge',
  unitId: 'Responsible unit',
  keyLevel: 'Key project level',
  progressNote: 'Progress on site',
  landAreaMu: 'Land area',
  notes: 'Notes',
  annualPlan: 'Annual plan',
  phase: 'Phase',
  resumedOn: 'Resumed on',
  completed: 'Completed investment',
};

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  /** A message with {name} placeholders filled. */
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  phase(p: Phase | null | undefined): string;
  stage(s: Stage | null | undefined): string;
  constructionType(c: ConstructionType | null | undefined): string;
  keyLevel(k: KeyLevel | null | undefined): string;
  statsEntry(s: StatsEntryStatus | null | undefined): string;
  approvalKind(a: ApprovalKind | null | undefined): string;
  role(r: string): string;
  field(f: FieldKey): string;
  /** The year-to-date period of a month: "1-5月" / "Jan–May". */
  period(month: string): string;
  /** A month as people write it: "2021年5月" / "May 2021". */
  month(month: string): string;
}

const STORAGE_KEY = 'tiaodu.lang';

function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

// Set before the first render so date pickers never flash the other language.
function applyLang(lang: Lang): void {
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

function fill(text: string, vars?: Record<string, string | number>): string {
  return vars ? text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : text;
}

/** The words of one language; the app takes them from {@link useI18n}, tests call this directly. */
export function makeI18n(lang: Lang, setLang: (l: Lang) => void = () => {}): I18n {
  const zh = lang === 'zh';
  const dash = '—';
  return {
    lang,
    setLang,
    t: (key, vars) => fill(MESSAGES[key][zh ? 0 : 1], vars),
    phase: (p) => (p ? (zh ? PHASE_LABELS[p] : EN_PHASE[p]) : dash),
    stage: (s) => (s ? (zh ? STAGE_LABELS[s] : EN_STAGE[s]) : dash),
    constructionType: (c) => (c ? (zh ? CONSTRUCTION_TYPE_LABELS[c] : EN_CONSTRUCTION[c]) : dash),
    keyLevel: (k) => (k ? (zh ? KEY_LEVEL_LABELS[k] : EN_KEY_LEVEL[k]) : dash),
    statsEntry: (s) => (s ? (zh ? STATS_ENTRY_LABELS[s] : EN_STATS_ENTRY[s]) : dash),
    approvalKind: (a) => (a ? (zh ? APPROVAL_KIND_LABELS[a] : EN_APPROVAL[a]) : dash),
    role: (r) => (r in ROLE_LABELS ? (zh ? ROLE_LABELS[r as Role] : EN_ROLE[r as Role]) : r),
    field: (f) => (zh ? FIELD_LABELS[f] : EN_FIELD[f]),
    period: (month) => {
      const n = Number(month.slice(5, 7));
      if (zh) return n === 1 ? '1月' : `1-${n}月`;
      return n === 1 ? 'Jan' : `Jan–${EN_MONTHS[n - 1]}`;
    },
    month: (month) => {
      const y = month.slice(0, 4);
      const n = Number(month.slice(5, 7));
      return zh ? `${y}年${n}月` : `${EN_MONTHS[n - 1]} ${y}`;
    },
  };
}

const I18nContext = createContext<I18n>(makeI18n('zh', () => {}));

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const l = storedLang();
    applyLang(l);
    return l;
  });
  const setLang = useCallback((l: Lang) => {
    applyLang(l);
    setLangState(l);
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      // Private windows may refuse storage; the choice then lasts for the visit.
    }
  }, []);
  const value = useMemo(() => makeI18n(lang, setLang), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
