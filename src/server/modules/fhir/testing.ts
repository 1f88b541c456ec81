import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Engine } from '../../../../test/support/engines.ts';
import { createTestApp, type TestApp } from '../../../../test/support/harness.ts';
import { nlCoreViolations } from '../../../fhir/nl-core-rules.ts';
import { loadNlCoreTerminology } from '../../../fhir/testing/terminology.ts';
import { nlCoreProfileErrors, r4Errors, referenceTargetErrors } from '../../../fhir/testing/validator.ts';
import type { Bundle, ResourceBase } from '../../../fhir/types.ts';

/** Test-only helpers of the FHIR integration tests (never imported by production code). */

const terminology = loadNlCoreTerminology();

/** The test app (FHIR runs at an https public URL, as in production). */
export function createFhirTestApp(engine: Engine): Promise<TestApp> {
  return createTestApp(engine, undefined, { MK_PUBLIC_URL: 'https://mk.example.nl' });
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
