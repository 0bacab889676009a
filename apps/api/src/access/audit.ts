/** One field's old → new value in the audit log (null: absent). */
export interface FieldChange {
  from: unknown;
  to: unknown;
}

/** What an audit row shows in place of a protected value (contacts, leaders, statements, people's names). */
export const MASKED = '[masked]';

/** A protected value worth hiding: an empty one says only that there is nothing (e.g. after an erasure). */
const hidden = (value: unknown) => value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);

/**
 * The fields that differ between two states of a record, with their old and new values; `masked`
 * fields are written as MASKED at write time (docs/domain.md, P8), so an erasure never has to
 * rewrite the log. `before` null: the record was created; `after` null: it was deleted.
 */
export function changesOf(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  masked: readonly string[] = [],
): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const field of Object.keys(after ?? before ?? {})) {
    const old = before?.[field] ?? null;
    const value = after?.[field] ?? null;
    if (JSON.stringify(old) === JSON.stringify(value)) continue;
    const hide = masked.includes(field);
    changes[field] = { from: hide && hidden(old) ? MASKED : old, to: hide && hidden(value) ? MASKED : value };
  }
  return changes;
}

/** The audited fields of a record's state (ids, versions and timestamps are not changes); null stays null. */
export function auditedFields<T extends object>(row: T | null | undefined, fields: readonly (keyof T & string)[]): Record<string, unknown> | null {
  return row ? Object.fromEntries(fields.map((field) => [field, row[field]])) : null;
}
