/**
 * The pages of the web app: one list of route patterns (`ROUTES`) that the web router in
 * src/web/App.tsx serves, and the link builders (`PATHS`) that the server puts in mails.
 * The builders fill in the patterns, so a link in a mail cannot point at a page that moved
 * (checked by paths.test.ts). Paths only: the server puts its public address in front
 * (`${publicUrl}${PATHS.invitation(token)}`).
 */

/** Route patterns in React Router's syntax: `:name` is one segment, `:name?` an optional one. */
export const ROUTES = {
  home: '/',
  login: '/inloggen',
  register: '/registreren',
  verifyEmail: '/e-mail-bevestigen',
  forgotPassword: '/wachtwoord-vergeten',
  resetPassword: '/wachtwoord-herstellen',
  invitation: '/uitnodiging',
  circleInvitation: '/kring-uitnodiging',
  account: '/account',
  twoFactor: '/account/twee-stappen',
  circles: '/kringen',
  startCircle: '/kringen/nieuw',
  /** The circle page; `section` is one of its tabs ("mensen", "toegang", …). */
  circle: '/kringen/:clientId/:section?',
  organisations: '/organisaties',
  organisation: '/organisaties/:id',
  caseload: '/organisaties/:id/clienten',
  registerClient: '/organisaties/:id/clienten/nieuw',
  linkCode: '/organisaties/:id/clienten/koppelen',
  contact: '/organisaties/:id/clienten/:clientId/contact',
  scans: '/kringen/:clientId/mantelscan',
  scanCompare: '/kringen/:clientId/mantelscan/vergelijken',
  scan: '/kringen/:clientId/mantelscan/:scanId',
  circleBurden: '/kringen/:clientId/belasting',
  chooseCheck: '/kringen/:clientId/belasting/starten',
  conversationCheck: '/kringen/:clientId/belasting/gesprek',
  check: '/kringen/:clientId/belasting/:memberId/checks/:checkId',
  trend: '/kringen/:clientId/belasting/:memberId/verloop',
  signals: '/organisaties/:id/signalen',
  signal: '/organisaties/:id/signalen/:signalId',
  notifications: '/meldingen',
  logbookEntry: '/kringen/:clientId/dagboek/:entryId',
  thread: '/kringen/:clientId/berichten/:threadId',
  adminOrganisations: '/beheer/organisaties',
  adminUsers: '/beheer/gebruikers',
  adminOutbox: '/beheer/postvak',
  adminAudit: '/beheer/toegangslog',
  adminInstruments: '/beheer/vragenlijsten',
  /** Every other address: the "page not found" page. */
  notFound: '*',
} as const;

type Segment<S extends string> = S extends `:${infer Name}?` ? { [K in Name]?: string } : S extends `:${infer Name}` ? { [K in Name]: string } : unknown;
/** The parameters a route pattern asks for (`'/kringen/:clientId/:section?'` → `{ clientId: string; section?: string }`). */
export type RouteParams<P extends string> = P extends `${infer Head}/${infer Tail}` ? Segment<Head> & RouteParams<Tail> : Segment<P>;

const q = encodeURIComponent;

/** Fills in a route pattern: each `:name` becomes its (encoded) value; an optional one without a value is left out. */
export function fillRoute<P extends string>(pattern: P, params: RouteParams<P>): string {
  const values = params as Record<string, string | undefined>;
  return pattern.replace(/\/:([\w-]+)(\?)?/g, (_match, name: string) => {
    const value = values[name];
    return value === undefined || value === '' ? '' : `/${q(value)}`;
  });
}

export const PATHS = {
  /** A staff invitation link (organisations). */
  invitation: (token: string) => `${ROUTES.invitation}?token=${q(token)}`,
  /** A circle invitation link with its code (circle-invitations). */
  circleInvitation: (code: string) => `${ROUTES.circleInvitation}?code=${q(code)}`,
  /** The people of a circle (the "mensen" section of the circle page). */
  circlePeople: (clientId: string) => fillRoute(ROUTES.circle, { clientId, section: 'mensen' }),
  /** The burden checks of a circle. */
  circleBurden: (clientId: string) => fillRoute(ROUTES.circleBurden, { clientId }),
  /** One overload signal of an organisation. */
  organisationSignal: (organisationId: string, signalId: string) => fillRoute(ROUTES.signal, { id: organisationId, signalId }),
  /** Asking for a new password. */
  forgotPassword: () => ROUTES.forgotPassword,
  /** Setting a new password with a reset token. */
  resetPassword: (token: string) => `${ROUTES.resetPassword}?token=${q(token)}`,
  /** Confirming an e-mail address with its token. */
  verifyEmail: (token: string) => `${ROUTES.verifyEmail}?token=${q(token)}`,
} as const;
