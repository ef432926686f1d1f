/** The text with its first letter in upper case (advice written as a sentence). */
export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
