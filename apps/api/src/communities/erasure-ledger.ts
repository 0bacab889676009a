import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface ErasureEntry {
  communityId: string;
  erasedAt: string;
}

/**
 * The erased communities' ids, one JSON line each, in a file OUTSIDE the database (ERASURE_LEDGER):
 * a backup taken before an erasure still holds the erased data, so a restore re-applies every
 * erasure this file lists since the backup (apps/api/src/database/backup.ts). Replicas share the
 * file (a shared volume); appends of one short line are atomic. It holds ids and times, no names.
 */
export class ErasureLedger {
  constructor(readonly file: string) {}

  /** Written inside the erasure's transaction: if the file cannot be written, the erasure fails too. */
  note(communityId: string, erasedAt = new Date()): void {
    mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    appendFileSync(this.file, `${JSON.stringify({ communityId, erasedAt: erasedAt.toISOString() })}\n`, { mode: 0o600 });
  }

  /** The erasures made at or after `since` (all of them without it). */
  since(since?: Date): ErasureEntry[] {
    let text = '';
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return [];
      throw error;
    }
    return text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as ErasureEntry)
      .filter((entry) => !since || new Date(entry.erasedAt) >= since);
  }
}
