import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../platform/context.ts';

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
      const q = request.query.q?.trim() ?? '';
      // "Den Haag" is how people name 's-Gravenhage.
      const search = /^den haag/i.test(q) ? "'s-Gravenhage" : q;
      const { rows } = await services.db.query<{ code: string; name: string; province_code: string; province_name: string }>(
        `select m.code, m.name, m.province_code, p.name as province_name
         from municipalities m join provinces p on p.code = m.province_code
         where $1 = '' or m.name ilike '%' || $1 || '%' or m.code = upper($1)
         order by m.name collate "C"`,
        [search],
      );
      return { items: rows.map((r) => ({ code: r.code, name: r.name, provinceCode: r.province_code, provinceName: r.province_name })) };
    },
  );
};
