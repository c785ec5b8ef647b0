// Every request's body, query and params are checked for well-formed text before its zod schema runs, so
// that no route (today's or tomorrow's, with or without the contracts' Text block on a field) lets a NUL or
// a lone surrogate reach PostgreSQL, and no JSON nests deeper than anything Convene accepts.
import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { ILL_FORMED_TEXT, isWellFormedText, toWellFormedText } from '../../contracts/text';

/** Deeper than any request or Zoom notification Convene reads (a Zoom body nests about 4 levels). */
export const MAX_JSON_DEPTH = 32;

export interface TextProblem {
  path: string[];
  message: string;
}

/** The first string (or key) that is not well-formed text, or a nesting deeper than MAX_JSON_DEPTH. */
export function findTextProblem(value: unknown, path: string[] = []): TextProblem | undefined {
  if (typeof value === 'string')
    return isWellFormedText(value) ? undefined : { path, message: ILL_FORMED_TEXT };
  if (typeof value !== 'object' || value === null) return undefined;
  if (path.length >= MAX_JSON_DEPTH)
    return { path, message: `must not nest deeper than ${MAX_JSON_DEPTH} levels` };
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [key, v] of entries) {
    if (!isWellFormedText(key)) return { path: [...path, toWellFormedText(key)], message: ILL_FORMED_TEXT };
    const problem = findTextProblem(v, [...path, key]);
    if (problem) return problem;
  }
  return undefined;
}

/** Whether the JSON value nests deeper than `max` levels (stops looking at that depth). */
export function nestsDeeperThan(value: unknown, max: number = MAX_JSON_DEPTH): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (max <= 0) return true;
  const children = Array.isArray(value) ? value : Object.values(value);
  return children.some((v) => nestsDeeperThan(v, max - 1));
}

/** JSON from outside (Zoom's answers, its notifications) made storable: every string well formed. */
export function wellFormedDeep<T>(value: T): T {
  if (typeof value === 'string') return toWellFormedText(value) as T;
  if (Array.isArray(value)) return value.map((v) => wellFormedDeep(v)) as T;
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[toWellFormedText(k)] = wellFormedDeep(v);
    return out as T;
  }
  return value;
}

/** JSON.parse, with every string made well formed (for bodies that come from Zoom). */
export function parseWellFormedJson(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => (typeof v === 'string' ? toWellFormedText(v) : v));
}

/** fastify-type-provider-zod's compiler, behind the well-formed-text check (same 422 shape, field named). */
export const wellFormedValidatorCompiler: FastifySchemaCompiler<unknown> = (route) => {
  const validate = validatorCompiler(route as Parameters<typeof validatorCompiler>[0]);
  return (data: unknown) => {
    const problem = findTextProblem(data);
    if (!problem) return validate(data);
    const pointer = problem.path.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
    return {
      error: [
        {
          keyword: 'custom',
          instancePath: `/${pointer}`,
          schemaPath: '#',
          params: {},
          message: problem.message,
        },
      ],
    } as unknown as ReturnType<typeof validate>;
  };
};
