// Zoom's published OpenAPI document ("Zoom Meeting API" 2.0.0, test/fixtures/zoom) as a request validator:
// the JSON-schema of each operation's request body, compiled with Ajv. OpenAPI 3.0 schemas are a dialect of
// JSON Schema draft 4/5 that Ajv 8 reads with `nullable` support; unknown keywords (example,
// x-enum-descriptions) and formats (Zoom's start_time is not always RFC 3339) are not checked.
import fs from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { FieldError } from '../../src/zoom-sandbox/errors';
import type { RequestValidator } from '../../src/zoom-sandbox/request-schema';

const SPEC = path.resolve(import.meta.dirname, '../fixtures/zoom/ZoomMeetingAPISpec.json');

interface Operation {
  requestBody?: { content?: Record<string, { schema?: object }> };
}

let document: { paths: Record<string, Record<string, Operation>> } | undefined;
const compiled = new Map<string, ValidateFunction | null>();
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });

function validatorFor(method: string, route: string): ValidateFunction | null {
  const key = `${method} ${route}`;
  const known = compiled.get(key);
  if (known !== undefined) return known;
  document ??= JSON.parse(fs.readFileSync(SPEC, 'utf8'));
  const schema =
    document?.paths[route]?.[method.toLowerCase()]?.requestBody?.content?.['application/json']?.schema;
  const fn = schema ? ajv.compile(schema) : null;
  compiled.set(key, fn);
  return fn;
}

/** Zoom names fields with dots (settings.alternative_hosts); a missing one is named too. */
function fieldOf(e: ErrorObject): string {
  const base = e.instancePath.split('/').filter(Boolean).join('.');
  const missing = e.keyword === 'required' ? String(e.params.missingProperty) : '';
  return [base, missing].filter(Boolean).join('.') || '(body)';
}

export const zoomDocumentValidator: RequestValidator = (method, route, body) => {
  const validate = validatorFor(method, route);
  if (!validate || validate(body)) return [];
  const fields = [...new Set((validate.errors ?? []).map(fieldOf))];
  return fields.map((field): FieldError => ({ field, message: 'Invalid field.' }));
};
