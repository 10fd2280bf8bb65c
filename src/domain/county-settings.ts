// Settings a county sets for itself over the deployment's defaults: how a county's own value is keyed in the settings table.

/**
 * The key of a county's own value of a setting: the deployment's key with the county's code appended, so one table holds
 * the deployment's default (`round.deadlineDay`) and each county's choice (`round.deadlineDay.140423`) side by side.
 * @example countySettingKey('round.deadlineDay', '140423') === 'round.deadlineDay.140423'
 */
export function countySettingKey(key: string, countyCode: string): string {
  return `${key}.${countyCode}`;
}

/** The month a county's dispatcher pins as its current month (a county's own setting only: there is no deployment default). */
export const CURRENT_MONTH_SETTING_KEY = 'county.currentMonth';
