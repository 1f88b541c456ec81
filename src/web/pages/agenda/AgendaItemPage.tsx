/** One agenda item of a circle (issue 16; being built). */
export default function AgendaItemPage() {
  return null;
}
