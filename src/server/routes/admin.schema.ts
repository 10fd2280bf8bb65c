// Schemas of the administration area as the API takes and returns it: accounts, units and leaders of a county.
// The services check every body in full (and name each field in Chinese); these describe them for the OpenAPI document.

import { z } from '@hono/zod-openapi';
import { ROLES } from '../../domain/access.ts';
import { PASSWORD_RULE_TEXT } from '../../domain/auth/password-rule.ts';
import { RegionCodeParam } from './common.schema.ts';

export const RegionQuery = z.object({ region: RegionCodeParam });
export const IdParam = z.object({ id: z.string().min(1).max(64) });

export const AccountSchema = z
  .object({
    id: z.string(),
    username: z.string().openapi({ description: '小写保存；登录时不区分大小写' }),
    displayName: z.string(),
    role: z.enum(ROLES),
    regionCode: z.string(),
    unitId: z.string().nullable(),
    leaderId: z.string().nullable(),
    mustChangePassword: z.boolean().openapi({ description: '初始密码尚未修改' }),
    disabled: z.boolean(),
    createdAt: z.string(),
    passwordChangedAt: z.string().nullable().openapi({ description: '本人最近一次修改密码的时刻' }),
    lastSignInAt: z.string().nullable(),
  })
  .openapi('Account');

export const AccountWithPasswordSchema = z
  .object({
    account: AccountSchema,
    generatedPassword: z.string().nullable().openapi({ description: '未给出密码时生成的初始密码，只显示这一次' }),
  })
  .openapi('AccountWithPassword');

export const AddAccountBody = z
  .object({
    username: z.string().openapi({ example: 'gh-lina' }),
    displayName: z.string().openapi({ example: '李娜' }),
    password: z.string().optional().openapi({ description: `初始密码（${PASSWORD_RULE_TEXT}）；不填则生成。首次登录须修改` }),
    role: z.enum(ROLES),
    regionCode: z.string().openapi({ example: '140423' }),
    unit: z.string().nullish().openapi({ description: '单位名称、别名或编号；填报员必填', example: '古韩镇人民政府' }),
    leader: z.string().nullish().openapi({ description: '包联领导账号对应的领导（姓名或编号）' }),
  })
  .openapi('AddAccount');

export const UpdateAccountBody = z
  .object({
    displayName: z.string().optional(),
    role: z.enum(ROLES).optional(),
    unit: z.string().nullable().optional(),
    leader: z.string().nullable().optional(),
    disabled: z.boolean().optional().openapi({ description: 'true 停用（会话立即结束），false 启用（同时解除锁定）' }),
  })
  .openapi('UpdateAccount');

export const ResetPasswordBody = z.object({ password: z.string().optional().openapi({ description: '新的初始密码；不填则生成' }) }).openapi('ResetPassword');

const Robot = z.object({ kind: z.enum(['dingtalk', 'wecom']), url: z.string(), signed: z.boolean().openapi({ description: '钉钉加签（密钥不返回）' }) });

export const UnitSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.string(),
    townshipCode: z.string().nullable(),
    aliases: z.array(z.string()).openapi({ description: '本县对该单位的其他叫法（改名后的旧名称也在其中），导入台账时认得' }),
    robot: Robot.nullable(),
    projects: z.number().int(),
    accounts: z.number().int(),
  })
  .openapi('Unit');

export const AddUnitBody = z.object({ region: z.string(), name: z.string(), kind: z.enum(['department', 'township', 'zone', 'enterprise', 'other']).optional() }).openapi('AddUnit');
export const NameBody = z.object({ name: z.string() }).openapi('Rename');
export const AliasBody = z.object({ alias: z.string() }).openapi('UnitAlias');
export const MergeBody = z.object({ into: z.string().openapi({ description: '保留的一方的编号' }) }).openapi('Merge');
export const RobotBody = z
  .object({ kind: z.enum(['dingtalk', 'wecom']), url: z.string(), secret: z.string().nullable().optional() })
  .nullable()
  .openapi('UnitRobot');

export const LeaderSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    title: z.string().nullable(),
    retiredOn: z.string().nullable().openapi({ description: '离任日期；离任领导保留在原有项目上，不再用于新项目' }),
    projects: z.number().int(),
    accounts: z.number().int(),
  })
  .openapi('Leader');

export const AddLeaderBody = z.object({ region: z.string(), name: z.string(), title: z.string().nullable().optional() }).openapi('AddLeader');
export const UpdateLeaderBody = z
  .object({
    name: z.string().optional(),
    title: z.string().nullable().optional(),
    retired: z.union([z.boolean(), z.string()]).optional().openapi({ description: 'true 今天离任，YYYY-MM-DD 某日离任，false 恢复在任' }),
  })
  .openapi('UpdateLeader');
