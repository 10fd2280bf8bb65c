// Reading the API's own OpenAPI document in tests: a schema's references resolved, and the smallest body a schema
// accepts, built from the document alone so that a new route is covered without a line of test.
import { DEMO_REGION } from '../../src/demo/create-demo.ts';

export type Schema = {
  $ref?: string; type?: string | string[]; properties?: Record<string, Schema>; required?: string[]; items?: Schema; enum?: unknown[];
  anyOf?: Schema[]; oneOf?: Schema[]; allOf?: Schema[]; pattern?: string; format?: string; minimum?: number; minItems?: number;
  minLength?: number; maxLength?: number; nullable?: boolean; maximum?: number; const?: unknown;
  additionalProperties?: Schema | boolean; maxItems?: number;
};
export type Operation = { parameters?: { name: string; in: string; schema: Schema }[]; requestBody?: { content: Record<string, { schema: Schema }> } };
export type OpenApi = { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } };

/** Strings tried, in order, against a field's pattern and length: the county, a month, a day, a township, a word. */
const STRING_CANDIDATES = [DEMO_REGION, '2021-05', '2021-05-20', '140423100', '越权测试', 'x', 'https://oapi.dingtalk.com/robot/send?access_token=x'];

/**
 * The smallest body the route's own schema accepts, so the request reaches the service and its scope check: required
 * fields only, the first value of an enum, names that are not objects of the county (an id in a body names nothing,
 * so an allowed caller meets a 404 or 422 after the scope check, and nothing is merged or moved). With `all`, the
 * optional fields too, so that every field of a body has a value to change.
 */
export function sample(doc: OpenApi, schema: Schema, name = '', all = false): unknown {
  if (schema.$ref) return sample(doc, resolve(doc, schema), name, all);
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return sample(doc, options.find((o) => o.type !== 'null') ?? options[0]!, name, all);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s) => sample(doc, s, name, all)));
  if (schema.enum) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object':
      return Object.fromEntries((all ? Object.keys(schema.properties ?? {}) : (schema.required ?? [])).map((k) => [k, sample(doc, schema.properties?.[k] ?? {}, k, all)]));
    case 'array':
      // One entry at least: lists the service refuses empty ("至少一条") would stop every caller before the scope check.
      return Array.from({ length: Math.max(schema.minItems ?? 1, 1) }, () => sample(doc, schema.items ?? {}, name, all));
    case 'integer':
    case 'number':
      return /year/i.test(name) ? 2021 : /verification/i.test(name) ? 25 : Math.max(schema.minimum ?? 1, 1);
    case 'boolean':
      return false;
    default: {
      const fits = (v: string) => (!schema.pattern || new RegExp(schema.pattern).test(v)) && v.length >= (schema.minLength ?? 0) && v.length <= (schema.maxLength ?? Infinity);
      const preferred = /region|county/i.test(name) ? DEMO_REGION : /month|asOf/i.test(name) ? '2021-05'
        : /deadline/i.test(name) || schema.format === 'date-time' ? '2021-06-05T18:00:00+08:00' : schema.format === 'date' || /On$|day|due/i.test(name) ? '2021-05-20' : null;
      return [preferred, ...STRING_CANDIDATES].find((v): v is string => v !== null && fits(v)) ?? 'x';
    }
  }
}

/** The schema a reference names, or the schema itself. */
export function resolve(doc: OpenApi, schema: Schema): Schema {
  return schema.$ref ? resolve(doc, doc.components!.schemas![schema.$ref.split('/').pop()!]!) : schema;
}
