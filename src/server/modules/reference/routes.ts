import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listOf } from '../../../common/paging.ts';
import { MunicipalitySchema } from '../../../common/schemas.ts';
import type { Services } from '../../platform/context.ts';
import * as service from './service.ts';

/** Public reference data: municipalities (CBS, 1 January 2026; "Bron: CBS"). */
export const referenceRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/api/municipalities',
    {
      schema: {
        tags: ['reference'],
        summary: 'Dutch municipalities with CBS code (Bron: CBS)',
        querystring: z.strictObject({ q: z.string().max(100).optional() }),
        response: { 200: listOf(MunicipalitySchema) },
      },
    },
    async (request) => {
      const rows = await service.municipalitySearcher(services, request.query);
      return { items: rows.map((r) => ({ code: r.code, name: r.name, provinceCode: r.province_code, provinceName: r.province_name })) };
    },
  );
};
