/** One logbook entry with its attachments (issue 16; being built). */
export default function LogbookEntryPage() {
  return null;
}
