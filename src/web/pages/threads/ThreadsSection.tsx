import type { Circle } from '../../../common/circle-schemas.ts';

/** The circle section of message threads in a circle (issue 16; being built). */
export function ThreadsSection(_props: { circle: Circle }) {
  return null;
}
