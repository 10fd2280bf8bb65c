// The history's field vocabulary: every kind of field written by name and read back, the older spellings still read.
import { describe, expect, it } from 'vitest';
import {
  HISTORY_FIELD_KINDS,
  historyFieldName,
  parseHistoryField,
  type HistoryField,
} from '../../../src/domain/project/history-field.ts';

const FIELDS: [HistoryField, string][] = [
  [{ kind: 'created' }, 'created'],
  [{ kind: 'field', field: 'totalInvestment' }, 'totalInvestment'],
  [{ kind: 'field', field: 'startedOn' }, 'startedOn'],
  [{ kind: 'year', year: 2021, field: 'annualPlan' }, 'years.2021.annualPlan'],
  [{ kind: 'year', year: 2021, field: 'phase' }, 'years.2021.phase'],
  [{ kind: 'year', year: 2022, field: 'resumedOn' }, 'years.2022.resumedOn'],
  [{ kind: 'month', month: '2021-05' }, 'months.2021-05.completed'],
  [{ kind: 'monthReason', month: '2021-05' }, 'months.2021-05.completed.reason'],
  [{ kind: 'statsEntry', field: 'on' }, 'statsEntry.on'],
  [{ kind: 'statsEntry', field: 'notes' }, 'statsEntry.notes'],
  [{ kind: 'material', item: 'sitePhotos', note: false }, 'statsEntry.materials.sitePhotos'],
  [{ kind: 'material', item: 'constructionContract', note: true }, 'statsEntry.materials.constructionContract.note'],
];

describe('history field names', () => {
  it.each(FIELDS)('%j is stored as %s and read back', (field, name) => {
    expect(historyFieldName(field)).toBe(name);
    expect(parseHistoryField(name)).toEqual(field);
  });

  it('covers every kind', () => {
    expect(new Set(FIELDS.map(([f]) => f.kind))).toEqual(new Set(HISTORY_FIELD_KINDS));
  });

  it.each([
    ['years.2021', { kind: 'year', year: 2021, field: 'annualPlan' }],
    ['months.2021-06', { kind: 'month', month: '2021-06' }],
  ])('reads the older spelling %s', (name, field) => {
    expect(parseHistoryField(name)).toEqual(field);
  });

  it.each(['', 'statsEntry.materials', 'version', 'years.2021.total', 'months.2021-13.completed', 'months.2021-05.done', 'statsEntry.materials.photos', 'statsEntry.day', 'phase'])(
    'reads %j as no field of the vocabulary',
    (name) => {
      expect(parseHistoryField(name)).toBeNull();
    },
  );
});
