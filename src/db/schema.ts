// The Database interface: every table as Kysely sees it, columns snake_case; repositories map them to camelCase.

export interface RegionTable {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
  is_zone: number;
}

export interface UnitTable {
  id: string;
  region_code: string;
  name: string;
  kind: string;
  township_code: string | null;
  sort_order: number;
}

export interface LeaderTable {
  id: string;
  region_code: string;
  name: string;
  title: string | null;
  sort_order: number;
}

export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  region_code: string;
  unit_id: string | null;
  leader_id: string | null;
  disabled: number;
  created_at: string;
}

export interface SessionTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface ProjectTable {
  id: string;
  region_code: string;
  name: string;
  project_code: string | null;
  approval_kind: string | null;
  owner: string | null;
  township_code: string | null;
  industry_code: string | null;
  chain: string | null;
  construction_type: string | null;
  category: string | null;
  stage: string;
  signed_on: string | null;
  land_supplied_on: string | null;
  permit_on: string | null;
  started_on: string | null;
  suspended_on: string | null;
  completed_on: string | null;
  operating_on: string | null;
  total_investment: number;
  completed_before: number;
  stats_entry: string;
  leader_id: string | null;
  unit_id: string | null;
  land_area_mu: number | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface ProjectYearTable {
  project_id: string;
  year: number;
  phase: string;
  annual_plan: number;
  resumed_on: string | null;
}

export interface ProjectMonthTable {
  project_id: string;
  month: string;
  completed: number;
  entered_as: string;
}

export interface ProjectHistoryTable {
  id: string;
  project_id: string;
  changed_at: string;
  user_id: string | null;
  field: string;
  before_value: string | null;
  after_value: string | null;
}

export interface BatchEventTable {
  id: string;
  region_code: string;
  held_on: string;
  title: string;
}

export interface BatchProjectTable {
  batch_id: string;
  project_id: string;
  kind: string;
}

export interface FundApplicationTable {
  id: string;
  project_id: string;
  kind: string;
  year: number;
  amount: number;
  status: string;
  notes: string | null;
}

export interface SettingTable {
  key: string;
  value: string;
}

export interface Database {
  region: RegionTable;
  unit: UnitTable;
  leader: LeaderTable;
  app_user: UserTable;
  session: SessionTable;
  project: ProjectTable;
  project_year: ProjectYearTable;
  project_month: ProjectMonthTable;
  project_history: ProjectHistoryTable;
  batch_event: BatchEventTable;
  batch_project: BatchProjectTable;
  fund_application: FundApplicationTable;
  setting: SettingTable;
}
