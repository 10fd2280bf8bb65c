// Schemas of the administration area as the API takes and returns it: accounts, units and leaders of a county.
// The services check every body in full (and name each field in Chinese); these describe them for the OpenAPI document.

import { z } from '@hono/zod-openapi';
import { ROLES } from '../../domain/access.ts';
import { AddLeaderSchema, UpdateLeaderSchema } from '../../services/leaders.ts';
import { AddUserSchema, ResetPasswordSchema, UpdateUserSchema } from '../../services/manage-users.ts';
import { WebhookBodySchema } from '../../services/round/notices.ts';
import { AddUnitSchema, AliasSchema, MergeSchema, RenameUnitSchema } from '../../services/units.ts';
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

// Bodies: the services' own schemas, so the API documents the bounds it enforces (domain and service schemas are plain
// zod, used unnamed here).
export const AddAccountBody = AddUserSchema;
export const UpdateAccountBody = UpdateUserSchema;
export const ResetPasswordBody = ResetPasswordSchema;

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

export const AddUnitBody = AddUnitSchema.extend({ region: RegionCodeParam });
export const NameBody = RenameUnitSchema;
export const AliasBody = AliasSchema;
export const MergeBody = MergeSchema;
export const RobotBody = WebhookBodySchema;

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

export const AddLeaderBody = AddLeaderSchema.extend({ region: RegionCodeParam });
export const UpdateLeaderBody = UpdateLeaderSchema;
