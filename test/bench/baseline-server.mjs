// The bench's bare baseline: node:http + pg, no framework. For each endpoint it replays, on one
// pooled connection, the SQL statements the API was seen to run for the same request (captured by
// run.mjs from the API's SQL_TRACE_FILE), and answers the last statement's rows as JSON. What the
// API costs beyond this is the framework, validation, access decisions and shaping the answer.
// Usage: node baseline-server.mjs <replays.json>  (DATABASE_URL, PORT, DB_POOL_SIZE)
import { readFileSync } from 'node:fs';
import http from 'node:http';
import pg from 'pg';

const replays = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_SIZE ?? 10) });

const server = http.createServer(async (request, response) => {
  const statements = replays[decodeURIComponent(request.url.slice(1))];
  if (!statements) {
    response.writeHead(404).end();
    return;
  }
  const client = await pool.connect();
  try {
    let last = { rows: [] };
    for (const { query, parameters } of statements) last = await client.query(query, parameters);
    const body = JSON.stringify(last.rows);
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
  } catch (error) {
    response.writeHead(500).end(String(error));
  } finally {
    client.release();
  }
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('listening'));
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
