import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../platform/context.ts';

/** Routes of in-app notifications and the e-mail digest (issue 16; being built). */
export const notificationRoutes: FastifyPluginAsyncZod<{ services: Services }> = async () => {};
