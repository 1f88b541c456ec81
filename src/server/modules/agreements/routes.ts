import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../platform/context.ts';

/** Routes of agreements on who does what, task boundaries and reviews (issue 16; being built). */
export const agreementRoutes: FastifyPluginAsyncZod<{ services: Services }> = async () => {};
