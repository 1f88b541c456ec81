import { parseArgs } from 'node:util';
import readline from 'node:readline/promises';
import cliProgress from 'cli-progress';
import { ConfigError, loadConfig } from '../server/config.ts';
import { DatabaseOpenError, openDatabase } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import { syncReferenceData } from '../db/reference.ts';
import { syncInstruments } from '../server/modules/burden/instruments.ts';
import { demoSeeded, seedDemo } from '../server/modules/demo/seed.ts';
import { adminCreator } from '../server/modules/admin/cli.ts';
import { generateScale, SCALE_PASSWORD, ScaleError } from '../server/modules/scale/generate.ts';
import { AppError } from '../server/platform/errors.ts';

const USAGE = `Usage: mantelkring <command> [options]

Commands:
  migrate                     apply database migrations and load reference data
  seed --demo                 fill an empty installation with demo data
  seed --scale [N]            add N generated caregivers (default 10,000) with their circles,
                              organisations, checks and signals, for benchmarks; never on a
                              real installation (every account has the same known password)
  create-admin --email E --name N
                              create a platform administrator (password asked, or from
                              MK_ADMIN_PASSWORD); sign in and set up two-step login next

Database: DATABASE_URL (PostgreSQL) or MK_DATA_DIR (embedded PGlite, default ./data/db).`;

class UsageError extends Error {}

/** The N of `seed --scale N`: a whole number from 1 to 5,000,000 (default 10,000). */
function scaleCount(positionals: string[]): number {
  if (positionals.length > 1) throw new UsageError('seed --scale takes one number.');
  const n = positionals[0] === undefined ? 10_000 : Number(positionals[0].replaceAll('_', ''));
  if (!Number.isInteger(n) || n < 1 || n > 5_000_000) throw new UsageError('seed --scale needs a whole number of caregivers from 1 to 5,000,000.');
  return n;
}

async function readPassword(): Promise<string> {
  if (process.env.MK_ADMIN_PASSWORD) return process.env.MK_ADMIN_PASSWORD;
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').split('\n')[0]?.trim() ?? '';
  }
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question('Password (at least 12 characters): ');
  rl.close();
  return answer.trim();
}

async function run(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    console.log(USAGE);
    return;
  }
  const { values, positionals } = parseArgs({
    args: rest,
    options: { demo: { type: 'boolean' }, scale: { type: 'boolean' }, email: { type: 'string' }, name: { type: 'string' } },
    strict: true,
    allowPositionals: true,
  });
  if (!['migrate', 'seed', 'create-admin'].includes(command)) throw new UsageError(`Unknown command "${command}".`);
  if (command === 'seed' && values.demo === values.scale) throw new UsageError('Use "seed --demo" or "seed --scale [N]".');
  const scale = values.scale ? scaleCount(positionals) : null;
  if (command !== 'seed' && positionals.length > 0) throw new UsageError(`Unexpected "${positionals.join(' ')}".`);
  if (command === 'create-admin' && (!values.email || !values.name)) throw new UsageError('create-admin needs --email and --name.');

  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const applied = await migrate(db);
    await syncReferenceData(db);
    await syncInstruments(db);
    if (command === 'migrate') {
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
    } else if (command === 'seed' && scale !== null) {
      const bar = new cliProgress.SingleBar({ format: 'Scale data [{bar}] {value}/{total} caregivers, {eta_formatted} left', hideCursor: true }, cliProgress.Presets.shades_classic);
      bar.start(scale, 0);
      const started = Date.now();
      const summary = await generateScale(db, { caregivers: scale, onProgress: (done) => bar.update(done) });
      bar.stop();
      console.log(
        `Generated ${summary.caregivers.toLocaleString('en')} caregivers, ${summary.clients.toLocaleString('en')} clients, ${summary.checks.toLocaleString('en')} checks and ${summary.signals.toLocaleString('en')} signals (${summary.rows.toLocaleString('en')} rows) in ${Math.round((Date.now() - started) / 1000)} s. Password of every account: ${SCALE_PASSWORD}.`,
      );
    } else if (command === 'seed') {
      if (await demoSeeded(db)) {
        console.log('Demo data is already there; nothing to do.');
        return;
      }
      const bar = new cliProgress.SingleBar({ format: 'Demo data [{bar}] {percentage}% {step}', hideCursor: true }, cliProgress.Presets.shades_classic);
      bar.start(6, 0, { step: '' });
      await seedDemo(db, { onProgress: (done, _total, step) => bar.update(done, { step }) });
      bar.stop();
      console.log('Demo data created. Accounts: see README.md.');
    } else {
      const password = await readPassword();
      const id = await adminCreator(db, { email: values.email as string, displayName: values.name as string, password });
      console.log(`Administrator created (${id}). Log in and set up two-step login.`);
    }
  } finally {
    await db.close();
  }
}

run(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
    console.error(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (error instanceof ConfigError || error instanceof DatabaseOpenError || error instanceof AppError || error instanceof ScaleError) {
    console.error(`Error: ${error.message}`);
    process.exit(1);
  }
  console.error(error);
  process.exit(1);
});
