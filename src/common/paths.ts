/**
 * Paths of the web app's pages that the server links to (in mails) and the web router
 * serves: one list, so a link in a mail cannot point at a page that moved. Every path here
 * matches a route in src/web/App.tsx (checked by paths.test.ts). Paths only: the server
 * puts its public address in front (`${publicUrl}${PATHS.invitation(token)}`).
 */

const q = encodeURIComponent;

export const PATHS = {
  /** A staff invitation link (organisations). */
  invitation: (token: string) => `/uitnodiging?token=${q(token)}`,
  /** A circle invitation link with its code (circle-invitations). */
  circleInvitation: (code: string) => `/kring-uitnodiging?code=${q(code)}`,
  /** The people of a circle (the "mensen" section of the circle page). */
  circlePeople: (clientId: string) => `/kringen/${q(clientId)}/mensen`,
  /** The burden checks of a circle. */
  circleBurden: (clientId: string) => `/kringen/${q(clientId)}/belasting`,
  /** One overload signal of an organisation. */
  organisationSignal: (organisationId: string, signalId: string) => `/organisaties/${q(organisationId)}/signalen/${q(signalId)}`,
  /** Asking for a new password. */
  forgotPassword: () => '/wachtwoord-vergeten',
  /** Setting a new password with a reset token. */
  resetPassword: (token: string) => `/wachtwoord-herstellen?token=${q(token)}`,
  /** Confirming an e-mail address with its token. */
  verifyEmail: (token: string) => `/e-mail-bevestigen?token=${q(token)}`,
} as const;
