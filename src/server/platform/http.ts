import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, Origin } from './context.ts';
import { requireActor } from './policy/index.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated user, or null (resolved by the auth hook). */
    actor: Actor | null;
  }
}

/**
 * The request's origin for the access log. The source system follows from how the caller
 * authenticated, never from a header the caller chooses: a personal API token is a record
 * system ('api', or 'fhir' on the FHIR API); a session cookie (or no authentication yet, as
 * at login) is the web app. The address is the peer's, or the one a configured proxy
 * (MK_TRUST_PROXY) forwarded.
 */
export function originOf(request: FastifyRequest): Origin {
  const viaToken = request.actor?.sessionId.startsWith('token:') ?? false;
  const source = request.url.startsWith('/fhir') ? 'fhir' : viaToken ? 'api' : 'web';
  return { ip: request.ip ?? null, sourceSystem: source, userAgent: request.headers['user-agent'] ?? null };
}

/** The authenticated actor of a request; throws 401 when there is none. */
export function actorOf(request: FastifyRequest): Actor {
  requireActor(request.actor);
  return request.actor;
}

/** The language for messages: the user's choice, else the browser's, else Dutch. */
export function localeOf(request: FastifyRequest): 'nl' | 'en' {
  const header = request.headers['accept-language'] ?? '';
  return /^en\b/i.test(header) ? 'en' : 'nl';
}

/** Sends 204 No Content. */
export function noContent(reply: FastifyReply): FastifyReply {
  return reply.code(204).send();
}
