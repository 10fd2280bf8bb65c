// Every input of the API has its bound, read from the OpenAPI document itself so that a new field without one fails
// here: each string a maximum length (or a closed pattern, or a list of values), each number a minimum and a maximum.
// Then each field of each JSON body is sent what the edge must refuse (a direction override, a control character,
// 10 001 characters, 1e308, a date in 1900 or 1970) and must be refused naming it, while the same body with a sane
// value is not refused for that field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { JSON_BODY_MAX_BYTES } from '../../src/server/middleware/upload-limit.ts';
import { call, signInAs, testApp, type TestApp } from '../support/api.ts';
import { COUNTY, PASSWORD, seedCounty } from '../support/factories.ts';
import { resolve, sample, type OpenApi, type Schema } from '../support/openapi.ts';
import { openTestDatabase, testDialect } from '../support/test-db.ts';

/** Inputs left without a bound in the document, each with the reason it needs none. */
const UNBOUNDED: Record<string, string> = {};

/** A pattern bounds a string when it is anchored at both ends and repeats nothing without an upper count. */
const closedPattern = (p: string) => p.startsWith('^') && p.endsWith('$') && !/[*+]|\{\d+,\}/.test(p.replace(/\\./g, ''));

/** Every input field of the document (parameters and body fields, arrays' entries as [] ) with why it is unbounded. */
function unboundedFields(doc: OpenApi): string[] {
  const found: string[] = [];
  const walk = (schema: Schema, where: string, seen: Set<Schema>): void => {
    const s = resolve(doc, schema);
    if (seen.has(s)) return;
    const inner = new Set(seen).add(s);
    for (const option of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) walk(option, where, inner);
    if (s.enum || s.const !== undefined) return;
    const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
    if (type === 'object') {
      for (const [k, v] of Object.entries(s.properties ?? {})) walk(v, `${where}.${k}`, inner);
      if (typeof s.additionalProperties === 'object') walk(s.additionalProperties, `${where}.*`, inner);
    } else if (type === 'array') walk(s.items ?? {}, `${where}[]`, inner);
    else if (type === 'string') {
      if (s.maxLength === undefined && s.format !== 'binary' && !(s.pattern && closedPattern(s.pattern))) found.push(`${where}: string without maxLength`);
    } else if (type === 'number' || type === 'integer') {
      if (s.minimum === undefined || s.maximum === undefined) found.push(`${where}: ${type} without ${s.minimum === undefined ? 'minimum' : 'maximum'}`);
    } else if (type !== 'boolean' && type !== 'null' && !s.anyOf && !s.oneOf && !s.allOf) found.push(`${where}: no type`);
  };
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const name = `${method.toUpperCase()} ${path}`;
      for (const p of op.parameters ?? []) walk(p.schema, `${name} ${p.in}.${p.name}`, new Set());
      for (const [type, content] of Object.entries(op.requestBody?.content ?? {})) walk(content.schema, `${name} ${type === 'application/json' ? 'body' : 'form'}`, new Set());
    }
  }
  return found.filter((f) => !(f.split(':')[0]! in UNBOUNDED));
}

/** What the edge must refuse in any free text, and in a date or an instant besides. */
const BAD_TEXT = { 'a direction override': '\u202Eabc', 'a control character': 'a\u0007b' };
const BAD_DAY = { 'a day in 1900': '1900-05-01', 'a day in 1970': '1970-01-01', 'a day in 9999': '9999-12-31' };
const BAD_INSTANT = { 'an instant in 1970': '1970-01-01T08:00:00+08:00', 'an instant in 9999': '9999-12-31T18:00:00+08:00' };
const BAD_NUMBER = { '1e308': 1e308, '-1e308': -1e308 };

/** Fields (by name) that take any character, with the reason: only their length is bounded. */
const ANY_CHARACTER: Record<string, string> = {
  password: 'a password is hashed and never shown: any character a person can type makes it stronger',
  currentPassword: 'the password as it was set, checked against its hash',
  newPassword: 'as password',
};

/**
 * Fields (by name, or as 'METHOD /path field') whose sampled value, though within its bounds, the service refuses by a rule of its own, with the reason; the
 * sample names no real object and knows no cross-field rule.
 */
const SANE_REFUSED: Record<string, string> = {
  unitId: 'the sample names no unit of the county',
  unit: 'as unitId',
  leaderId: 'the sample names no leader of the county',
  leaderIds: 'as leaderId',
  projectId: 'the sample names no project of the county',
  assigneeId: 'the sample names no unit or leader of the county',
  subject: 'a plan curve names an indicator code or a project category, not the sampled word',
  projectCode: 'a project code has 24 characters in a set form (domain/project/project-code.ts)',
  month: 'the first indicator of the catalogue (GDP) is published quarterly: May is refused as its month',
  upper: 'only a range target has an upper bound, and the sample leaves the qualifier null',
  numberPattern: 'a 发文字号 pattern must hold {year} and {n}',
  currentPassword: 'the sample is not the current password',
  'PUT /indicators/assignments assignments.0.amount': 'an assignment takes an amount or a share, and the sample gives both',
};

/** Operations not sent here, with the reason. */
const NOT_SENT: Record<string, string> = {
  'POST /auth/login': 'signing in answers 401 to any name it does not know; a flood locks the account (sign-in.test.ts)',
};

type Leaf = { path: (string | number)[]; schema: Schema; value: unknown };

/** Each field of a sampled body that holds a string or a number, with its path and its sane value. */
function leaves(schema: Schema, value: unknown, path: (string | number)[] = []): Leaf[] {
  const s = resolve(doc, schema);
  const options = s.anyOf ?? s.oneOf;
  if (options) {
    const fits = options.map((o) => resolve(doc, o)).filter((o) => o.type !== 'null');
    const chosen = fits.find((o) => (typeof value === 'object' && value !== null && !Array.isArray(value) ? o.type === 'object' && Object.keys(value).every((k) => k in (o.properties ?? {})) : true)) ?? fits[0];
    return chosen ? leaves(chosen, value, path) : [];
  }
  if (Array.isArray(value)) return value.length > 0 && s.items ? leaves(s.items, value[0], [...path, 0]) : [];
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => (s.properties?.[k] ? leaves(s.properties[k]!, v, [...path, k]) : []));
  if (s.enum || s.const !== undefined || !(typeof value === 'string' || typeof value === 'number')) return [];
  if (typeof value === 'string' && s.pattern && closedPattern(s.pattern)) return [];
  return [{ path, schema: s, value }];
}

/** The body with the value at `path` replaced. */
function withValue(body: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let at: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path[path.length - 1]!] = value;
  return copy;
}

/** The values a field must refuse: any text's, and a date's or an instant's besides; a number's. */
function badValues(leaf: Leaf): Record<string, unknown> {
  if (typeof leaf.value === 'number') return BAD_NUMBER;
  const name = String(leaf.path[leaf.path.length - 1]);
  // One character over the field's own maximum (10 001 for a field of 10 000).
  const overlong = { [`${leaf.schema.maxLength! + 1} characters`]: 'x'.repeat(leaf.schema.maxLength! + 1) };
  const text = name in ANY_CHARACTER ? overlong : { ...BAD_TEXT, ...overlong };
  if (leaf.schema.format === 'date-time') return { ...text, ...BAD_INSTANT };
  if (leaf.schema.maxLength === 10 && /^\d{4}-\d{2}-\d{2}$/.test(String(leaf.value))) return { ...text, ...BAD_DAY };
  return text;
}

const MISSING = '00000000-0000-4000-8000-000000000000';
const QUERY = `?region=${COUNTY}&asOf=2021-05&year=2021&month=2021-05&indicator=gdp`;

let h: DatabaseHandle;
let app: TestApp;
let doc: OpenApi;
const tokens: Record<'admin' | 'dispatcher', string> = { admin: '', dispatcher: '' };

beforeAll(async () => {
  h = await openTestDatabase();
  await seedCounty(h.db);
  app = testApp(h.db);
  doc = (await call(app, null, 'GET', '/api/openapi.json')).json as OpenApi;
  tokens.admin = await signInAs(app, 't-admin', PASSWORD);
  tokens.dispatcher = await signInAs(app, 't-dispatcher', PASSWORD);
});
afterAll(async () => {
  await h?.close();
});

describe(`the bounds of every input (${testDialect()})`, () => {
  it('gives every string of the API a maximum length and every number a minimum and a maximum', () => {
    expect(Object.keys(doc.paths).length).toBeGreaterThan(80);
    expect(unboundedFields(doc)).toEqual([]);
  });

  it('refuses an override, a control character, 10 001 characters, 1e308 and a date in 1900 or 1970 in every field, naming it', async () => {
    const wrong: string[] = [];
    let tried = 0;
    for (const [route, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const name = `${method.toUpperCase()} ${route}`;
        const schema = op.requestBody?.content['application/json']?.schema;
        if (!schema || name in NOT_SENT) continue;
        const url = `/api${route.replace(/\{code\}/, COUNTY).replace(/\{\w+\}/g, MISSING)}${QUERY}`;
        const token = route.startsWith('/admin/') ? tokens.admin : tokens.dispatcher;
        const body = sample(doc, schema, '', true);
        for (const leaf of leaves(schema, body)) {
          const field = leaf.path.join('.');
          const names = (json: any) => ((json?.error?.details ?? []) as { field: string }[]).some((d) => d.field === field || d.field.startsWith(`${field}.`));
          for (const [what, bad] of Object.entries(badValues(leaf))) {
            tried++;
            const res = await call(app, token, method.toUpperCase(), url, withValue(body, leaf.path, bad));
            // A text longer than a request may be (the news pasted whole, up to 5 million characters) meets the body limit.
            if (typeof bad === 'string' && bad.length > JSON_BODY_MAX_BYTES) {
              if (res.status !== 413) wrong.push(`${name} ${field} with ${what}: ${res.status}, expected 413`);
              continue;
            }
            if (res.status !== 422 || !names(res.json)) wrong.push(`${name} ${field} with ${what}: ${res.status} ${JSON.stringify(res.json?.error?.details ?? res.json).slice(0, 160)}`);
          }
          if (String(leaf.path.findLast((p) => typeof p === 'string')) in SANE_REFUSED || `${name} ${field}` in SANE_REFUSED) continue;
          const sane = await call(app, token, method.toUpperCase(), url, body);
          if (sane.status === 422 && names(sane.json)) wrong.push(`${name} ${field} with its sane value ${JSON.stringify(leaf.value)}: ${JSON.stringify(sane.json.error.details)}`);
        }
      }
    }
    expect(tried).toBeGreaterThan(500);
    expect(wrong).toEqual([]);
  }, 300_000);
});
