import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { loggableError } from '../db/errors';
import { AppError, type FieldError } from '../errors';
import type { App } from './types';

export interface ErrorBody {
  error: { code: string; message: string; fields?: FieldError[]; details?: Record<string, unknown> };
}

const WHERE: Record<string, string> = {
  body: '',
  querystring: 'query.',
  params: 'params.',
  headers: 'headers.',
};

function validationFields(err: FastifyError): FieldError[] {
  const prefix = WHERE[err.validationContext ?? 'body'] ?? '';
  return (err.validation ?? []).map((v) => {
    const pathPart = v.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
    const field = `${prefix}${pathPart}`.replace(/\.$/, '') || (err.validationContext ?? 'body');
    return { field, message: v.message ?? 'is invalid' };
  });
}

function send(reply: FastifyReply, status: number, body: ErrorBody) {
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}

/** Maps every error to the one JSON shape {error: {code, message, fields?}}; a 5xx never leaks internals. */
export function installErrorHandler(app: App): void {
  app.setErrorHandler((err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof AppError) {
      if (err.status >= 500) request.log.error({ err: loggableError(err) }, err.message);
      for (const [k, v] of Object.entries(err.headers ?? {})) reply.header(k, v);
      return send(reply, err.status, {
        error: {
          code: err.code,
          message: err.message,
          ...(err.fields ? { fields: err.fields } : {}),
          ...(err.details ? { details: err.details } : {}),
        },
      });
    }
    if (hasZodFastifySchemaValidationErrors(err) || err.validation) {
      const fields = validationFields(err);
      return send(reply, 422, {
        error: {
          code: 'VALIDATION_FAILED',
          message: fields.map((f) => `${f.field}: ${f.message}`).join('; '),
          fields,
        },
      });
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err, issues: err.cause.issues }, 'response does not match its schema');
      return send(reply, 500, { error: { code: 'INTERNAL', message: 'Something went wrong on our side.' } });
    }
    const status = err.statusCode ?? 500;
    if (status === 400 && err.code?.startsWith('FST_ERR_CTP')) {
      return send(reply, 400, {
        error: { code: 'BAD_REQUEST', message: `The request body is not valid: ${err.message}` },
      });
    }
    if (status === 413) {
      return send(reply, 413, { error: { code: 'BAD_REQUEST', message: 'The request body is too large.' } });
    }
    if (status === 415) {
      return send(reply, 415, { error: { code: 'BAD_REQUEST', message: err.message } });
    }
    if (status >= 400 && status < 500) {
      return send(reply, status, { error: { code: 'BAD_REQUEST', message: err.message } });
    }
    request.log.error({ err: loggableError(err) }, 'unhandled error');
    return send(reply, 500, { error: { code: 'INTERNAL', message: 'Something went wrong on our side.' } });
  });
}
