// An optional check of request bodies against Zoom's published OpenAPI document. The document is test data
// (test/fixtures/zoom, a re-host whose licence is unstated), so it is not shipped: tests install a validator
// built from it, and every sandbox in that process then refuses what the document refuses, with Zoom's
// 300 "Validation Failed." body naming each field "Invalid field." (zoom_api.md §2.5).
import type { FieldError } from './errors';

/** Field errors of a JSON body sent to `route` (e.g. /meetings/{meetingId}), or [] when it is valid. */
export type RequestValidator = (method: string, route: string, body: unknown) => FieldError[];

let installed: RequestValidator | undefined;

export function installRequestValidator(validator: RequestValidator | undefined): void {
  installed = validator;
}

/** The route as Zoom's document names it: /v2/meetings/:meetingId → /meetings/{meetingId}. */
export function documentRoute(route: string): string {
  return route.replace(/^\/v2(?=\/)/, '').replace(/:([A-Za-z]+)/g, '{$1}');
}

export function checkRequestBody(method: string, route: string, raw: unknown): FieldError[] {
  if (!installed || typeof raw !== 'string' || raw.trim() === '') return [];
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return []; // the route answers Zoom's own "valid JSON object" error
  }
  return installed(method, documentRoute(route), body);
}
