/** English texts of the web app (plain English), per feature like the Dutch ones in `nl.ts`. */
import type { Dict } from './nl.ts';
import { enCommon } from './common/en.ts';
import { enAuth } from './auth/en.ts';
import { enOrganisations } from './organisations/en.ts';
import { enAdmin } from './admin/en.ts';
import { enCircle } from './circle/en.ts';
import { enCaseload } from './caseload/en.ts';
import { enScan } from './scan/en.ts';
import { enBurden } from './burden/en.ts';
import { enThreads } from './threads/en.ts';
import { enNotifications } from './notifications/en.ts';
import { enLogbook } from './logbook/en.ts';
import { enKeyInfo } from './key-info/en.ts';
import { enAttachments } from './attachments/en.ts';

/** The English texts per feature: the same features as `nlFeatures`. */
export const enFeatures = {
  common: enCommon,
  auth: enAuth,
  organisations: enOrganisations,
  admin: enAdmin,
  circle: enCircle,
  caseload: enCaseload,
  scan: enScan,
  burden: enBurden,
  threads: enThreads,
  notifications: enNotifications,
  logbook: enLogbook,
  keyInfo: enKeyInfo,
  attachments: enAttachments,
};

export const en: Dict = { ...enCommon, ...enAuth, ...enOrganisations, ...enAdmin, ...enCircle, ...enCaseload, ...enScan, ...enBurden, ...enThreads, ...enNotifications, ...enLogbook, ...enKeyInfo, ...enAttachments };
