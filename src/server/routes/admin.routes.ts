// The administration area: a region's accounts (its administrators only), a county's units and leaders (its dispatchers
// and administrators). Access is checked in the services.

import { createRoute, z } from '@hono/zod-openapi';
import { addLeader, listCountyLeaders, mergeLeaders, updateCountyLeader } from '../../services/leaders.ts';
import { addUser, listAccounts, resetPassword, updateAccount } from '../../services/manage-users.ts';
import { addUnit, addUnitAlias, listCountyUnits, mergeUnits, removeUnitAlias, renameCountyUnit, setUnitRobot } from '../../services/units.ts';
import { requireActor } from '../middleware/auth.ts';
import { createRouter } from '../env.ts';
import { ErrorSchema, errorResponses, json } from './common.schema.ts';
import {
  AccountSchema,
  AccountWithPasswordSchema,
  AddAccountBody,
  AddLeaderBody,
  AddUnitBody,
  AliasBody,
  IdParam,
  LeaderSchema,
  MergeBody,
  NameBody,
  RegionQuery,
  ResetPasswordBody,
  RobotBody,
  UnitSchema,
  UpdateAccountBody,
  UpdateLeaderBody,
} from './admin.schema.ts';

const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } } } });
const conflict = { 409: json(ErrorSchema, '名称已被占用') };
const accountsTags = ['账号管理'];
const unitTags = ['单位与领导'];

const listAccountsRoute = createRoute({
  method: 'get', path: '/admin/accounts', tags: accountsTags, summary: '地区的账号（管理员）',
  middleware: [requireActor] as const, request: { query: RegionQuery },
  responses: { 200: json(z.object({ accounts: z.array(AccountSchema) }), '账号列表'), ...errorResponses },
});
const addAccountRoute = createRoute({
  method: 'post', path: '/admin/accounts', tags: accountsTags, summary: '添加账号（管理员）；首次登录须修改初始密码',
  middleware: [requireActor] as const, request: body(AddAccountBody),
  responses: { 201: json(AccountWithPasswordSchema, '已添加'), ...conflict, ...errorResponses },
});
const updateAccountRoute = createRoute({
  method: 'patch', path: '/admin/accounts/{id}', tags: accountsTags, summary: '修改账号：姓名、角色、单位、领导；停用或启用',
  middleware: [requireActor] as const, request: { params: IdParam, ...body(UpdateAccountBody) },
  responses: { 200: json(z.object({ account: AccountSchema }), '修改后的账号'), ...errorResponses },
});
const resetPasswordRoute = createRoute({
  method: 'post', path: '/admin/accounts/{id}/password', tags: accountsTags, summary: '重置密码：新的初始密码，下次登录须修改；会话结束，锁定解除',
  middleware: [requireActor] as const, request: { params: IdParam, ...body(ResetPasswordBody) },
  responses: { 200: json(AccountWithPasswordSchema, '已重置'), ...errorResponses },
});

const listUnitsRoute = createRoute({
  method: 'get', path: '/admin/units', tags: unitTags, summary: '县的责任单位：别名、群机器人、项目数和账号数（调度员、管理员）',
  middleware: [requireActor] as const, request: { query: RegionQuery },
  responses: { 200: json(z.object({ units: z.array(UnitSchema) }), '单位列表'), ...errorResponses },
});
const addUnitRoute = createRoute({
  method: 'post', path: '/admin/units', tags: unitTags, summary: '添加责任单位',
  middleware: [requireActor] as const, request: body(AddUnitBody),
  responses: { 201: json(z.object({ unit: UnitSchema }), '已添加'), ...conflict, ...errorResponses },
});
const renameUnitRoute = createRoute({
  method: 'patch', path: '/admin/units/{id}', tags: unitTags, summary: '单位改名：旧名称留作别名，按旧名称写的台账照样导入',
  middleware: [requireActor] as const, request: { params: IdParam, ...body(NameBody) },
  responses: { 200: json(z.object({ unit: UnitSchema }), '改名后的单位'), ...conflict, ...errorResponses },
});
const addAliasRoute = createRoute({
  method: 'post', path: '/admin/units/{id}/aliases', tags: unitTags, summary: '添加单位别名（如 县发改局）',
  middleware: [requireActor] as const, request: { params: IdParam, ...body(AliasBody) },
  responses: { 200: json(z.object({ unit: UnitSchema }), '添加后的单位'), ...conflict, ...errorResponses },
});
const removeAliasRoute = createRoute({
  method: 'delete', path: '/admin/units/{id}/aliases/{alias}', tags: unitTags, summary: '删除单位别名',
  middleware: [requireActor] as const, request: { params: IdParam.extend({ alias: z.string().min(1).max(60) }) },
  responses: { 200: json(z.object({ unit: UnitSchema }), '删除后的单位'), ...errorResponses },
});
const mergeUnitRoute = createRoute({
  method: 'post', path: '/admin/units/{id}/merge', tags: unitTags,
  summary: '把本单位合并到另一单位：项目、月报、问题、账号、别名、指标分解、提醒、通知都改指向保留单位，本单位名称留作别名；在一个事务中完成',
  middleware: [requireActor] as const, request: { params: IdParam, ...body(MergeBody) },
  responses: { 200: json(z.object({ unit: UnitSchema, movedProjects: z.number().int() }), '保留的单位'), ...errorResponses },
});
const robotRoute = createRoute({
  method: 'put', path: '/admin/units/{id}/robot', tags: unitTags, summary: '设置单位的钉钉或企业微信群机器人（月报提醒发往此处）；null 为取消',
  middleware: [requireActor] as const, request: { params: IdParam, ...body(RobotBody) },
  responses: { 200: json(z.object({ unit: UnitSchema }), '设置后的单位'), ...errorResponses },
});

const listLeadersRoute = createRoute({
  method: 'get', path: '/admin/leaders', tags: unitTags, summary: '县的包联领导：职务、离任、项目数和账号数（调度员、管理员）',
  middleware: [requireActor] as const, request: { query: RegionQuery },
  responses: { 200: json(z.object({ leaders: z.array(LeaderSchema) }), '领导列表'), ...errorResponses },
});
const addLeaderRoute = createRoute({
  method: 'post', path: '/admin/leaders', tags: unitTags, summary: '添加包联领导',
  middleware: [requireActor] as const, request: body(AddLeaderBody),
  responses: { 201: json(z.object({ leader: LeaderSchema }), '已添加'), ...conflict, ...errorResponses },
});
const updateLeaderRoute = createRoute({
  method: 'patch', path: '/admin/leaders/{id}', tags: unitTags, summary: '修改领导：改名、职务、离任或恢复在任',
  middleware: [requireActor] as const, request: { params: IdParam, ...body(UpdateLeaderBody) },
  responses: { 200: json(z.object({ leader: LeaderSchema }), '修改后的领导'), ...conflict, ...errorResponses },
});
const mergeLeaderRoute = createRoute({
  method: 'post', path: '/admin/leaders/{id}/merge', tags: unitTags, summary: '把本领导合并到另一位（同一人的两条记录）：项目、账号、指标分解改指向保留的一位',
  middleware: [requireActor] as const, request: { params: IdParam, ...body(MergeBody) },
  responses: { 200: json(z.object({ leader: LeaderSchema, movedProjects: z.number().int() }), '保留的领导'), ...errorResponses },
});

export const adminRoutes = createRouter()
  .openapi(listAccountsRoute, async (c) => c.json({ accounts: await listAccounts(c.get('deps').db, c.req.valid('query').region, c.get('actor')) }, 200))
  .openapi(addAccountRoute, async (c) => {
    const { db, now } = c.get('deps');
    return c.json(await addUser(db, c.req.valid('json'), c.get('actor'), now()), 201);
  })
  .openapi(updateAccountRoute, async (c) => {
    const { db, now } = c.get('deps');
    return c.json({ account: await updateAccount(db, c.req.valid('param').id, c.req.valid('json'), c.get('actor'), now()) }, 200);
  })
  .openapi(resetPasswordRoute, async (c) => {
    const { db, now } = c.get('deps');
    return c.json(await resetPassword(db, c.req.valid('param').id, c.req.valid('json'), c.get('actor'), now()), 200);
  })
  .openapi(listUnitsRoute, async (c) => c.json({ units: await listCountyUnits(c.get('deps').db, c.req.valid('query').region, c.get('actor')) }, 200))
  .openapi(addUnitRoute, async (c) => {
    const { region, ...input } = c.req.valid('json');
    return c.json({ unit: await addUnit(c.get('deps').db, region, input, c.get('actor')) }, 201);
  })
  .openapi(renameUnitRoute, async (c) => {
    const { db, now } = c.get('deps');
    return c.json({ unit: await renameCountyUnit(db, c.req.valid('param').id, c.req.valid('json'), c.get('actor'), now()) }, 200);
  })
  .openapi(addAliasRoute, async (c) => {
    const { db, now } = c.get('deps');
    return c.json({ unit: await addUnitAlias(db, c.req.valid('param').id, c.req.valid('json'), c.get('actor'), now()) }, 200);
  })
  .openapi(removeAliasRoute, async (c) => {
    const { id, alias } = c.req.valid('param');
    return c.json({ unit: await removeUnitAlias(c.get('deps').db, id, alias, c.get('actor')) }, 200);
  })
  .openapi(mergeUnitRoute, async (c) => {
    const { db, now } = c.get('deps');
    const { movedProjects, ...unit } = await mergeUnits(db, c.req.valid('param').id, c.req.valid('json').into, c.get('actor'), now());
    return c.json({ unit, movedProjects }, 200);
  })
  .openapi(robotRoute, async (c) => c.json({ unit: await setUnitRobot(c.get('deps').db, c.req.valid('param').id, c.req.valid('json'), c.get('actor')) }, 200))
  .openapi(listLeadersRoute, async (c) => c.json({ leaders: await listCountyLeaders(c.get('deps').db, c.req.valid('query').region, c.get('actor')) }, 200))
  .openapi(addLeaderRoute, async (c) => {
    const { region, ...input } = c.req.valid('json');
    return c.json({ leader: await addLeader(c.get('deps').db, region, input, c.get('actor')) }, 201);
  })
  .openapi(updateLeaderRoute, async (c) => {
    const { db, now } = c.get('deps');
    return c.json({ leader: await updateCountyLeader(db, c.req.valid('param').id, c.req.valid('json'), c.get('actor'), now()) }, 200);
  })
  .openapi(mergeLeaderRoute, async (c) => {
    const { db, now } = c.get('deps');
    const { movedProjects, ...leader } = await mergeLeaders(db, c.req.valid('param').id, c.req.valid('json').into, c.get('actor'), now());
    return c.json({ leader, movedProjects }, 200);
  });
