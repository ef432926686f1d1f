/** Today's date (YYYY-MM-DD); SOURCE_DATE_EPOCH (reproducible builds) fixes it, for byte-identical output. */
export function today(env: Readonly<Record<string, string | undefined>>): string {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  const date = Number.isFinite(epoch) && env.SOURCE_DATE_EPOCH ? new Date(epoch * 1000) : new Date();
  return date.toISOString().slice(0, 10);
}
