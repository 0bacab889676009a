import type { Pool } from 'pg';

export interface OutboxEmail {
  subject: string;
  body: string;
  kind: string;
}

/** The account emails sent to an address (newest first), as the outbox holds them. */
export async function emailsTo(db: Pool, to: string, kind?: string): Promise<OutboxEmail[]> {
  const { rows } = await db.query<OutboxEmail>(
    `SELECT subject, body, kind FROM email_outbox WHERE to_address = $1 AND ($2::text IS NULL OR kind = $2) ORDER BY created_at DESC, id DESC`,
    [to.toLowerCase(), kind ?? null],
  );
  return rows;
}

/** The secret of the newest emailed link of this kind (the part after `#`), as the web page reads it. */
export async function linkSecret(db: Pool, to: string, kind: string): Promise<string> {
  const [email] = await emailsTo(db, to, kind);
  const secret = email?.body.match(/#([\w-]{20,})/)?.[1];
  if (!secret) throw new Error(`no ${kind} link was emailed to ${to}`);
  return secret;
}
