import type { MembershipRole } from '../../common/codes.ts';
import type { Db } from '../../db/types.ts';
import type { Config } from '../config.ts';
import type { Mailer } from './mail.ts';

/** Membership of the acting user in an organisation. */
export interface ActorMembership {
  organisationId: string;
  organisationKind: string;
  organisationName: string;
  role: MembershipRole;
  municipalityCode: string | null;
}

/** The authenticated user behind a request, as the policy modules see them. */
export interface Actor {
  userId: string;
  email: string;
  displayName: string;
  isPlatformAdmin: boolean;
  personas: string[];
  /** The language the user chose for mail and pages. */
  locale: 'nl' | 'en';
  municipalityCode: string | null;
  memberships: ActorMembership[];
  sessionId: string;
  /** The session passed a second factor. */
  mfaVerified: boolean;
  /** The user's roles demand a second factor. */
  mfaRequired: boolean;
  totpEnabled: boolean;
}

/** Where a request came from: the NEN 7513 access point and source system. */
export interface Origin {
  ip: string | null;
  sourceSystem: 'web' | 'api' | 'fhir' | 'cli' | 'job';
  userAgent?: string | null;
}

/** What every use case receives besides its input: the app's services. */
export interface Services {
  db: Db;
  config: Config;
  mailer: Mailer;
  /** The clock; injectable so tests can move time. */
  now: () => Date;
}
