import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../platform/context.ts';

/** Routes of key contacts, medication and the emergency plan (issue 16; being built). */
export const keyInfoRoutes: FastifyPluginAsyncZod<{ services: Services }> = async () => {};
