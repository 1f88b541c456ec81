import type { KeyInfo } from '../../../common/key-info-schemas.ts';
import type { EmergencyPlanDbRow, KeyContactRow, MedicationRow } from './queries.ts';

/** The answer of GET /api/circles/:clientId/key-info. */
export function presentKeyInfo(r: { contacts: KeyContactRow[]; medications: MedicationRow[]; emergencyPlan: EmergencyPlanDbRow[] }): KeyInfo {
  return {
    contacts: r.contacts.map((c) => ({ id: c.id, kind: c.kind, name: c.name, phone: c.phone, note: c.note })),
    medications: r.medications.map((m) => ({ id: m.id, name: m.name, dose: m.dose, when: m.taken_when, note: m.note })),
    emergencyPlan: r.emergencyPlan.map((p) => ({
      id: p.id,
      task: p.task,
      // A member who has since been removed from the database leaves neither id nor name.
      takeover: { memberId: p.takeover_member_id, name: p.takeover_member_id ? p.member_name : p.takeover_name },
      note: p.note,
    })),
  };
}
