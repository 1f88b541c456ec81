/**
 * Dutch texts of the web app (language level B1: short sentences, everyday words, "u").
 * Each feature has its own folder with `nl.ts` and `en.ts`; the English file of a feature has
 * exactly the same keys (its `Dictionary` type makes sure of that), and
 * `dictionaries.test.ts` checks that no key is in two features.
 */
import type { Dictionary } from './dictionary.ts';
import { nlCommon } from './common/nl.ts';
import { nlAuth } from './auth/nl.ts';
import { nlOrganisations } from './organisations/nl.ts';
import { nlAdmin } from './admin/nl.ts';
import { nlCircle } from './circle/nl.ts';
import { nlCaseload } from './caseload/nl.ts';
import { nlScan } from './scan/nl.ts';
import { nlBurden } from './burden/nl.ts';
import { nlThreads } from './threads/nl.ts';
import { nlNotifications } from './notifications/nl.ts';
import { nlLogbook } from './logbook/nl.ts';
import { nlKeyInfo } from './key-info/nl.ts';
import { nlAttachments } from './attachments/nl.ts';

/** The Dutch texts per feature. */
export const nlFeatures = {
  common: nlCommon,
  auth: nlAuth,
  organisations: nlOrganisations,
  admin: nlAdmin,
  circle: nlCircle,
  caseload: nlCaseload,
  scan: nlScan,
  burden: nlBurden,
  threads: nlThreads,
  notifications: nlNotifications,
  logbook: nlLogbook,
  keyInfo: nlKeyInfo,
  attachments: nlAttachments,
};

const dict = { ...nlCommon, ...nlAuth, ...nlOrganisations, ...nlAdmin, ...nlCircle, ...nlCaseload, ...nlScan, ...nlBurden, ...nlThreads, ...nlNotifications, ...nlLogbook, ...nlKeyInfo, ...nlAttachments };

/** The shape every language must fill in. */
export type Dict = Dictionary<typeof dict>;
export const nl: Dict = dict;
