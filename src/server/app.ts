import fs from 'node:fs';
import path from 'node:path';
import Fastify, { LogController, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ErrorCode, Problem } from '../common/errors.ts';
import type { Services } from './platform/context.ts';
import { AppError, appErrorProblem, toProblem } from './platform/errors.ts';
import { localeOf, originOf } from './platform/http.ts';
import { ClientAccessRefused } from './platform/policy/client.ts';
import { logRefusal } from './modules/circles/access.ts';
import { findForbiddenText, printablePath } from './platform/input.ts';
import { isMessageKey, renderMessage } from '../common/messages/index.ts';
import { actorFrom, loadActor } from './platform/actor.ts';
import { findSession, SESSION_COOKIE } from './platform/sessions.ts';
import { healthRoutes } from './modules/health/routes.ts';
import { accountRoutes } from './modules/accounts/routes.ts';
import { organisationRoutes } from './modules/organisations/routes.ts';
import { adminRoutes } from './modules/admin/routes.ts';
import { referenceRoutes } from './modules/reference/routes.ts';
import { circleRoutes } from './modules/circles/routes.ts';
import { circleInvitationRoutes } from './modules/circle-invitations/routes.ts';
import { caseloadRoutes } from './modules/caseload/routes.ts';
import { mantelscanRoutes } from './modules/mantelscan/routes.ts';
import { apiTokenRoutes } from './modules/api-tokens/routes.ts';
import { fhirRoutes } from './modules/fhir/routes.ts';
import { burdenRoutes } from './modules/burden/routes.ts';
import { threadRoutes } from './modules/threads/routes.ts';
import { notificationRoutes } from './modules/notifications/routes.ts';
import { logbookRoutes } from './modules/logbook/routes.ts';
import { keyInfoRoutes } from './modules/key-info/routes.ts';
import { attachmentRoutes } from './modules/attachments/routes.ts';
import { agreementRoutes } from './modules/agreements/routes.ts';
import { findApiToken } from './modules/api-tokens/service.ts';

import { APP_VERSION } from './version.ts';
const BODY_LIMIT = 256 * 1024;
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Browser features this app never uses, switched off for every page. */
const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()';
/** /api answers without personal data that caches may keep. */
const CACHEABLE = ['/api/health', '/api/openapi.json', '/api/docs', '/fhir/metadata'];

/** The host of an Origin header, or null for "null" and anything that is not a URL. */
function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host || null;
  } catch {
    return null;
  }
}

/** Maps Fastify's own client errors to our error codes. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'malformed_json',
};

// Validation messages in Dutch: the API speaks to people through the web app.
z.config(z.locales.nl());

/** How the app logs: not at all, to stdout (`true`), or to a stream (tests read what it wrote). */
export interface AppOptions {
  logger?: boolean | { write(line: string): void };
}

/** Builds the Fastify app (plugins, hooks, routes) without listening. */
export async function buildApp(services: Services, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: services.config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization'], ...(options.logger === true ? {} : { stream: options.logger }) } : false,
    // Fastify's own two lines per request at info were most of the log under load (140 MB in
    // ten minutes at 50 connections) and held search terms from query strings. One line per
    // request is written by the onResponse hook below: at debug, or at warn/error when slow
    // or failed.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT,
    // Forwarded headers only from the proxies named in MK_TRUST_PROXY; otherwise the peer
    // address is the client's (a client cannot choose the address in the access log).
    trustProxy: services.config.trustProxy ?? false,
    // Errors Fastify raises before routing (a path parameter over 100 characters, a broken
    // percent-encoding) leave as problem documents like every other error.
    frameworkErrors: (error, request, reply) => {
      const code: ErrorCode = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'uri_too_long' : 'validation_failed';
      const problem = toProblem(code, localeOf(request));
      return (reply as FastifyReply).code(problem.status).type('application/problem+json').send(problem);
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Only JSON bodies: a cross-site HTML form cannot send application/json without a CORS
  // preflight, which this server never grants (part of the CSRF defence).
  app.removeContentTypeParser('text/plain');

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Mantelkring API', version: APP_VERSION, description: 'API of Mantelkring. Errors are application/problem+json (RFC 9457) with a stable `code`.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE }, bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.decorateRequest('actor', null);

  // The request log: the route pattern, never the URL (ids and search terms stay out of it).
  const slowMs = services.config.slowRequestMs;
  app.addHook('onResponse', async (request, reply) => {
    const ms = Math.round(reply.elapsedTime);
    const level = reply.statusCode >= 500 ? 'error' : ms >= slowMs ? 'warn' : 'debug';
    request.log[level]({ method: request.method, route: request.routeOptions.url ?? null, status: reply.statusCode, ms }, level === 'debug' ? 'request' : level === 'warn' ? 'slow request' : 'request failed');
  });

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api') && !request.url.startsWith('/fhir')) return;
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (bearer) {
      // A personal API token: no cookie, so no CSRF exposure. An unknown token is a 401.
      const token = await findApiToken(services.db, bearer, services.now());
      if (!token) throw new AppError('not_authenticated', 'api_token_invalid');
      request.actor = await loadActor(services.db, token.user_id, { id: `token:${token.id}`, mfaVerified: token.mfa_verified });
      return;
    }
    // CSRF: a state-changing request that carries an Origin must come from our own origin
    // ("null" and malformed origins are refused too).
    if (!['GET', 'HEAD', 'OPTIONS'].includes(request.method)) {
      const origin = request.headers.origin;
      if (origin !== undefined && hostOf(origin) !== request.headers.host) throw new AppError('csrf_rejected');
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await findSession(services.db, token, services.now(), {
      idleMinutes: services.config.sessionIdleMinutes,
      maxHours: services.config.sessionMaxHours,
    });
    if (session) request.actor = actorFrom(session.user, { id: session.session_id, mfaVerified: session.mfa_verified });
  });

  // Text no field may hold (NUL, lone surrogate halves) is refused here, once for every
  // schema, before validation and long before the database.
  app.addHook('preValidation', async (request) => {
    for (const [part, value] of [['body', request.body], ['query', request.query], ['params', request.params]] as const) {
      const path = findForbiddenText(value);
      if (path !== null) {
        const where = part === 'body' ? printablePath(path) : `${part}${printablePath(path)}`;
        throw new AppError('validation_failed', 'text_forbidden_character', [{ path: where }]);
      }
    }
  });

  const hsts = services.config.publicUrl.startsWith('https:');
  app.addHook('onSend', async (request, reply, payload) => {
    // Only our own scripts run; inline style attributes are allowed (React `style` props).
    // The Swagger UI page at /api/docs brings its own inline code and is left out.
    if (!request.url.startsWith('/api/docs')) reply.header('Content-Security-Policy', CSP);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'same-origin');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Permissions-Policy', PERMISSIONS_POLICY);
    if (hsts) reply.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    // Answers of the API and FHIR carry personal data: no cache may keep them. Only the
    // public descriptions of the API may be cached.
    const isApi = request.url.startsWith('/api') || request.url.startsWith('/fhir');
    if (isApi && !CACHEABLE.some((prefix) => request.url.startsWith(prefix))) reply.header('Cache-Control', 'no-store');
    return payload;
  });

  // The safety net of the access log: a refusal by the client policy that the use case did not
  // log itself (it did not start with clientAccess) is logged here, for every module and /fhir.
  app.addHook('onError', async (request, _reply, error) => {
    if (!(error instanceof ClientAccessRefused) || error.logged || !request.actor) return;
    const params = (request.params ?? {}) as Record<string, unknown>;
    const clientId = params.clientId ?? (request.url.startsWith('/fhir/Patient/') ? params.id : undefined);
    const attempt = { action: request.method === 'GET' ? 'read' : 'change', resourceType: request.routeOptions.url ?? 'client', resourceId: null };
    await logRefusal(services, request.actor, originOf(request), typeof clientId === 'string' ? clientId : '', attempt, error).catch((err: unknown) => request.log.error({ err }, 'could not log a refusal'));
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const locale = localeOf(request);
    const problem = problemOf(error, locale, request);
    if (problem.code === 'not_authenticated' && request.cookies[SESSION_COOKIE]) reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(problem.status).type('application/problem+json').send(problem);
  });

  // Every feature's routes, in this order; each plugin gets the services.
  const features = [healthRoutes, accountRoutes, organisationRoutes, adminRoutes, referenceRoutes, circleRoutes, circleInvitationRoutes, caseloadRoutes, mantelscanRoutes, apiTokenRoutes, burdenRoutes, threadRoutes, notificationRoutes, logbookRoutes, keyInfoRoutes, agreementRoutes, attachmentRoutes, fhirRoutes];
  for (const routes of features) await app.register(routes, { services });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const webDir = services.config.webDir;
  const hasWeb = fs.existsSync(path.join(webDir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      index: false,
      // The build writes .br and .gz beside each script, style and page (vite.config.ts):
      // sent as the browser accepts, with no compression work per request (the login page
      // is 1 MB uncompressed: first paint 5.3 s on a slow phone line, 1.9 s compressed).
      preCompressed: true,
      // Our own Cache-Control: files under /assets/ carry a hash of their content in their
      // name and never change; anything else (index.html) is checked again on every visit,
      // so a new release never leaves a browser with a page that points at old chunks.
      cacheControl: false,
      setHeaders: (res, filePath) => {
        res.setHeader('Cache-Control', filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
        res.setHeader('Vary', 'Accept-Encoding');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith('/api') || request.url.startsWith('/fhir');
    if (!isApi && request.method === 'GET' && hasWeb) {
      return reply.type('text/html').header('Cache-Control', 'no-cache').sendFile('index.html');
    }
    const problem = toProblem('not_found', localeOf(request));
    return reply.code(404).type('application/problem+json').send(problem);
  });

  return app;
}

/** Every error — ours, Zod validation, Fastify's own — as a problem document in the caller's language. */
function problemOf(error: FastifyError, locale: 'nl' | 'en', request: FastifyRequest): Problem {
  if (error instanceof AppError) return appErrorProblem(error, locale);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fieldErrors = error.validation.map((v) => ({
      path: `${v.instancePath || '/'}`.replace(/^\/?/, '/'),
      // fastify-type-provider-zod spreads the Zod issue into `params` (without code and message).
      message: describeIssue({ ...(v.params as object), code: v.keyword, message: v.message } as z.core.$ZodIssue, locale),
    }));
    return toProblem('validation_failed', locale, { text: fieldErrors.map((f) => `${f.path}: ${f.message}`).join('; ') }, fieldErrors);
  }
  const known = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (known) return toProblem(known, locale);
  if (error.statusCode === 404) return toProblem('not_found', locale);
  if (error.statusCode === 405) return toProblem('method_not_allowed', locale);
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return toProblem('validation_failed', locale);
  request.log.error({ err: error }, 'unhandled error');
  return toProblem('internal', locale);
}

const ZOD_LOCALES = { nl: z.locales.nl(), en: z.locales.en() };

/** A Zod issue in the caller's language (Dutch texts written in our schemas stay Dutch only for Dutch callers). */
function describeIssue(issue: z.core.$ZodIssue, locale: 'nl' | 'en'): string {
  if (issue.code === 'unrecognized_keys') return `${locale === 'nl' ? 'Onbekend veld' : 'Unknown field'}: ${issue.keys.join(', ')}`;
  // Our own schema messages are keys of common/messages.
  if (isMessageKey(issue.message)) return renderMessage(issue.message, locale);
  if (locale === 'en') {
    const text = ZOD_LOCALES.en.localeError(issue as never);
    return typeof text === 'string' ? text : (text?.message ?? issue.message);
  }
  return issue.message || 'ongeldige waarde';
}
