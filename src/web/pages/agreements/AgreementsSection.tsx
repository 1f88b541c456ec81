import type { Circle } from '../../../common/circle-schemas.ts';

/** The circle section of agreements on who does what, task boundaries and reviews (issue 16; being built). */
export function AgreementsSection(_props: { circle: Circle }) {
  return null;
}
