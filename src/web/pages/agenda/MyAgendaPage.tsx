/** The user's agenda over all circles, with the iCalendar feed (issue 16; being built). */
export default function MyAgendaPage() {
  return null;
}
