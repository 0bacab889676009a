/** True for a unique-constraint violation (SQLSTATE 23505), optionally on one table. */
export function isUniqueViolation(error: unknown, table?: string): boolean {
  const driverError = (error as { driverError?: { code?: string; table?: string } })?.driverError ?? error;
  const { code, table: violated } = driverError as { code?: string; table?: string };
  return code === '23505' && (!table || violated === table);
}

/**
 * True when the database could not be reached or dropped the connection (server down, restarting,
 * refusing connections, connect timeout): the request did not commit, so a 503 is the honest answer.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const driverError = ((error as { driverError?: unknown })?.driverError ?? error) as { code?: string; message?: string } | null;
  if (!driverError) return false;
  const { code = '', message = '' } = driverError;
  // 08: connection exceptions; 57P01-57P03: admin/crash shutdown, cannot connect now.
  if (/^08|^57P0[123]$/.test(code)) return true;
  if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH'].includes(code)) return true;
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is not established/i.test(message);
}
