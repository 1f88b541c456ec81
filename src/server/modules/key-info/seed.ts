import type { Faker } from '@faker-js/faker';
import type { Queryable } from '../../../db/types.ts';
import * as q from './queries.ts';

const DEMO_CAREGIVER_EMAIL = 'mantelzorger@demo.mantelkring.nl';
const DEMO_VOLUNTEER_EMAIL = 'vrijwilliger@demo.mantelkring.nl';

/**
 * Demo data of key contacts, medication and the emergency plan, inside the demo seed's
 * transaction (after circles): Gerrit de Vries's circle gets his GP, pharmacy and dementia
 * case manager, three medicines, and an emergency plan of three tasks that the volunteer
 * (Joost), his son and the neighbour take over when Anja drops out. Anja and Fatima (full
 * access) see it all; Joost (agenda level) does not.
 */
export async function seedKeyInfo(tx: Queryable, _faker: Faker, _ctx: { now: Date }): Promise<void> {
  const circle = await q.findCircleOfMainCaregiver(tx, DEMO_CAREGIVER_EMAIL);
  if (!circle || (await q.hasKeyInfo(tx, circle.client_id))) return;
  const base = { tenantKey: circle.tenant_key, clientId: circle.client_id, createdBy: circle.user_id };

  const contacts = [
    { kind: 'gp', name: 'Huisartsenpraktijk De Waard, dr. M. Bos', phone: '071 512 34 56', note: 'Spreekuur op afspraak; na 17.00 uur de huisartsenpost: 0900 513 80 39.' },
    { kind: 'pharmacy', name: 'Apotheek Leiden Noord', phone: '071 514 22 10', note: 'Levert de medicijnrol elke twee weken aan huis.' },
    { kind: 'case_manager', name: 'Ellen Vermeulen, casemanager dementie', phone: '06 21 43 65 87', note: 'Bereikbaar op maandag, dinsdag en donderdag.' },
  ] as const;
  for (const c of contacts) await q.insertContact(tx, { ...base, ...c });

  const medications = [
    { name: 'Galantamine', dose: '16 mg', when: "'s ochtends bij het ontbijt", note: 'Voor het geheugen. Niet op een lege maag.' },
    { name: 'Metoprolol', dose: '50 mg', when: "'s ochtends", note: 'Bloeddruk.' },
    { name: 'Paracetamol', dose: '500 mg', when: 'zo nodig, hoogstens 6 per dag', note: null },
  ];
  for (const m of medications) await q.insertMedication(tx, { ...base, ...m });

  const joost = await q.findMemberByEmail(tx, circle.client_id, DEMO_VOLUNTEER_EMAIL);
  const plan = [
    { task: 'Boodschappen doen en koken', takeoverMemberId: joost?.id ?? null, takeoverName: joost ? null : 'Joost Bakker (vrijwilliger)', note: 'Op dinsdag en vrijdag; boodschappenlijst hangt op de koelkast.' },
    { task: 'Medicijnen klaarzetten en controleren', takeoverMemberId: null, takeoverName: 'Piet de Vries (zoon), 06 12 34 56 78', note: 'De medicijnrol ligt in de keukenla.' },
    { task: 'Dagelijks even langsgaan', takeoverMemberId: null, takeoverName: 'Els Jansen (buurvrouw, nr. 14)', note: 'Heeft een reservesleutel.' },
  ];
  for (const p of plan) await q.insertEmergencyPlanRow(tx, { ...base, ...p });
}
