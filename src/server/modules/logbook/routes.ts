import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../platform/context.ts';

/** Routes of the logbook (dagboek) and attachments (issue 16; being built). */
export const logbookRoutes: FastifyPluginAsyncZod<{ services: Services }> = async () => {};
