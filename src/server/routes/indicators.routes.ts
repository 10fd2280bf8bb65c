// The indicator API (经济指标): the catalogue; the metrics of a region and month, its sub-regions against 时序进度 and the
// drafted sentences; values, targets, their decomposition, plan curves and entered ranks; the target reader; Excel in
// and out; drawing from the pool. Access is checked in the services.

import { createRoute, z } from '@hono/zod-openapi';
import { invalidInput } from '../../domain/errors.ts';
import { INDICATORS } from '../../domain/indicator/catalogue.ts';
import { LEDGER_MAX_BYTES } from '../../services/import-ledger.ts';
import { drawFromPool } from '../../services/indicator/draw-from-pool.ts';
import { exportIndicators, importIndicators } from '../../services/indicator/indicator-files.ts';
import { indicatorReport, indicatorSentences, indicatorStanding } from '../../services/indicator/indicator-metrics.ts';
import { listEnteredRanks, listPlanCurves, saveEnteredRanks, savePlanCurves } from '../../services/indicator/indicator-plans.ts';
import {
  confirmTargets,
  deleteIndicatorTarget,
  listIndicatorTargets,
  proposeTargets,
  saveAssignments,
  saveIndicatorTargets,
} from '../../services/indicator/indicator-targets.ts';
import { deleteIndicatorValue, listIndicatorValues, saveIndicatorValues } from '../../services/indicator/indicator-values.ts';
import { createRouter } from '../env.ts';
import { refuseLargeUpload, tooLarge } from '../middleware/upload-limit.ts';
import { requireActor } from '../middleware/auth.ts';
import { presentIndicatorReport, presentSentenceReport, presentStandingReport } from '../presenters/indicator.presenter.ts';
import { ErrorSchema, errorResponses, json } from './common.schema.ts';
import {
  AssignmentsBodySchema,
  CatalogueSchema,
  ConfirmTargetsBodySchema,
  DeletedSchema,
  DrawFromPoolBodySchema,
  EnteredRanksSchema,
  ImportBodySchema,
  ImportQuerySchema,
  ImportReportSchema,
  IndicatorReportSchema,
  PlanCurveListSchema,
  PlanCurvesBodySchema,
  PoolDrawSchema,
  ProposalsSchema,
  RanksBodySchema,
  ReadTargetsBodySchema,
  ReportQuerySchema,
  SavedCurvesSchema,
  SavedSchema,
  SaveTargetsBodySchema,
  SaveValuesBodySchema,
  SentencesSchema,
  StandingQuerySchema,
  StandingSchema,
  TargetKeyQuerySchema,
  TargetListSchema,
  ValueKeyQuerySchema,
  ValueListSchema,
  ValuesQuerySchema,
  YearQuerySchema,
} from './indicators.schema.ts';

const TAGS = ['经济指标'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const jsonBody = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });

const report = createRoute({
  method: 'get',
  path: '/indicators',
  tags: TAGS,
  summary: '地区某月的各项指标：累计值、同比（官方或计算）、占年度目标、时序进度及差距、环比、排名、每月需完成、半年及全年预测',
  middleware: [requireActor] as const,
  request: { query: ReportQuerySchema },
  responses: { 200: json(IndicatorReportSchema, '有数值的每项指标一条，数字与 tiaodu indicators --json 相同'), ...errorResponses },
});

const catalogue = createRoute({
  method: 'get',
  path: '/indicators/catalogue',
  tags: TAGS,
  summary: '指标目录：代码、名称及常见写法、单位、发布周期、是否可比价、能否从项目库汇总',
  middleware: [requireActor] as const,
  responses: { 200: json(CatalogueSchema, '指标目录'), ...errorResponses },
});

const standing = createRoute({
  method: 'get',
  path: '/indicators/standing',
  tags: TAGS,
  summary: '下一级地区（乡镇园区或县）对照时序进度：排名、达到/接近/落后，及“达到时序进度的只有…”一句',
  middleware: [requireActor] as const,
  request: { query: StandingQuerySchema },
  responses: { 200: json(StandingSchema, '各指标的乡镇进度'), ...errorResponses },
});

const sentences = createRoute({
  method: 'get',
  path: '/indicators/sentences',
  tags: TAGS,
  summary: '按种子文件 004 的句式起草的指标句子，每个数字标明对应的指标数据',
  middleware: [requireActor] as const,
  request: { query: ReportQuerySchema },
  responses: { 200: json(SentencesSchema, '句子及其中的数字'), ...errorResponses },
});

const listValues = createRoute({
  method: 'get',
  path: '/indicators/values',
  tags: TAGS,
  summary: '地区某年的指标数值（可含下一级地区）',
  middleware: [requireActor] as const,
  request: { query: ValuesQuerySchema },
  responses: { 200: json(ValueListSchema, '指标数值'), ...errorResponses },
});

const putValues = createRoute({
  method: 'put',
  path: '/indicators/values',
  tags: TAGS,
  summary: '录入或修改指标数值（管理员、调度员）：逐条校验，全部通过才保存',
  middleware: [requireActor] as const,
  request: { body: jsonBody(SaveValuesBodySchema) },
  responses: { 200: json(SavedSchema, '已保存条数'), ...errorResponses },
});

const deleteValueRoute = createRoute({
  method: 'delete',
  path: '/indicators/values',
  tags: TAGS,
  summary: '删除一条指标数值（管理员、调度员）',
  middleware: [requireActor] as const,
  request: { query: ValueKeyQuerySchema },
  responses: { 200: json(DeletedSchema, '已删除'), ...errorResponses },
});

const listTargets = createRoute({
  method: 'get',
  path: '/indicators/targets',
  tags: TAGS,
  summary: '地区某年的年度目标、分解到乡镇园区的目标、分解到单位和领导的任务（填报员只见本单位）',
  middleware: [requireActor] as const,
  request: { query: YearQuerySchema },
  responses: { 200: json(TargetListSchema, '年度目标及分解'), ...errorResponses },
});

const putTargets = createRoute({
  method: 'put',
  path: '/indicators/targets',
  tags: TAGS,
  summary: '录入或修改年度目标（增长率或绝对数；乡镇园区的目标即县目标的分解）',
  middleware: [requireActor] as const,
  request: { body: jsonBody(SaveTargetsBodySchema) },
  responses: { 200: json(SavedSchema, '已保存条数'), ...errorResponses },
});

const confirmTargetsRoute = createRoute({
  method: 'post',
  path: '/indicators/targets',
  tags: TAGS,
  summary: '确认从政府工作报告读出的目标并保存（记录原文）',
  middleware: [requireActor] as const,
  request: { body: jsonBody(ConfirmTargetsBodySchema) },
  responses: { 200: json(SavedSchema, '已保存条数'), ...errorResponses },
});

const deleteTargetRoute = createRoute({
  method: 'delete',
  path: '/indicators/targets',
  tags: TAGS,
  summary: '删除一项年度目标',
  middleware: [requireActor] as const,
  request: { query: TargetKeyQuerySchema },
  responses: { 200: json(DeletedSchema, '已删除'), ...errorResponses },
});

const readTargetsRoute = createRoute({
  method: 'post',
  path: '/indicators/targets/read',
  tags: TAGS,
  summary: '从政府工作报告的文字中读出年度目标，供确认（不保存）',
  middleware: [requireActor] as const,
  request: { body: jsonBody(ReadTargetsBodySchema) },
  responses: { 200: json(ProposalsSchema, '读出的目标及原文'), ...errorResponses },
});

const putAssignments = createRoute({
  method: 'put',
  path: '/indicators/assignments',
  tags: TAGS,
  summary: '指标分解：一项指标的县目标分解到单位和领导（数额或比例），整体替换',
  middleware: [requireActor] as const,
  request: { body: jsonBody(AssignmentsBodySchema) },
  responses: { 200: json(SavedSchema, '已保存条数'), ...errorResponses },
});

const listCurves = createRoute({
  method: 'get',
  path: '/indicators/plan-curves',
  tags: TAGS,
  summary: '计划进度曲线（按指标或项目类别的1—12月累计比例）',
  middleware: [requireActor] as const,
  request: { query: YearQuerySchema },
  responses: { 200: json(PlanCurveListSchema, '计划进度曲线'), ...errorResponses },
});

const putCurves = createRoute({
  method: 'put',
  path: '/indicators/plan-curves',
  tags: TAGS,
  summary: '设置或删除计划进度曲线',
  middleware: [requireActor] as const,
  request: { body: jsonBody(PlanCurvesBodySchema) },
  responses: { 200: json(SavedCurvesSchema, '已保存、已删除条数'), ...errorResponses },
});

const listRanks = createRoute({
  method: 'get',
  path: '/indicators/ranks',
  tags: TAGS,
  summary: '手工录入的排名（本系统没有全市各单位数据时使用）',
  middleware: [requireActor] as const,
  request: { query: ReportQuerySchema },
  responses: { 200: json(EnteredRanksSchema, '录入的排名'), ...errorResponses },
});

const putRanks = createRoute({
  method: 'put',
  path: '/indicators/ranks',
  tags: TAGS,
  summary: '录入市里公布的排名；本系统有全市各单位数据时以计算结果为准',
  middleware: [requireActor] as const,
  request: { body: jsonBody(RanksBodySchema) },
  responses: { 200: json(SavedSchema, '已保存条数'), ...errorResponses },
});

const TOO_LARGE = '文件过大，不能超过 20 MB';

const importRoute = createRoute({
  method: 'post',
  path: '/indicators/import',
  tags: TAGS,
  summary: '导入指标数据表（.xlsx）：预览或导入，逐行报告；有行被拒绝时不写入任何数据（除非 skipInvalid）',
  middleware: [refuseLargeUpload(LEDGER_MAX_BYTES, TOO_LARGE), requireActor] as const,
  request: { query: ImportQuerySchema, body: { content: { 'multipart/form-data': { schema: ImportBodySchema } }, required: true } },
  responses: { 200: json(ImportReportSchema, '导入报告'), 413: json(ErrorSchema, '文件过大'), ...errorResponses },
});

const exportRoute = createRoute({
  method: 'get',
  path: '/indicators/export',
  tags: TAGS,
  summary: '导出地区及其下一级地区某年的指标数据表（.xlsx，金额为万元，增速为百分数），可原样导回',
  middleware: [requireActor] as const,
  request: { query: YearQuerySchema },
  responses: { 200: { description: '指标数据表', content: { [XLSX]: { schema: z.string().openapi({ type: 'string', format: 'binary' }) } } }, ...errorResponses },
});

const drawRoute = createRoute({
  method: 'post',
  path: '/indicators/draw-from-pool',
  tags: TAGS,
  summary: '从项目库汇总固定资产投资、工业投资（入库项目的年初至当月完成投资）；save 为 true 时保存为指标数值',
  middleware: [requireActor] as const,
  request: { body: jsonBody(DrawFromPoolBodySchema) },
  responses: { 200: json(PoolDrawSchema, '汇总结果'), 409: json(ErrorSchema, '已有录入或导入的数值，未覆盖'), ...errorResponses },
});

export const indicatorRoutes = createRouter()
  .openapi(report, async (c) => c.json(presentIndicatorReport(await indicatorReport(c.get('deps').db, c.req.valid('query'), c.get('actor'))), 200))
  .openapi(catalogue, async (c) =>
    c.json(
      {
        indicators: INDICATORS.map((d) => ({
          code: d.code,
          name: d.name,
          aliases: [...d.aliases],
          unitKind: d.unitKind,
          unit: d.unit,
          periodicity: d.periodicity,
          accumulation: d.accumulation,
          comparablePrices: d.comparablePrices,
          drawableFromPool: d.poolDraw !== null,
        })),
      },
      200,
    ),
  )
  .openapi(standing, async (c) => c.json(presentStandingReport(await indicatorStanding(c.get('deps').db, c.req.valid('query'), c.get('actor'))), 200))
  .openapi(sentences, async (c) => c.json(presentSentenceReport(await indicatorSentences(c.get('deps').db, c.req.valid('query'), c.get('actor'))), 200))
  .openapi(listValues, async (c) => {
    const { within, ...q } = c.req.valid('query');
    return c.json(await listIndicatorValues(c.get('deps').db, { ...q, within: within === 'true' }, c.get('actor')), 200);
  })
  .openapi(putValues, async (c) => {
    const { db, now } = c.get('deps');
    return c.json(await saveIndicatorValues(db, c.req.valid('json'), c.get('actor'), now()), 200);
  })
  .openapi(deleteValueRoute, async (c) => c.json(await deleteIndicatorValue(c.get('deps').db, c.req.valid('query'), c.get('actor'), c.get('deps').now()), 200))
  .openapi(listTargets, async (c) => c.json(await listIndicatorTargets(c.get('deps').db, c.req.valid('query'), c.get('actor')), 200))
  .openapi(putTargets, async (c) => {
    const { db, now } = c.get('deps');
    return c.json(await saveIndicatorTargets(db, c.req.valid('json'), c.get('actor'), now()), 200);
  })
  .openapi(confirmTargetsRoute, async (c) => {
    const { db, now } = c.get('deps');
    return c.json(await confirmTargets(db, c.req.valid('json'), c.get('actor'), now()), 200);
  })
  .openapi(deleteTargetRoute, async (c) => c.json(await deleteIndicatorTarget(c.get('deps').db, c.req.valid('query'), c.get('actor'), c.get('deps').now()), 200))
  .openapi(readTargetsRoute, async (c) => c.json(await proposeTargets(c.get('deps').db, c.req.valid('json'), c.get('actor')), 200))
  .openapi(putAssignments, async (c) => {
    const { db, now } = c.get('deps');
    return c.json(await saveAssignments(db, c.req.valid('json'), c.get('actor'), now()), 200);
  })
  .openapi(listCurves, async (c) => c.json(await listPlanCurves(c.get('deps').db, c.req.valid('query'), c.get('actor')), 200))
  .openapi(putCurves, async (c) => {
    const { db, now } = c.get('deps');
    return c.json(await savePlanCurves(db, c.req.valid('json'), c.get('actor'), now()), 200);
  })
  .openapi(listRanks, async (c) => c.json(await listEnteredRanks(c.get('deps').db, c.req.valid('query'), c.get('actor')), 200))
  .openapi(putRanks, async (c) => {
    const { db, now } = c.get('deps');
    return c.json(await saveEnteredRanks(db, c.req.valid('json'), c.get('actor'), now()), 200);
  })
  .openapi(importRoute, async (c) => {
    const { db, now } = c.get('deps');
    const q = c.req.valid('query');
    // A body that is not multipart leaves the form unvalidated and empty: the same refusal as a missing file.
    const file = (c.req.valid('form') as { file?: unknown } | undefined)?.file;
    if (!(file instanceof Blob)) throw invalidInput([{ field: 'file', message: '请选择要导入的指标数据表' }]);
    if (file.size > LEDGER_MAX_BYTES) throw tooLarge(TOO_LARGE);
    const result = await importIndicators(
      db,
      { file: Buffer.from(await file.arrayBuffer()), regionCode: q.region, skipInvalid: q.skipInvalid === 'true', commit: q.commit === 'true' },
      c.get('actor'),
      now(),
    );
    return c.json(result, 200);
  })
  .openapi(exportRoute, async (c) => {
    const q = c.req.valid('query');
    const file = await exportIndicators(c.get('deps').db, q, c.get('actor'));
    const fallback = `indicators-${q.region}-${q.year}.xlsx`;
    return new Response(new Uint8Array(file.buffer), {
      status: 200,
      headers: {
        'content-type': XLSX,
        'content-disposition': `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        'cache-control': 'no-store',
      },
    });
  })
  .openapi(drawRoute, async (c) => {
    const { db, now } = c.get('deps');
    return c.json(await drawFromPool(db, c.req.valid('json'), c.get('actor'), now()), 200);
  });
