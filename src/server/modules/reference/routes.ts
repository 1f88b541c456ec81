import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../platform/context.ts';
import * as service from './service.ts';

const MunicipalitySchema = z.object({ code: z.string(), name: z.string(), provinceCode: z.string(), provinceName: z.string() });

/** Public reference data: municipalities (CBS, 1 January 2026; "Bron: CBS"). */
export const referenceRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/api/municipalities',
    {
      schema: {
        tags: ['reference'],
        summary: 'Dutch municipalities with CBS code (Bron: CBS)',
        querystring: z.strictObject({ q: z.string().max(100).optional() }),
        response: { 200: z.object({ items: z.array(MunicipalitySchema) }) },
      },
    },
    async (request) => {
      const rows = await service.municipalitySearcher(services, request.query);
      return { items: rows.map((r) => ({ code: r.code, name: r.name, provinceCode: r.province_code, provinceName: r.province_name })) };
    },
  );
};
