import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, sessionCookie, type TestApp } from '../../test/support/harness.ts';
import { describeEachEngine } from '../../test/support/engines.ts';
import { currentTotp } from './platform/totp.ts';
import { goodBundle } from '../fhir/testing/fixtures.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, seedDemo } from './modules/demo/seed.ts';

/**
 * A hostile-input run over every operation of /api and /fhir, as an anonymous caller, a
 * caregiver, a professional and an administrator: over-long and broken path parameters,
 * NUL characters and lone surrogates, absurd numbers, wrong types and shapes. Whatever the
 * answer, it is never a 5xx, and an error is always a problem document (or an
 * OperationOutcome on /fhir).
 */

interface Route {
  method: string;
  url: string;
}

/** Every route of the app, read from Fastify's route tree (HEAD and the Swagger UI left out). */
function allRoutes(app: FastifyInstance): Route[] {
  const lines = app.printRoutes({ commonPrefix: false }).split('\n').filter(Boolean);
  const stack: string[] = [];
  const routes: Route[] = [];
  for (const line of lines) {
    const match = /^([│\s├└─]*)(\S.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = Math.floor((match[1] ?? '').length / 4);
    stack.length = depth;
    stack[depth] = match[2] ?? '';
    const url = stack.join('');
    for (const method of (match[3] ?? '').split(',').map((m) => m.trim()).filter(Boolean)) {
      if (method === 'HEAD' || method === 'OPTIONS' || url.startsWith('/api/docs') || url.includes('*')) continue;
      routes.push({ method, url });
    }
  }
  return routes;
}

/** Routes that end the caller's own session: run anonymously only, so the sweep keeps its sessions. */
const ENDS_SESSION = [/^POST \/api\/auth\/logout$/, /^DELETE \/api\/me\/sessions/, /^POST \/api\/me\/password$/];

const HOSTILE_STRINGS = ['\u0000', 'a\uD800b', 'x'.repeat(5_000), "'; drop table clients; --", '../../etc/passwd', '😀'.repeat(50), ' '];
const HOSTILE_VALUES: unknown[] = [null, -1, 1e308, 1.5, true, [], {}, [null], { a: { b: { c: [1, 'x'] } } }];

/** Bodies for a write: shapes that are wrong in every way we can think of. */
function hostileBodies(): unknown[] {
  const deep: Record<string, unknown> = {};
  let cursor = deep;
  for (let i = 0; i < 80; i++) {
    cursor.x = {};
    cursor = cursor.x as Record<string, unknown>;
  }
  const keys = ['name', 'givenName', 'familyName', 'email', 'q', 'note', 'answers', 'status', 'kind', 'bsn', 'birthDate', 'occurredAt', 'instrument', 'code', 'resourceType', 'entry', 'days', 'level', 'accessLevel', 'decision', 'members'];
  const bodies: unknown[] = [{}, [], 'tekst', 42, deep];
  for (const value of [...HOSTILE_STRINGS, ...HOSTILE_VALUES]) bodies.push(Object.fromEntries(keys.map((k) => [k, value])));
  bodies.push({ resourceType: 'Bundle', type: 'transaction', entry: [{ resource: { resourceType: 'Patient', name: [{ family: '\u0000' }] } }, { request: null }, 'x'] });
  bodies.push({ resourceType: 'QuestionnaireResponse', status: 'completed', item: [{ linkId: '\uD800', answer: [{ valueInteger: 1e308 }] }] });
  return bodies;
}

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  format?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  default?: unknown;
};

/** A plausible, usually valid value for a JSON schema (from the OpenAPI document), so that one hostile field is what gets tested. */
function sample(schema: JsonSchema, name: string, ids: Record<string, string>): unknown {
  const option = schema.anyOf ?? schema.oneOf;
  if (option) return sample(option.find((o) => o.type !== 'null') ?? option[0] ?? {}, name, ids);
  if (schema.enum) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
  switch (type) {
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, child]) => [key, sample(child, key, ids)]));
    case 'array':
      return schema.items ? [sample(schema.items, name, ids)] : [];
    case 'boolean':
      return false;
    case 'integer':
    case 'number':
      return Math.min(schema.maximum ?? Number.MAX_SAFE_INTEGER, Math.max(schema.minimum ?? 1, 1));
    case 'string': {
      if (schema.format === 'email' || /email/i.test(name)) return 'vijandig@example.nl';
      if (schema.format === 'date' || /date$|since|until/i.test(name)) return '1950-03-04';
      if (schema.format === 'date-time' || /At$/.test(name)) return new Date(Date.now() - 3_600_000).toISOString();
      if (schema.format === 'uuid' || /Id$/.test(name)) return ids[name] ?? randomUUID();
      if (/municipality/i.test(name)) return 'GM0546';
      if (name === 'bsn') return '999999990';
      if (name === 'code') return 'ABCD-EFGH';
      if (/password/i.test(name)) return 'Een-heel-lang-wachtwoord-2026';
      return 'Vijandige tekst';
    }
    default:
      return undefined;
  }
}

/** JSON-pointer-like paths of every string in a value. */
function stringPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...path, k]));
  return [];
}

/** A copy of `value` with the string at `path` replaced. */
function withString(value: unknown, path: (string | number)[], text: string): unknown {
  if (path.length === 0) return text;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let cursor = copy;
  for (const step of path.slice(0, -1)) cursor = cursor[step] as Record<string | number, unknown>;
  cursor[path[path.length - 1] as string | number] = text;
  return copy;
}

const QUERIES = ['?q=%00&name=%00&_count=-1&page=99999999999999&sort=%27%3B', `?q=${'a'.repeat(3000)}&limit=abc&offset=-5`, '?_count=0&birthdate=2099-99-99&identifier=%7C&_include=*&patient=%00', '?q=%ED%A0%80&status=%00'];

describeEachEngine('hostile input over every operation', (engine) => {
  let t: TestApp;
  const callers: Record<string, Record<string, string>> = {};
  const ids: Record<string, string> = {};
  const bodySchemas = new Map<string, JsonSchema>();

  beforeAll(async () => {
    t = await createTestApp(engine);
    await seedDemo(t.db, { caregivers: 4, volunteers: 2 });
    const login = async (email: string, totp: boolean) =>
      sessionCookie(await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: DEMO_PASSWORD, ...(totp ? { totp: currentTotp(DEMO_TOTP_SECRET) } : {}) } }));
    callers.anonymous = {};
    callers.caregiver = { cookie: await login('mantelzorger@demo.mantelkring.nl', false) };
    callers.professional = { cookie: await login('wijkverpleegkundige@demo.mantelkring.nl', true) };
    callers.admin = { cookie: await login('admin@demo.mantelkring.nl', true) };
    const doc = t.app.swagger() as { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>> };
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const schema = op.requestBody?.content?.['application/json']?.schema;
        if (schema) bodySchemas.set(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`, schema);
      }
    }
    const circle = (await t.app.inject({ url: '/api/circles', headers: callers.caregiver })).json().items[0];
    ids.clientId = circle.clientId;
    const detail = (await t.app.inject({ url: `/api/circles/${circle.clientId}`, headers: callers.caregiver })).json();
    ids.memberId = detail.members[0].id;
    const me = (await t.app.inject({ url: '/api/me', headers: callers.professional })).json();
    ids.organisationId = me.memberships[0].organisationId;
  }, 240_000);
  afterAll(async () => t?.close());

  it('never answers 5xx, and every error is a problem document or OperationOutcome', async () => {
    const routes = allRoutes(t.app);
    // The sweep must really cover the API: the route tree was read.
    expect(routes.length).toBeGreaterThan(80);
    expect(routes.some((r) => r.url === '/fhir/Patient/:id')).toBe(true);
    const failures: string[] = [];
    let requests = 0;
    let mutated = 0;

    const check = async (caller: string, method: string, url: string, payload?: unknown) => {
      requests++;
      const res = await t.app.inject({
        method: method as 'GET',
        url,
        headers: { ...callers[caller], ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}),
      });
      const type = String(res.headers['content-type'] ?? '');
      if (res.statusCode >= 500) failures.push(`${caller} ${method} ${url.slice(0, 120)} → ${res.statusCode} ${res.body.slice(0, 200)}`);
      else if (res.statusCode >= 400 && !/problem\+json|fhir\+json/.test(type)) failures.push(`${caller} ${method} ${url.slice(0, 120)} → ${res.statusCode} as ${type}`);

    };
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      // The administrator only where administrators work; everyone else everywhere.
      const everyone = /\/(admin|audit|organisations)/.test(route.url) ? Object.keys(callers) : ['anonymous', 'caregiver', 'professional'];
      const who = ENDS_SESSION.some((re) => re.test(key)) ? ['anonymous'] : everyone;
      const real = route.url.replace(/:(\w+)/g, (_, name: string) => ids[name] ?? (name === 'id' ? (ids.organisationId as string) : randomUUID()));
      const paths = [
        real,
        route.url.replace(/:(\w+)/g, () => 'x'.repeat(300)),
        route.url.replace(/:(\w+)/g, () => '%00'),
        route.url.replace(/:(\w+)/g, () => '%E0%A4%A'),
      ];
      for (const caller of who) {
        for (const path of route.url.includes(':') ? paths : [real]) await check(caller, route.method, path);
        if (route.method === 'GET') {
          for (const query of QUERIES) await check(caller, route.method, `${real}${query}`);
        } else {
          for (const body of hostileBodies()) await check(caller, route.method, real, body);
          // One hostile string at a time in an otherwise plausible body, so it gets past the
          // schema to wherever the text would go (the database, a mail, a FHIR resource).
          const schema = bodySchemas.get(key);
          const base = schema ? sample(schema, '', ids) : route.url === '/fhir' ? goodBundle() : undefined;
          if (base !== undefined && caller !== 'anonymous') {
            for (const path of stringPaths(base)) {
              mutated++;
              await check(caller, route.method, real, withString(base, path, mutated % 2 ? 'Anna\u0000' : 'Anna\uD800'));
            }
          }
        }
      }
    }
    expect(requests).toBeGreaterThan(2_000);
    expect(mutated).toBeGreaterThan(300);
    expect(failures).toEqual([]);
  }, 600_000);
});
