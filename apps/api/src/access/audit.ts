/** One field's old → new value in the audit log (null: absent). */
export interface FieldChange {
  from: unknown;
  to: unknown;
}

/** What an audit row shows in place of a protected value (contacts, leaders, statements, people's names). */
export const MASKED = '[masked]';

/**
 * The fields that differ between two states of a record, with their old and new values; `masked`
 * fields are written as MASKED at write time (docs/domain.md, P8), so an erasure never has to
 * rewrite the log. `before` null: the record was created.
 */
export function changesOf(
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
  masked: readonly string[] = [],
): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const [field, value] of Object.entries(after)) {
    const old = before?.[field] ?? null;
    if (JSON.stringify(old) === JSON.stringify(value ?? null)) continue;
    const hide = masked.includes(field);
    changes[field] = { from: hide && old !== null ? MASKED : old, to: hide && value != null ? MASKED : (value ?? null) };
  }
  return changes;
}
