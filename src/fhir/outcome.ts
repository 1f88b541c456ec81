import type { OperationOutcome, OperationOutcomeIssue } from './types.ts';

/**
 * OperationOutcome: how the FHIR API reports errors and warnings (instead of the problem+json
 * of /api). Issue codes from http://hl7.org/fhir/R4/valueset-issue-type.html.
 */

/** The issue types we use (R4 IssueType). */
export type IssueCode = 'invalid' | 'structure' | 'required' | 'value' | 'invariant' | 'security' | 'login' | 'forbidden' | 'processing' | 'not-supported' | 'duplicate' | 'not-found' | 'conflict' | 'too-costly' | 'throttled' | 'exception' | 'informational' | 'code-invalid' | 'business-rule';

/** One issue; `expression` is a FHIRPath to the element, e.g. `Bundle.entry[1].resource.relationship[0]`. */
export function issue(severity: OperationOutcomeIssue['severity'], code: IssueCode, diagnostics: string, expression?: string): OperationOutcomeIssue {
  return { severity, code, diagnostics, ...(expression ? { expression: [expression] } : {}) };
}

/** An OperationOutcome with these issues (an informational OK when there are none). */
export function operationOutcome(issues: OperationOutcomeIssue[]): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: issues.length ? issues : [issue('information', 'informational', 'OK')] };
}

/** An error that leaves the FHIR API as this HTTP status with these issues. */
export class FhirError extends Error {
  readonly status: number;
  readonly issues: OperationOutcomeIssue[];

  constructor(status: number, issues: OperationOutcomeIssue[]) {
    super(issues.map((i) => i.diagnostics ?? i.code).join('; '));
    this.status = status;
    this.issues = issues;
  }
}

/** The issue type for our error codes (src/common/errors.ts), so an AppError becomes an OperationOutcome. */
export const ISSUE_FOR_ERROR_CODE: Record<string, IssueCode> = {
  validation_failed: 'invalid',
  malformed_json: 'structure',
  unsupported_media_type: 'not-supported',
  payload_too_large: 'too-costly',
  not_authenticated: 'login',
  mfa_setup_required: 'security',
  mfa_required: 'security',
  forbidden: 'forbidden',
  csrf_rejected: 'security',
  not_found: 'not-found',
  method_not_allowed: 'not-supported',
  conflict: 'conflict',
  too_many_attempts: 'throttled',
  internal: 'exception',
  unavailable: 'exception',
};
