import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../platform/context.ts';

/** Routes of message threads in a circle (issue 16; being built). */
export const threadRoutes: FastifyPluginAsyncZod<{ services: Services }> = async () => {};
