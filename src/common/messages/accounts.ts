/** Refusal messages of the accounts domain, and the answers to requests that send mail (see ./index.ts). Keys are stable: clients may rely on them. */
export const accountMessages = {
  accepted_check_mail: { nl: 'Kijk in uw mail. Klik op de link om uw e-mailadres te bevestigen.', en: 'Check your mail. Click the link to confirm your e-mail address.' },
  accepted_link_if_known: { nl: 'Als dit e-mailadres bij ons bekend is, krijgt u een e-mail met een link.', en: 'If we know this e-mail address, you will get an e-mail with a link.' },
  accepted_link_if_unverified: { nl: 'Als er een account is dat nog niet bevestigd is, sturen we een nieuwe link.', en: 'If there is an account that has not been confirmed yet, we send a new link.' },
  api_token_max_days: { nl: 'Een sleutel werkt hoogstens {days} dagen.', en: 'A key works for at most {days} days.' },
  cli_email_invalid: { nl: 'Geen geldig e-mailadres: {email}', en: 'Not a valid e-mail address: {email}' },
  cli_email_taken: { nl: 'Er is al een account met {email}.', en: 'An account with {email} already exists.' },
  cli_name_required: { nl: 'Een naam is verplicht.', en: 'A name is required.' },
  current_password_wrong: { nl: 'Uw huidige wachtwoord klopt niet.', en: 'Your current password is not correct.' },
  invitation_email_taken: { nl: 'Er is al een account met dit e-mailadres. Log eerst in en open de link daarna opnieuw.', en: 'An account with this e-mail address already exists. Log in first, then open the link again.' },
  login_wait: {
    nl: 'Er is een paar keer een verkeerd wachtwoord of een verkeerde code gebruikt voor dit account. Wacht {seconds} seconden en probeer het dan opnieuw.',
    en: 'A wrong password or code was used for this account several times. Wait {seconds} seconds and try again.',
  },
  mail_requests_too_many: {
    nl: 'U heeft al een paar keer een e-mail aangevraagd. Kijk in uw mail, ook bij ongewenste e-mail. Of probeer het over een kwartier opnieuw.',
    en: 'You have already asked for an e-mail several times. Check your mail, including the spam folder. Or try again in a quarter of an hour.',
  },
  name_and_password_needed: { nl: 'Vul uw naam en een wachtwoord in om een account te maken.', en: 'Fill in your name and a password to make an account.' },
  totp_already_enabled: { nl: 'Inloggen in twee stappen staat al aan.', en: 'Two-step login is already switched on.' },
  totp_code_used: { nl: 'Deze code is al gebruikt. Wacht op de volgende code in uw app en vul die in.', en: 'This code has already been used. Wait for the next code in your app and enter that one.' },
  totp_not_enabled: { nl: 'Inloggen in twee stappen staat niet aan.', en: 'Two-step login is not switched on.' },
  totp_required_for_role: { nl: 'Voor uw rol is inloggen in twee stappen verplicht. U kunt het niet uitzetten.', en: 'Your role requires two-step login. You cannot switch it off.' },
  totp_setup_not_started: { nl: 'Start eerst het instellen van inloggen in twee stappen.', en: 'First start setting up two-step login.' },
} as const satisfies Record<string, { nl: string; en: string }>;
