/**
 * Shapes of the MantelScan and caseload API answers, as the web app uses them: `z.infer` of the
 * answer schemas the server validates with (src/common), so the two cannot drift.
 */
export type { Agreement, Scan, ScanComparison, ScanQuestions, SnapshotMember } from '../../../common/scan-schemas.ts';
export type { CaseloadItem, ContactItem } from '../../../common/caseload-schemas.ts';

/** The steps of a MantelScan, in order (the API sends the same list). */
export const SCAN_STEP_ORDER = ['genogram', 'situation', 'burden', 'ecomap', 'advice'] as const;
export type ScanStepKey = (typeof SCAN_STEP_ORDER)[number];
export const isScanStep = (value: string): value is ScanStepKey => (SCAN_STEP_ORDER as readonly string[]).includes(value);
