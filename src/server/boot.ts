import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import type { Db } from '../db/types.ts';
import { openDatabase } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import { syncReferenceData } from '../db/reference.ts';
import { buildApp } from './app.ts';
import { createMailer } from './platform/mail.ts';
import type { Services } from './platform/context.ts';
import { demoSeeded, seedDemo } from './modules/demo/seed.ts';
import { syncInstruments } from './modules/burden/instruments.ts';
import { BURDEN_JOBS } from './modules/burden/jobs.ts';
import { NOTIFICATION_JOBS } from './modules/notifications/digest.ts';
import { createJobRunner } from './platform/jobs.ts';
import { PLATFORM_JOBS } from './platform/maintenance.ts';

/** Opens and prepares the database: migrations, reference data, demo data when asked. */
export async function prepareDatabase(config: Config, log: (message: string) => void = () => undefined): Promise<Db> {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const applied = await migrate(db);
    if (applied.length) log(`applied migrations: ${applied.join(', ')}`);
    await syncReferenceData(db);
    await syncInstruments(db);
    if (config.demo && !(await demoSeeded(db))) {
      log('seeding demo data (first start)…');
      await seedDemo(db, { onProgress: () => undefined });
      log('demo data ready');
    }
    return db;
  } catch (error) {
    await db.close();
    throw error;
  }
}

/** Builds the services and the app on an open database. */
export async function startApp(config: Config, db: Db, options: { logger?: boolean } = {}): Promise<{ app: FastifyInstance; services: Services }> {
  const services: Services = { db, config, mailer: createMailer(db, { smtpUrl: config.smtpUrl, from: config.mailFrom, pollMs: 5_000 }), now: () => new Date() };
  const app = await buildApp(services, options);
  // Every instance may run jobs: they claim work with SKIP LOCKED, so each runs once.
  const jobs = config.jobs ? createJobRunner(services, [...PLATFORM_JOBS, ...BURDEN_JOBS, ...NOTIFICATION_JOBS], { pollMs: 60_000, log: app.log }) : null;
  jobs?.start();
  app.addHook('onClose', async () => {
    services.mailer.stop();
    await jobs?.stop();
  });
  return { app, services };
}
