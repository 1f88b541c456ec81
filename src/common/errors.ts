/**
 * The one error vocabulary shared by server and web. Each code has a stable name (clients
 * may rely on it), an HTTP status and a Dutch and English message a person understands.
 */
export const ERRORS = {
  validation_failed: { status: 400, nl: 'Niet alle gegevens zijn goed ingevuld.', en: 'Some of the data is not filled in correctly.' },
  malformed_json: { status: 400, nl: 'Het verzoek kon niet gelezen worden (geen geldige JSON).', en: 'The request could not be read (not valid JSON).' },
  unsupported_media_type: { status: 415, nl: 'Stuur de gegevens als JSON.', en: 'Send the data as JSON.' },
  payload_too_large: { status: 413, nl: 'Het verzoek is te groot.', en: 'The request is too large.' },
  not_authenticated: { status: 401, nl: 'U bent niet ingelogd. Log eerst in.', en: 'You are not logged in. Please log in first.' },
  invalid_credentials: { status: 401, nl: 'Het e-mailadres of wachtwoord klopt niet.', en: 'The e-mail address or password is not correct.' },
  totp_required: { status: 401, nl: 'Vul de code uit uw app voor inlogcodes in.', en: 'Enter the code from your authenticator app.' },
  totp_invalid: { status: 401, nl: 'De code klopt niet. Probeer het opnieuw met een nieuwe code.', en: 'The code is not correct. Try again with a new code.' },
  email_not_verified: { status: 403, nl: 'Bevestig eerst uw e-mailadres. Kijk in uw mail voor de link.', en: 'Please confirm your e-mail address first. Check your mail for the link.' },
  account_disabled: { status: 403, nl: 'Dit account is uitgeschakeld.', en: 'This account is disabled.' },
  mfa_setup_required: { status: 403, nl: 'Stel eerst inloggen in twee stappen in.', en: 'Please set up two-step login first.' },
  mfa_required: { status: 403, nl: 'Hiervoor moet u inloggen in twee stappen.', en: 'This needs two-step login.' },
  forbidden: { status: 403, nl: 'U heeft geen toegang tot deze gegevens.', en: 'You do not have access to this data.' },
  csrf_rejected: { status: 403, nl: 'Dit verzoek komt niet van Mantelkring zelf en is geweigerd.', en: 'This request did not come from Mantelkring itself and was refused.' },
  not_found: { status: 404, nl: 'Dit bestaat niet (meer), of u heeft er geen toegang toe.', en: 'This does not exist (anymore), or you have no access to it.' },
  uri_too_long: { status: 414, nl: 'Het adres van dit verzoek is te lang.', en: 'The address of this request is too long.' },
  method_not_allowed: { status: 405, nl: 'Deze actie kan hier niet.', en: 'This action is not possible here.' },
  email_taken: { status: 409, nl: 'Er is al een account met dit e-mailadres. Log in of vraag een nieuw wachtwoord aan.', en: 'An account with this e-mail address already exists. Log in or reset your password.' },
  conflict: { status: 409, nl: 'Dit kan niet, omdat de gegevens intussen zijn veranderd.', en: 'This is not possible because the data has changed.' },
  password_too_short: { status: 422, nl: 'Kies een wachtwoord van minstens 12 tekens.', en: 'Choose a password of at least 12 characters.' },
  password_too_common: { status: 422, nl: 'Dit wachtwoord is te bekend en daardoor makkelijk te raden. Kies een ander wachtwoord.', en: 'This password is too common and easy to guess. Choose another one.' },
  token_invalid: { status: 422, nl: 'Deze link is ongeldig of verlopen. Vraag een nieuwe link aan.', en: 'This link is invalid or has expired. Request a new link.' },
  too_many_attempts: { status: 429, nl: 'Te veel pogingen. Wacht een kwartier en probeer het dan opnieuw.', en: 'Too many attempts. Wait a quarter of an hour and try again.' },
  internal: { status: 500, nl: 'Er ging iets mis aan onze kant. Probeer het later opnieuw.', en: 'Something went wrong on our side. Please try again later.' },
  unavailable: { status: 503, nl: 'Mantelkring is even niet bereikbaar. Probeer het later opnieuw.', en: 'Mantelkring is briefly unavailable. Please try again later.' },
} as const satisfies Record<string, { status: number; nl: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** The body of every error response (RFC 9457 problem details plus our stable `code`). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  /** The key of the specific message in `common/messages` (stable), when there is one. */
  messageKey?: string;
  /** The parameters filled into that message. */
  params?: Record<string, string | number>;
  /** Per-field messages for validation errors: JSON pointer-ish path → message (and its key). */
  errors?: { path: string; message: string; messageKey?: string }[];
}
