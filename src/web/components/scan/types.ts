/** Shapes of the MantelScan and caseload API answers, as the web app uses them. */

export interface SnapshotMember {
  id: string;
  name: string;
  kind: string;
  closeness: string;
  tie: string;
  hoursPerWeek: number | null;
  helpKinds: string[];
  relationshipCode: string | null;
}

export interface Agreement {
  text: string;
  owner: string | null;
  due: string | null;
}

export interface Scan {
  id: string;
  status: 'draft' | 'completed';
  step: string;
  caregiverMemberId: string | null;
  caregiverName: string | null;
  conductedBy: string | null;
  organisation: string | null;
  answers: Record<string, string>;
  advice: string | null;
  agreements: Agreement[];
  snapshot: SnapshotMember[] | null;
  startedAt: string;
  completedAt: string | null;
}

export interface ScanQuestions {
  steps: string[];
  questions: { id: string; nl: string; en: string }[];
}

export interface ScanComparison {
  before: Scan;
  after: Scan;
  joined: SnapshotMember[];
  left: SnapshotMember[];
  changed: { id: string; name: string; changes: { field: string; from: unknown; to: unknown }[] }[];
  hours: { before: number; after: number; change: number };
  caregiverHours: { before: number | null; after: number | null };
}

export interface CaseloadItem {
  clientId: string;
  givenName: string;
  familyName: string;
  birthDate: string | null;
  municipalityName: string;
  memberCount: number;
  indicators: {
    caregiverRegistered: boolean;
    mainCaregiver: string | null;
    mapMade: boolean;
    lastScanAt: string | null;
    daysSinceContact: number | null;
  };
}

export interface ContactItem {
  id: string;
  kind: string;
  note: string | null;
  occurredAt: string;
  member: string | null;
  professional: string | null;
  organisation: string | null;
}

/** The steps of a MantelScan, in order (the API sends the same list). */
export const SCAN_STEP_ORDER = ['genogram', 'situation', 'burden', 'ecomap', 'advice'] as const;
export type ScanStepKey = (typeof SCAN_STEP_ORDER)[number];
export const isScanStep = (value: string): value is ScanStepKey => (SCAN_STEP_ORDER as readonly string[]).includes(value);
