import type { FastifyError, FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { ERRORS, type ErrorCode } from '../../../common/errors.ts';
import { searchset, selfLink, type SearchHit } from '../../../fhir/bundle.ts';
import { capabilityStatement } from '../../../fhir/capability.ts';
import { FhirError, issue, ISSUE_FOR_ERROR_CODE, operationOutcome, type IssueCode } from '../../../fhir/outcome.ts';
import type { OperationOutcomeIssue, ResourceBase } from '../../../fhir/types.ts';
import type { Actor, Origin, Services } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf, originOf } from '../../platform/http.ts';
import { SESSION_COOKIE } from '../../platform/sessions.ts';
import { APP_VERSION } from '../../version.ts';
import * as burden from './burden.ts';
import { parsePatientSearch } from './search.ts';
import * as service from './service.ts';

/** The media type of every answer (FHIR R4 JSON). */
const FHIR_JSON = 'application/fhir+json; charset=utf-8';
/** When this CapabilityStatement was last changed (its `date`). */
const CAPABILITY_DATE = '2026-12-07';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A FHIR id (R4 `id` datatype): Questionnaire ids are instrument keys such as `ediz-plus`. */
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;
const PROBLEM_SYSTEM = 'https://mantelkring.nl/problems';

/** The FHIR base URL of this installation, e.g. https://mantelkring.example.nl/fhir. */
const fhirBaseUrl = (services: Services): string => `${services.config.publicUrl.replace(/\/+$/, '')}/fhir`;

const send = (reply: FastifyReply, body: ResourceBase, status = 200) => reply.code(status).type(FHIR_JSON).header('Cache-Control', 'no-store').send(body);

/** An id in the path: ours are UUIDs, so anything else cannot exist (404, never a SQL error). */
function idParam(request: FastifyRequest): string {
  const id = (request.params as { id?: string }).id ?? '';
  if (!UUID.test(id)) throw new AppError('not_found');
  return id.toLowerCase();
}

/**
 * The search parameters of a request: only the ones listed (plus `_format`), each once, with
 * one value. Unknown parameters are refused rather than ignored, so a search is never wider
 * than the caller meant (FHIR `handling=strict`).
 */
function searchParams(request: FastifyRequest, allowed: readonly string[]): Record<string, string> {
  return searchParamsWithRepeats(request, allowed, []) as Record<string, string>;
}

/** As searchParams, but the `repeatable` ones may come more than once (Patient?birthdate=ge…&birthdate=le…); those are lists. */
function searchParamsWithRepeats(request: FastifyRequest, allowed: readonly string[], repeatable: readonly string[]): Record<string, string | string[]> {
  const query = (request.query ?? {}) as Record<string, string | string[] | undefined>;
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(query)) {
    if (key === '_format') {
      if (typeof value !== 'string' || !/json/i.test(value)) throw new FhirError(406, [issue('error', 'not-supported', 'Alleen JSON wordt ondersteund (_format=json).', '_format')]);
      continue;
    }
    if (!allowed.includes(key)) throw new FhirError(400, [issue('error', 'not-supported', `Zoekparameter '${key}' wordt niet ondersteund; wel: ${allowed.join(', ')}. Zie /fhir/metadata.`, key)]);
    if (typeof value !== 'string' && !(repeatable.includes(key) && Array.isArray(value))) throw new FhirError(400, [issue('error', 'not-supported', `Geef '${key}' één keer.`, key)]);
    const values = typeof value === 'string' ? [value] : (value ?? []);
    if (values.some((v) => v.includes(','))) throw new FhirError(400, [issue('error', 'not-supported', `Meerdere waarden in '${key}' worden niet ondersteund.`, key)]);
    out[key] = typeof value === 'string' ? value : values;
  }
  return out;
}

/** The id in a reference search value: `Type/{id}`, `{id}` or our absolute URL. Another type is a 400; an id that cannot exist a 404. */
function referenceId(value: string, type: string, param: string, baseUrl: string): string {
  let rest = value.startsWith(`${baseUrl}/`) ? value.slice(baseUrl.length + 1) : value;
  if (rest.includes('/')) {
    const [t, id, ...more] = rest.split('/');
    if (t !== type || more.length) throw new FhirError(400, [issue('error', 'invalid', `'${param}' verwijst naar ${type}/{id}.`, param)]);
    rest = id ?? '';
  }
  if (!UUID.test(rest)) throw new AppError('not_found');
  return rest.toLowerCase();
}

/** The one parameter a search needs, from a list of synonyms (CareTeam: patient or subject). */
function requireOne(params: Record<string, string>, names: readonly string[], type: string): [string, string] {
  const given = names.filter((n) => params[n] !== undefined);
  if (given.length !== 1) throw new FhirError(400, [issue('error', 'required', `Zoeken in ${type} kan alleen met precies één van: ${names.join(', ')}.`)]);
  const name = given[0] as string;
  return [name, params[name] as string];
}

/** Our error codes and Fastify's own errors as an OperationOutcome with the right HTTP status. */
function toOutcome(error: FastifyError | Error, request: FastifyRequest): { status: number; issues: OperationOutcomeIssue[]; code?: ErrorCode } {
  if (error instanceof FhirError) return { status: error.status, issues: error.issues };
  if (error instanceof AppError) {
    const issues: OperationOutcomeIssue[] = [
      { severity: 'error', code: ISSUE_FOR_ERROR_CODE[error.code] ?? 'processing', details: { coding: [{ system: PROBLEM_SYSTEM, code: error.code }], text: error.textIn('nl') }, diagnostics: error.textIn('nl') },
    ];
    for (const f of error.fieldsIn('nl')) issues.push(issue('error', 'invalid', f.message, f.path));
    return { status: error.status, issues, code: error.code };
  }
  const fe = error as FastifyError;
  const fastifyCodes: Record<string, [number, IssueCode, ErrorCode]> = {
    FST_ERR_CTP_INVALID_JSON_BODY: [400, 'structure', 'malformed_json'],
    FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'structure', 'malformed_json'],
    FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'structure', 'malformed_json'],
    FST_ERR_CTP_BODY_TOO_LARGE: [413, 'too-costly', 'payload_too_large'],
    FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'not-supported', 'unsupported_media_type'],
  };
  const known = fe.code ? fastifyCodes[fe.code] : undefined;
  if (known) {
    const [status, code, ours] = known;
    return { status, issues: [{ severity: 'error', code, details: { coding: [{ system: PROBLEM_SYSTEM, code: ours }], text: ERRORS[ours].nl }, diagnostics: ERRORS[ours].nl }] };
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) return { status: fe.statusCode, issues: [issue('error', 'invalid', fe.message)] };
  request.log.error({ err: error }, 'unhandled error in FHIR API');
  return { status: 500, issues: [issue('error', 'exception', ERRORS.internal.nl)] };
}

/**
 * The FHIR R4 API under /fhir. An encapsulated plugin with its own error and not-found
 * handlers, so errors leave as OperationOutcome (application/fhir+json) instead of the
 * problem+json of /api. Register with `app.register(fhirRoutes, { services })`.
 */
export const fhirRoutes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  // A prefix of its own lets the plugin have its own 404 handler (Fastify allows that per prefix).
  await app.register(fhirApi, { services, prefix: '/fhir' });
};

const fhirApi: FastifyPluginAsync<{ services: Services }> = async (app: FastifyInstance, { services }) => {
  const baseUrl = fhirBaseUrl(services);
  app.addContentTypeParser('application/fhir+json', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'ignore'));

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { status, issues, code } = toOutcome(error, request);
    if (code === 'not_authenticated' && request.cookies[SESSION_COOKIE]) reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return send(reply, operationOutcome(issues), status);
  });
  app.setNotFoundHandler((request, reply) =>
    send(reply, operationOutcome([issue('error', 'not-found', `${request.method} ${request.url.split('?')[0]} bestaat niet of wordt niet ondersteund. Zie ${baseUrl}/metadata.`)]), 404),
  );

  // Authentication first, for every route but the CapabilityStatement: an anonymous request is
  // a 401 before its parameters or body are looked at (the actor is loaded by the app's
  // onRequest hook, which runs before this one).
  app.addHook('onRequest', async (request) => {
    const path = (request.url.split('?')[0] ?? '').replace(/\/+$/, '');
    if (path === '/fhir/metadata') return;
    actorOf(request);
  });

  const opts = { schema: { hide: true } };
  const searchBundle = (path: string, params: Record<string, string>, hits: SearchHit[]) => searchset(baseUrl, selfLink(baseUrl, path, params), hits);

  /** `GET /{type}/:id`: a read by id (a UUID), without search parameters. */
  const read = (type: string, reader: (services: Services, actor: Actor, input: { id: string }, origin: Origin) => Promise<ResourceBase>) =>
    app.get(`/${type}/:id`, opts, async (request, reply) => {
      searchParams(request, []);
      return send(reply, await reader(services, actorOf(request), { id: idParam(request) }, originOf(request)));
    });

  /**
   * `GET /{type}?…`: a search by exactly one reference parameter (one of `names`, which are
   * synonyms) to a `target` resource; the use case gets the id it points at.
   */
  const searchByReference = (type: string, names: readonly string[], target: string, search: (actor: Actor, id: string, params: Record<string, string>, origin: Origin) => Promise<SearchHit[]>) =>
    app.get(`/${type}`, opts, async (request, reply) => {
      const params = searchParams(request, names);
      const [name, value] = requireOne(params, names, type);
      const actor = actorOf(request);
      const hits = await search(actor, referenceId(value, target, name, baseUrl), params, originOf(request));
      return send(reply, searchBundle(type, params, hits));
    });

  app.get('/metadata', opts, async (request, reply) => {
    searchParams(request, []);
    return send(reply, capabilityStatement({ baseUrl, version: APP_VERSION, date: CAPABILITY_DATE }));
  });

  app.get('/Patient', opts, async (request, reply) => {
    const params = searchParamsWithRepeats(request, ['_id', 'identifier', 'name', 'name:contains', 'birthdate', '_count', '_offset'], ['birthdate']);
    const query = parsePatientSearch(params);
    const { hits, total } = await service.fhirPatientSearcher(services, actorOf(request), { query, params }, originOf(request));
    const pageParams = { ...params, _count: String(query.count) };
    const next = query.offset + query.count < total && query.count > 0 ? selfLink(baseUrl, 'Patient', { ...pageParams, _offset: String(query.offset + query.count) }) : undefined;
    return send(reply, searchset(baseUrl, selfLink(baseUrl, 'Patient', params), hits, { total, next }));
  });

  read('Patient', (s, actor, { id }, origin) => service.fhirPatientReader(s, actor, { clientId: id }, origin));

  // A parameter rather than a literal segment, so `$everything` also matches when sent as `%24everything`.
  app.get('/Patient/:id/:operation', opts, async (request, reply) => {
    if ((request.params as { operation?: string }).operation !== '$everything') throw new AppError('not_found');
    searchParams(request, []);
    const clientId = idParam(request);
    const hits = await service.fhirEverythingReader(services, actorOf(request), { clientId }, originOf(request));
    return send(reply, searchBundle(`Patient/${clientId}/$everything`, {}, hits));
  });

  read('CareTeam', service.fhirCareTeamReader);
  app.get('/CareTeam', opts, async (request, reply) => {
    const params = searchParams(request, ['patient', 'subject', '_include']);
    const include = params._include;
    if (include !== undefined && include !== 'CareTeam:participant') throw new AppError('validation_failed', 'fhir_search_include_unsupported', [{ path: '_include' }]);
    const [name, value] = requireOne(params, ['patient', 'subject'], 'CareTeam');
    const clientId = referenceId(value, 'Patient', name, baseUrl);
    const hits = await service.fhirCareTeamSearcher(services, actorOf(request), { clientId, params, includeParticipants: include !== undefined }, originOf(request));
    return send(reply, searchBundle('CareTeam', params, hits));
  });

  searchByReference('CarePlan', ['patient', 'subject'], 'Patient', (actor, clientId, params, origin) => service.fhirCarePlanSearcher(services, actor, { clientId, params }, origin));

  read('RelatedPerson', service.fhirRelatedPersonReader);
  searchByReference('RelatedPerson', ['patient'], 'Patient', (actor, clientId, params, origin) => service.fhirRelatedPersonSearcher(services, actor, { clientId, params }, origin));

  read('Practitioner', service.fhirPractitionerReader);
  read('PractitionerRole', service.fhirPractitionerRoleReader);
  app.get('/PractitionerRole', opts, async (request, reply) => {
    const names = ['practitioner', 'organization', 'patient'] as const;
    const params = searchParams(request, names);
    const [name, value] = requireOne(params, names, 'PractitionerRole');
    const type = { practitioner: 'Practitioner', organization: 'Organization', patient: 'Patient' }[name as (typeof names)[number]];
    const id = referenceId(value, type, name, baseUrl);
    const query: service.PractitionerRoleQuery = name === 'practitioner' ? { practitioner: id } : name === 'organization' ? { organization: id } : { patient: id };
    const hits = await service.fhirPractitionerRoleSearcher(services, actorOf(request), { query, params }, originOf(request));
    return send(reply, searchBundle('PractitionerRole', params, hits));
  });

  read('Organization', service.fhirOrganizationReader);
  read('Consent', service.fhirConsentReader);
  searchByReference('Consent', ['patient'], 'Patient', (actor, clientId, params, origin) => service.fhirConsentSearcher(services, actor, { clientId, params }, origin));

  app.get('/Questionnaire/:id', opts, async (request, reply) => {
    searchParams(request, []);
    const id = (request.params as { id?: string }).id ?? '';
    if (!FHIR_ID.test(id)) throw new AppError('not_found');
    return send(reply, await burden.fhirQuestionnaireReader(services, actorOf(request), { id }, originOf(request)));
  });

  app.get('/Questionnaire', opts, async (request, reply) => {
    const params = searchParams(request, ['_id', 'url', 'version', 'name', 'status']);
    const hits = await burden.fhirQuestionnaireSearcher(services, actorOf(request), { query: params, params }, originOf(request));
    return send(reply, searchBundle('Questionnaire', params, hits));
  });

  app.post('/QuestionnaireResponse', opts, async (request, reply) => {
    searchParams(request, []);
    if (request.headers['if-none-exist'] !== undefined) throw new FhirError(400, [issue('error', 'not-supported', 'Voorwaardelijk aanmaken (If-None-Exist) wordt niet ondersteund.')]);
    const created = await burden.fhirQuestionnaireResponseCreator(services, actorOf(request), { body: request.body, baseUrl }, originOf(request));
    reply.header('Location', `${baseUrl}/QuestionnaireResponse/${created.id}`);
    return send(reply, created, 201);
  });

  read('QuestionnaireResponse', burden.fhirQuestionnaireResponseReader);
  searchByReference('QuestionnaireResponse', ['subject'], 'RelatedPerson', (actor, memberId, _params, origin) => burden.fhirQuestionnaireResponseSearcher(services, actor, { memberId }, origin));

  read('Observation', burden.fhirObservationReader);
  // R4 Observation.subject cannot be a RelatedPerson: the caregiver is the `focus`. `subject`
  // with a RelatedPerson is accepted too (as the issue asks) and means the same.
  searchByReference('Observation', ['focus', 'subject'], 'RelatedPerson', (actor, memberId, _params, origin) => burden.fhirObservationSearcher(services, actor, { memberId }, origin));

  // The transaction endpoint is the base URL itself (FHIR: POST [base]).
  app.post('/', opts, async (request, reply) => {
    searchParams(request, []);
    const response = await service.fhirTransactionProcessor(services, actorOf(request), { bundle: request.body }, originOf(request));
    return send(reply, response, 200);
  });
};
