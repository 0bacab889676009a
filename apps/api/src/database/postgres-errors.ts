/** True for a unique-constraint violation (SQLSTATE 23505), optionally on one table. */
export function isUniqueViolation(error: unknown, table?: string): boolean {
  const driverError = (error as { driverError?: { code?: string; table?: string } })?.driverError ?? error;
  const { code, table: violated } = driverError as { code?: string; table?: string };
  return code === '23505' && (!table || violated === table);
}
