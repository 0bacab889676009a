import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Security events (ASVS V7): sign-ins and their failures, slow-downs, account changes, session ends, refusals. */
export const SECURITY_EVENT_KINDS = [
  'sign-in',
  'sign-in.failed',
  'throttled',
  'sign-out',
  'session.ended',
  'signup',
  'email.confirmed',
  'email.changed',
  'password.changed',
  'password.reset-requested',
  'password.reset',
  'second-factor.enabled',
  'second-factor.disabled',
  'second-factor.failed',
  'second-factor.recovery-used',
  'second-factor.recovery-codes-renewed',
  'reauthenticated',
  'reauthentication.failed',
  'access.denied',
] as const;
export type SecurityEventKind = (typeof SECURITY_EVENT_KINDS)[number];

/** What a sensitive event records (docs/domain.md, P8): protected reads, consent, claims, erasure, and security events. */
export const SENSITIVE_EVENT_KINDS = [
  'read',
  'consent.granted',
  'consent.revoked',
  'registration.claimed',
  'registration.verified',
  'registration.rejected',
  'erasure',
  /** A report or table exported (CSV): the filters and period in `details`, no community named. */
  'export',
  /** A change made through the API (the audit log): `resource` the kind of record, `details` the action and the fields' old → new values, masked. */
  'change',
  ...SECURITY_EVENT_KINDS,
] as const;
export type SensitiveEventKind = (typeof SENSITIVE_EVENT_KINDS)[number];

/**
 * The record of sensitive events: append-only (a trigger refuses UPDATE and DELETE), one row per
 * request or step. It names who acted, in which capacity, and which records (ids) — never the
 * protected values themselves, which are masked before they are written, so an erasure never has
 * to rewrite it.
 */
@Entity('sensitive_events')
@Index('sensitive_event_communities', ['communityIds'], { type: 'gin' })
@Index('sensitive_event_time', ['occurredAt'])
@Index('sensitive_event_actor', ['actorId', 'occurredAt'])
@Index('sensitive_event_record', ['recordId', 'occurredAt'])
@Index('sensitive_event_club', ['clubId', 'occurredAt'])
// One kind's events newest first (the security log's search by kind, the audit log's changes): migration 1796305900000.
@Index('sensitive_event_kind', ['kind', 'id'])
export class SensitiveEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;

  @Column({ type: 'text' })
  kind: SensitiveEventKind;

  /**
   * Who acted — for a security event, the account concerned (a failed sign-in names the account
   * tried, when it exists); null for the system or an unknown account. No foreign key: the record outlives anything.
   */
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

  /** The client address of the request (security events). */
  @Column({ type: 'text', nullable: true })
  address: string | null;

  /** The record a `change` changed (its kind is `resource`). */
  @Column({ type: 'uuid', nullable: true })
  recordId: string | null;

  /** The club the changed record belongs to, for the audit log's search by club. */
  @Column({ type: 'uuid', nullable: true })
  clubId: string | null;

  /** The session the change came from. */
  @Column({ type: 'uuid', nullable: true })
  sessionId: string | null;

  /** The HTTP request id, to tie an event to the request log. */
  @Column({ type: 'text', nullable: true })
  requestId: string | null;
}
