import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { openTestDb, type Engine } from '../../../../test/support/engines.ts';
import type { Db } from '../../../db/types.ts';
import { nlCoreViolations } from '../../../fhir/nl-core-rules.ts';
import { loadNlCoreTerminology } from '../../../fhir/testing/terminology.ts';
import { nlCoreProfileErrors, r4Errors, referenceTargetErrors } from '../../../fhir/testing/validator.ts';
import type { Bundle, ResourceBase } from '../../../fhir/types.ts';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import type { Services } from '../../platform/context.ts';
import { createMailer } from '../../platform/mail.ts';
import { fhirRoutes } from './routes.ts';

/** Test-only helpers of the FHIR integration tests (never imported by production code). */

const terminology = loadNlCoreTerminology();

/**
 * The test app with the FHIR plugin. app.ts may not register it yet, so we add it before
 * `ready()` unless it is there already.
 */
export async function createFhirTestApp(engine: Engine): Promise<{ app: FastifyInstance; db: Db; services: Services; close(): Promise<void> }> {
  const db = await openTestDb(engine);
  const config = loadConfig({ MK_DEMO: 'false', MK_DATA_DIR: '/nonexistent', MK_WEB_DIR: '/nonexistent', MK_PUBLIC_URL: 'https://mk.example.nl' });
  const services: Services = { db, config, mailer: createMailer(db, { from: config.mailFrom }), now: () => new Date() };
  const app = await buildApp(services);
  if (!app.hasRoute({ method: 'GET', url: '/fhir/metadata' })) await app.register(fhirRoutes, { services });
  await app.ready();
  return {
    app,
    db,
    services,
    async close() {
      await app.close();
      await db.close();
    },
  };
}

/**
 * The body of a FHIR answer, after checking its status, its media type and that it and every
 * resource in it are valid R4 (zero errors, reference targets included), break no nl-core rule
 * and conform to every profile they claim.
 */
export async function fhirBody<T extends ResourceBase>(res: LightMyRequestResponse, status: number): Promise<T> {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
  const body = res.json() as T;
  expect(await r4Errors(body), `${body.resourceType}: ${res.body.slice(0, 300)}`).toEqual([]);
  expect(await referenceTargetErrors(body), `${body.resourceType}: reference targets`).toEqual([]);
  expect(nlCoreViolations(body, terminology)).toEqual([]);
  for (const r of [body, ...(((body as unknown as Bundle).entry ?? []).map((e) => e.resource).filter(Boolean) as ResourceBase[])]) {
    expect(await nlCoreProfileErrors(r), `${r.resourceType}/${r.id}`).toEqual([]);
  }
  return body;
}
