import { AsyncLocalStorage } from 'node:async_hooks';
import { appendFileSync } from 'node:fs';
import type { Logger as TypeOrmLogger } from 'typeorm';

/** The id of the request a statement runs for (opened in app.ts when SQL_TRACE_FILE is set). */
export const tracedRequests = new AsyncLocalStorage<string>();

/**
 * Writes every SQL statement the ORM sends, with its parameters and the id of the request it ran
 * for, as one JSON line (SQL_TRACE_FILE). The bench (test/bench/run.mjs) reads it to count the
 * statements per request and to replay them on its bare node:http + pg baseline. Off by default:
 * a production log must not hold parameters.
 */
export class SqlTraceLogger implements TypeOrmLogger {
  constructor(private readonly file: string) {}

  logQuery(query: string, parameters?: unknown[]): void {
    const request = tracedRequests.getStore();
    // Statements outside a request (migrations, the outbox worker) are not the request's cost.
    if (request) appendFileSync(this.file, `${JSON.stringify({ request, query, parameters: parameters ?? [] })}\n`);
  }

  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
