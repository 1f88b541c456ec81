import type { Circle } from '../../../common/circle-schemas.ts';

/** The circle section of key contacts, medication and the emergency plan (issue 16; being built). */
export function KeyInfoSection(_props: { circle: Circle }) {
  return null;
}
