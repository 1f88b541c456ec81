import { ConfigError, loadConfig } from './config.ts';
import { DatabaseOpenError } from '../db/connect.ts';
import { prepareDatabase, startApp } from './boot.ts';

/** Entry point: read config, open and migrate the database, listen. */
async function main(): Promise<void> {
  const config = loadConfig();
  const db = await prepareDatabase(config, (message) => console.log(`[mantelkring] ${message}`));
  const { app } = await startApp(config, db, { logger: true });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close().catch(() => undefined);
    await db.close().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  const address = await app.listen({ port: config.port, host: config.host });
  console.log(`[mantelkring] ready on ${address.replace('0.0.0.0', 'localhost')} (database: ${db.kind}${db.kind === 'pglite' ? `, ${config.dataDir}` : ''})`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DatabaseOpenError) {
    console.error(`[mantelkring] ${error.message}`);
  } else {
    console.error('[mantelkring] could not start:', error);
  }
  process.exit(1);
});
