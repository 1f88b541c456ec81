/** Agreements and sign-offs due for review on the home page (issue 16; being built). */
export function ReviewsHomeCard() {
  return null;
}
