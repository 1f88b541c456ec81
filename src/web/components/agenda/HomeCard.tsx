/** The next 7 days of the agenda on the home page (issue 16; being built). */
export function AgendaHomeCard() {
  return null;
}
