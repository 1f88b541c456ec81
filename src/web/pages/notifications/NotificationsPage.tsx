/** The user's notifications (issue 16; being built). */
export default function NotificationsPage() {
  return null;
}
