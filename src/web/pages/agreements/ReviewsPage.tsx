/** An organisation's agreements and sign-offs due for review (issue 16; being built). */
export default function ReviewsPage() {
  return null;
}
