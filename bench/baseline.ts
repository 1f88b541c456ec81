/**
 * The practical limit a scenario is held against: a bare Fastify server, no auth, no audit,
 * no presenters, that answers each scenario with ONE equivalent indexed query on the same
 * database and the same pool size. Started by bench/run.ts as its own process:
 *   PORT=… DATABASE_URL=… | MK_DATA_DIR=… tsx bench/baseline.ts
 */
import Fastify from 'fastify';
import { openDatabase } from '../src/db/connect.ts';
import { verifyPassword } from '../src/server/platform/passwords.ts';

const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.MK_DATA_DIR });
const app = Fastify({ logger: false });

/** Login: the password check is the work; one lookup by the same index as the app's. */
app.post('/baseline/login', async (request) => {
  const { email, password } = request.body as { email: string; password: string };
  const { rows } = await db.query<{ password_hash: string }>('select password_hash from users where lower(email) = lower($1)', [email]);
  return { ok: rows[0] ? await verifyPassword(rows[0].password_hash, password) : false };
});

/** Caregiver home: her circles with their client, by the member-user index. */
app.get('/baseline/home/:user', async (request) => {
  const { user } = request.params as { user: string };
  const { rows } = await db.query(
    `select c.id, c.given_name, c.family_name, m.id as member_id from circle_members m join clients c on c.id = m.client_id
      where m.user_id = $1 and m.left_at is null`,
    [user],
  );
  return rows;
});

/** Professional list: one page of 50 linked clients, by the link's organisation index. */
app.get('/baseline/clients/:org', async (request) => {
  const { org } = request.params as { org: string };
  const { rows } = await db.query(
    `select c.id, c.given_name, c.family_name, c.birth_date from client_organisation_links l join clients c on c.id = l.client_id
      where l.organisation_id = $1 and l.ended_at is null order by l.created_at desc limit 50`,
    [org],
  );
  return rows;
});

/** FHIR $everything: the client's network, by the member-client index. */
app.get('/baseline/everything/:client', async (request) => {
  const { client } = request.params as { client: string };
  const { rows } = await db.query('select * from circle_members where client_id = $1 and left_at is null', [client]);
  return rows;
});

app.get('/baseline/health', async () => ({ ok: true }));

const close = async () => {
  await app.close();
  await db.close();
  process.exit(0);
};
process.on('SIGTERM', () => void close());
process.on('SIGINT', () => void close());
await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
console.log('[baseline] ready');
