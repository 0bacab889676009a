import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** What a sensitive event records (docs/domain.md, P8); later issues add security events and the change audit. */
export type SensitiveEventKind =
  | 'read'
  | 'consent.granted'
  | 'consent.revoked'
  | 'registration.claimed'
  | 'registration.verified'
  | 'registration.rejected'
  | 'erasure';

/**
 * The record of sensitive events: append-only (a trigger refuses UPDATE and DELETE), one row per
 * request or step. It names who acted, in which capacity, and which records (ids) — never the
 * protected values themselves, which are masked before they are written, so an erasure never has
 * to rewrite it.
 */
@Entity('sensitive_events')
@Index('sensitive_event_communities', ['communityIds'], { type: 'gin' })
@Index('sensitive_event_time', ['occurredAt'])
export class SensitiveEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;

  @Column({ type: 'text' })
  kind: SensitiveEventKind;

  /** Who acted; null for the system (e.g. the data migration). No foreign key: the record outlives anything. */
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  /** The capacity the actor acted in: official, administrator, representative, coordinator. */
  @Column({ type: 'text', nullable: true })
  actorRole: string | null;

  /** The communities whose records the event concerns (a GIN index answers "who read ours?"). */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  communityIds: string[];

  /** What was read or changed, e.g. `community.profile`, `official.candidacies`, `community.consent`. */
  @Column({ type: 'text' })
  resource: string;

  /** Masked details: ids, field names, scopes — never names, contacts or statements. */
  @Column({ type: 'jsonb', default: {} })
  details: Record<string, unknown>;

  /** The HTTP request id, to tie an event to the request log. */
  @Column({ type: 'text', nullable: true })
  requestId: string | null;
}
