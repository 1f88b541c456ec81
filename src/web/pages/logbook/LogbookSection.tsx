import type { Circle } from '../../../common/circle-schemas.ts';

/** The circle section of the logbook (dagboek) and attachments (issue 16; being built). */
export function LogbookSection(_props: { circle: Circle }) {
  return null;
}
