import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { NotificationAudience, NotificationKind } from '@dastarkhan/domain';

/** One pathway event to tell people about. */
export interface PathwayNotice {
  kind: NotificationKind;
  participationId: string;
  /** Who acted: never notified about their own step. */
  actorId: string;
  /** Who hears about it, resolved from the participation's club and community. */
  audiences: NotificationAudience[];
  /** Limits the `official` audience to these users (e.g. the official who raised a concern). */
  officialIds?: string[];
  /** Extra values for the message (reason code, dates). Never a community name: the service adds it per recipient. */
  params?: Record<string, string | null>;
}

/**
 * In-app notifications and the email outbox, written in the caller's transaction: a rolled-back
 * step tells no one.
 */
@Injectable()
export class NotificationsService {
  // Interface first, so the pathway modules can call it; recipients, privacy and the outbox land next.
  async notify(_manager: EntityManager, _notice: PathwayNotice): Promise<void> {}
}
