import { describe, expect, it } from 'vitest';
import { burdenPolicy, type CheckAccess } from '../../platform/policy/burden.ts';

/**
 * The draft-ownership rule on its own (issue 14 item 8). Over HTTP a draft of someone else
 * is already hidden by visibleTo (404), so only this test notices when the ownership branch
 * of assertOwnDraft goes.
 */
describe('burdenPolicy.assertOwnDraft', () => {
  const self: CheckAccess = { mode: 'self', organisationId: null };
  const homeCare: CheckAccess = { mode: 'professional', organisationId: 'org-home-care' };
  const other: CheckAccess = { mode: 'professional', organisationId: 'org-other' };
  const draft = (mode: 'self' | 'professional', organisationId: string | null) => ({ status: 'in_progress' as const, mode, organisationId });

  it('lets the one who started a draft continue it', () => {
    expect(() => burdenPolicy.assertOwnDraft(self, draft('self', null))).not.toThrow();
    expect(() => burdenPolicy.assertOwnDraft(homeCare, draft('professional', 'org-home-care'))).not.toThrow();
  });

  it('refuses a draft started by someone else with 403 check_not_yours', () => {
    for (const [access, d] of [
      [self, draft('professional', 'org-home-care')],
      [homeCare, draft('self', null)],
      [other, draft('professional', 'org-home-care')],
    ] as const) {
      expect(() => burdenPolicy.assertOwnDraft(access, d)).toThrow(expect.objectContaining({ code: 'forbidden', detail: 'check_not_yours' }));
    }
  });

  it('refuses a completed check with 409', () => {
    expect(() => burdenPolicy.assertOwnDraft(self, { status: 'completed', mode: 'self', organisationId: null })).toThrow(expect.objectContaining({ code: 'conflict' }));
  });
});
