import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../platform/context.ts';

/** Routes of the shared agenda, reminders and the iCalendar feed (issue 16; being built). */
export const agendaRoutes: FastifyPluginAsyncZod<{ services: Services }> = async () => {};
