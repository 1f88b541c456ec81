/** One message thread (issue 16; being built). */
export default function ThreadPage() {
  return null;
}
