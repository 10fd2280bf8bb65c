// The words of the county ranking page (a city's or province's counties side by side) in Chinese and English, merged into i18n.tsx.
export const COUNTY_RANKING_MESSAGES = {
  'nav.countyRanking': ['各县排名', 'County ranking'],
  'crank.title': ['各县（市、区）项目投资排名', 'Counties ranked by project investment'],
  'crank.basis': ['按{period}完成投资占年度计划排名，保留一位小数相同的并列', 'Ranked by the share of the annual plan completed {period}; equal at one decimal share a rank'],
  'crank.table': ['各县排名', 'County ranking'],
  'crank.rank': ['排名', 'Rank'],
  'crank.county': ['县（市、区）', 'County'],
  'crank.gap': ['较时序进度', 'Against time progress'],
  'crank.noPool': ['无在库项目', 'No projects in the pool'],
  'crank.counties': ['县（市、区）数', 'Counties'],
  'crank.scope': ['{region}汇总', '{region} in total'],
} as const;
