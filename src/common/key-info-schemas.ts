import { z } from 'zod';

/** Key information of a client's circle (issue 16 part 6): key contacts, medication and the emergency plan. */

export const KEY_CONTACT_KINDS = ['gp', 'pharmacy', 'case_manager', 'other'] as const;
export const KeyContactKind = z.enum(KEY_CONTACT_KINDS, { message: 'key_contact_kind_invalid' });
export type KeyContactKind = z.infer<typeof KeyContactKind>;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: 'key_info_text_too_long' })
    .nullish()
    .transform((v) => (v ? v : null));

export const KeyContactInput = z.strictObject({
  kind: KeyContactKind,
  name: z.string().trim().min(1, { message: 'key_info_name_missing' }).max(200, { message: 'key_info_text_too_long' }),
  phone: z
    .string()
    .trim()
    .max(40, { message: 'key_info_phone_invalid' })
    .regex(/^[0-9+()\-. ]*$/, { message: 'key_info_phone_invalid' })
    .nullish()
    .transform((v) => (v ? v : null)),
  note: optionalText(1000),
});
export type KeyContactInput = z.input<typeof KeyContactInput>;

export const MedicationInput = z.strictObject({
  name: z.string().trim().min(1, { message: 'key_info_name_missing' }).max(200, { message: 'key_info_text_too_long' }),
  dose: optionalText(200),
  when: optionalText(200),
  note: optionalText(1000),
});
export type MedicationInput = z.input<typeof MedicationInput>;

export const EmergencyPlanInput = z.strictObject({
  task: z.string().trim().min(1, { message: 'key_info_task_missing' }).max(300, { message: 'key_info_text_too_long' }),
  /** A member of the circle who takes over; or else `takeoverName` in free text. */
  takeoverMemberId: z.uuid({ message: 'invalid_id' }).nullish(),
  takeoverName: optionalText(200),
  note: optionalText(1000),
});
export type EmergencyPlanInput = z.input<typeof EmergencyPlanInput>;

export const KeyContactSchema = z.object({ id: z.string(), kind: KeyContactKind, name: z.string(), phone: z.string().nullable(), note: z.string().nullable() });
export type KeyContact = z.infer<typeof KeyContactSchema>;

export const MedicationSchema = z.object({ id: z.string(), name: z.string(), dose: z.string().nullable(), when: z.string().nullable(), note: z.string().nullable() });
export type Medication = z.infer<typeof MedicationSchema>;

export const EmergencyPlanRowSchema = z.object({
  id: z.string(),
  task: z.string(),
  takeover: z.object({ memberId: z.string().nullable(), name: z.string().nullable() }),
  note: z.string().nullable(),
});
export type EmergencyPlanRow = z.infer<typeof EmergencyPlanRowSchema>;

export const KeyInfoSchema = z.object({ contacts: z.array(KeyContactSchema), medications: z.array(MedicationSchema), emergencyPlan: z.array(EmergencyPlanRowSchema) });
export type KeyInfo = z.infer<typeof KeyInfoSchema>;
