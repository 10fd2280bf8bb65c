// What the demo pool must add up to (the pool report's figures, quoted in docs/sources.md) and how the generator draws it.


/** The pool report's figures in 万元: what the year's pool adds up to, exactly. */
export const TARGETS = {
  continuing: { count: 86, total: 1_889_000, plan: 443_800, ytd: 184_900 },
  newStart: { count: 143, total: 2_139_000, plan: 590_000, ytd: 159_000 },
} as const;

/** How many of the generated projects are a town's small public works; the rest come from the county's builders. */
export const TOWN_PROJECT_COUNT = 60;
export const SEED = 20210531;
/** A pool where four plants build the same plasterboard line reads as generated: each kind of project twice at most. */
export const MAX_SAME_KIND = 2;
/** How far a generated project may outgrow its kind's usual range when the pool's totals need it. */
export const SIZE_STRETCH = 3;
