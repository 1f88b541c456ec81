/** One agreement of a circle (issue 16; being built). */
export default function AgreementPage() {
  return null;
}
