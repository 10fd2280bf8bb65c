// Accounts, units and leaders through the typed client, and changing one's own password.
import { call, client } from '../api.ts';

type AddAccountBody = Parameters<typeof client.admin.accounts.$post>[0]['json'];
type UpdateAccountBody = Parameters<(typeof client.admin.accounts)[':id']['$patch']>[0]['json'];
type RobotBody = Parameters<(typeof client.admin.units)[':id']['robot']['$put']>[0]['json'];
type UpdateLeaderBody = Parameters<(typeof client.admin.leaders)[':id']['$patch']>[0]['json'];

export const peopleApi = {
  accounts: (region: string) => call(client.admin.accounts.$get({ query: { region } })),
  addAccount: (json: AddAccountBody) => call(client.admin.accounts.$post({ json })),
  updateAccount: (id: string, json: UpdateAccountBody) => call(client.admin.accounts[':id'].$patch({ param: { id }, json })),
  resetPassword: (id: string, password: string | undefined) => call(client.admin.accounts[':id'].password.$post({ param: { id }, json: { password } })),
  units: (region: string) => call(client.admin.units.$get({ query: { region } })),
  addUnit: (region: string, name: string, kind: 'department' | 'township' | 'zone' | 'enterprise' | 'other') => call(client.admin.units.$post({ json: { region, name, kind } })),
  renameUnit: (id: string, name: string) => call(client.admin.units[':id'].$patch({ param: { id }, json: { name } })),
  addAlias: (id: string, alias: string) => call(client.admin.units[':id'].aliases.$post({ param: { id }, json: { alias } })),
  removeAlias: (id: string, alias: string) => call(client.admin.units[':id'].aliases[':alias'].$delete({ param: { id, alias } })),
  mergeUnit: (id: string, into: string) => call(client.admin.units[':id'].merge.$post({ param: { id }, json: { into } })),
  setRobot: (id: string, json: RobotBody) => call(client.admin.units[':id'].robot.$put({ param: { id }, json })),
  leaders: (region: string) => call(client.admin.leaders.$get({ query: { region } })),
  addLeader: (region: string, name: string, title: string | null) => call(client.admin.leaders.$post({ json: { region, name, title } })),
  updateLeader: (id: string, json: UpdateLeaderBody) => call(client.admin.leaders[':id'].$patch({ param: { id }, json })),
  mergeLeader: (id: string, into: string) => call(client.admin.leaders[':id'].merge.$post({ param: { id }, json: { into } })),
  changePassword: (currentPassword: string, newPassword: string) => call(client.auth.password.$post({ json: { currentPassword, newPassword } })),
};

export type Account = Awaited<ReturnType<typeof peopleApi.accounts>>['accounts'][number];
export type AdminUnit = Awaited<ReturnType<typeof peopleApi.units>>['units'][number];
export type AdminLeader = Awaited<ReturnType<typeof peopleApi.leaders>>['leaders'][number];
export type UnitKind = Parameters<typeof peopleApi.addUnit>[2];
