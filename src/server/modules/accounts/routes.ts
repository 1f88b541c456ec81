import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AcceptedSchema,
  ChangePasswordInput,
  EmailInput,
  LoginInput,
  MeSchema,
  ProfileInput,
  RecoveryCodesSchema,
  RegisterInput,
  ResetPasswordInput,
  SessionSchema,
  TokenInput,
  TotpCodeInput,
  TotpSetupSchema,
} from '../../../common/schemas.ts';
import { listOf } from '../../../common/paging.ts';
import { renderMessage, type MessageKey } from '../../../common/messages/index.ts';
import type { Services } from '../../platform/context.ts';
import { actorOf, localeOf, noContent, originOf } from '../../platform/http.ts';
import { SESSION_COOKIE } from '../../platform/sessions.ts';
import { loadActor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import * as service from './service.ts';
import { presentMe, presentSession } from './present.ts';

/** The answer to a request that sends mail, in the caller's language. */
const accepted = (request: FastifyRequest, key: MessageKey) => ({ status: 'accepted' as const, message: renderMessage(key, localeOf(request)) });

/** Accounts: registration, verification, login, password reset, own settings, sessions, 2FA. */
export const accountRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const tags = ['accounts'];
  const cookieOptions = (expires: Date) => ({ path: '/', httpOnly: true, sameSite: 'lax' as const, secure: services.config.secureCookies, expires });

  const me = async (actor: ReturnType<typeof actorOf>) => {
    const { recoveryCodesLeft } = await service.ownAccountReader(services, actor);
    return presentMe(actor, recoveryCodesLeft);
  };

  app.post('/api/auth/register', { schema: { tags, summary: 'Register as caregiver or volunteer', body: RegisterInput, response: { 202: AcceptedSchema } } }, async (request, reply) => {
    await service.accountRegistrar(services, request.body, originOf(request));
    return reply.code(202).send(accepted(request, 'accepted_check_mail'));
  });

  app.post('/api/auth/verify-email', { schema: { tags, body: TokenInput, response: { 204: z.null() } } }, async (request, reply) => {
    await service.emailVerifier(services, request.body, originOf(request));
    return noContent(reply);
  });

  app.post('/api/auth/resend-verification', { schema: { tags, body: EmailInput, response: { 202: AcceptedSchema } } }, async (request, reply) => {
    await service.verificationResender(services, request.body, originOf(request));
    return reply.code(202).send(accepted(request, 'accepted_link_if_unverified'));
  });

  app.post('/api/auth/login', { schema: { tags, summary: 'Log in; sets the session cookie', body: LoginInput, response: { 200: MeSchema } } }, async (request, reply) => {
    const result = await service.loginAttempt(services, request.body, originOf(request)).catch((error: unknown) => {
      // A slowed-down account: tell clients when to try again (RFC 9110 Retry-After).
      const seconds = error instanceof AppError && typeof error.detail === 'object' ? error.detail.params?.seconds : undefined;
      if (seconds !== undefined) reply.header('Retry-After', String(seconds));
      throw error;
    });
    reply.setCookie(SESSION_COOKIE, result.token, cookieOptions(result.expiresAt));
    const actor = await loadActor(services.db, result.userId, { id: result.sessionId, mfaVerified: result.mfaVerified });
    if (!actor) throw new AppError('not_authenticated');
    return me(actor);
  });

  app.post('/api/auth/logout', { schema: { tags, response: { 204: z.null() } } }, async (request, reply) => {
    if (request.actor) await service.logout(services, request.actor, originOf(request));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return noContent(reply);
  });

  app.post('/api/auth/password/forgot', { schema: { tags, body: EmailInput, response: { 202: AcceptedSchema } } }, async (request, reply) => {
    await service.passwordResetRequester(services, request.body, originOf(request));
    return reply.code(202).send(accepted(request, 'accepted_link_if_known'));
  });

  app.post('/api/auth/password/reset', { schema: { tags, body: ResetPasswordInput, response: { 204: z.null() } } }, async (request, reply) => {
    await service.passwordResetter(services, request.body, originOf(request));
    return noContent(reply);
  });

  app.get('/api/me', { schema: { tags, summary: 'The logged-in user', response: { 200: MeSchema } } }, async (request) => me(actorOf(request)));

  app.patch('/api/me', { schema: { tags, body: ProfileInput, response: { 200: MeSchema } } }, async (request) => {
    const actor = actorOf(request);
    await service.profileUpdater(services, actor, request.body, originOf(request));
    const fresh = await loadActor(services.db, actor.userId, { id: actor.sessionId, mfaVerified: actor.mfaVerified });
    return me(fresh ?? actor);
  });

  app.post('/api/me/password', { schema: { tags, body: ChangePasswordInput, response: { 204: z.null() } } }, async (request, reply) => {
    await service.passwordChanger(services, actorOf(request), request.body, originOf(request));
    return noContent(reply);
  });

  app.get('/api/me/sessions', { schema: { tags, response: { 200: listOf(SessionSchema) } } }, async (request) => {
    const actor = actorOf(request);
    const rows = await service.ownSessionsLister(services, actor);
    return { items: rows.map((r) => presentSession(r, actor.sessionId)) };
  });

  app.delete('/api/me/sessions', { schema: { tags, summary: 'Log out everywhere else: end every other session and revoke every personal API token', response: { 204: z.null() } } }, async (request, reply) => {
    await service.otherSessionsEnder(services, actorOf(request), originOf(request));
    return noContent(reply);
  });

  app.delete('/api/me/sessions/:id', { schema: { tags, params: z.object({ id: z.string().regex(/^[0-9a-f]{64}$/) }), response: { 204: z.null() } } }, async (request, reply) => {
    await service.ownSessionEnder(services, actorOf(request), { sessionId: request.params.id }, originOf(request));
    return noContent(reply);
  });

  app.post('/api/me/totp/setup', { schema: { tags, summary: 'Start TOTP set-up', response: { 200: TotpSetupSchema } } }, async (request) =>
    service.totpSetupStarter(services, actorOf(request)),
  );

  app.post('/api/me/totp/enable', { schema: { tags, body: TotpCodeInput, response: { 200: RecoveryCodesSchema } } }, async (request) =>
    service.totpEnabler(services, actorOf(request), request.body, originOf(request)),
  );

  app.post('/api/me/totp/recovery-codes', { schema: { tags, body: TotpCodeInput, response: { 200: RecoveryCodesSchema } } }, async (request) =>
    service.recoveryCodesRegenerator(services, actorOf(request), request.body, originOf(request)),
  );

  app.post('/api/me/totp/disable', { schema: { tags, body: TotpCodeInput, response: { 204: z.null() } } }, async (request, reply) => {
    await service.totpDisabler(services, actorOf(request), request.body, originOf(request));
    return noContent(reply);
  });
};
