import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import { SensitiveEventsService } from '../access/sensitive-events.service';
import type { Viewer } from '../auth/viewer';
import { AppError, notFound } from '../common/errors/app-error';
import { isUniqueViolation } from '../database/postgres-errors';
import { CreateTopicDto, TopicDto, UpdateTopicDto } from './dto/topic.dto';

const TOPIC_SELECT = `SELECT id, code, name, archived, version FROM topics`;

/** What the audit log compares of a topic. */
const AUDITED = ['code', 'name', 'archived'] as const;

/** The social issues meetings address: a translated list the national secretariat manages. */
@Injectable()
export class TopicsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly events: SensitiveEventsService,
  ) {}

  async list(viewer: Viewer | null, includeArchived = false): Promise<TopicDto[]> {
    if (includeArchived) await this.access.require(viewer, 'topics.read-archived');
    return this.db.query(`${TOPIC_SELECT} WHERE $1 OR NOT archived ORDER BY name->>'en', code`, [includeArchived]);
  }

  async create(viewer: Viewer, input: CreateTopicDto): Promise<TopicDto> {
    try {
      return await this.db.transaction(async (manager) => {
        const [topic]: TopicDto[] = await manager.query(
          `INSERT INTO topics (code, name) VALUES ($1, $2) RETURNING id, code, name, archived, version`,
          [input.code, { kk: input.name.kk, ru: input.name.ru, en: input.name.en }],
        );
        await this.events.changeBetween(manager, { actor: viewer, action: 'topic.created', resource: 'topic', recordId: topic.id, before: null, after: topic, fields: AUDITED });
        return topic;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('CONFLICT', 'A topic with this code exists', { code: 'taken' });
      throw error;
    }
  }

  async update(viewer: Viewer, id: string, input: UpdateTopicDto): Promise<TopicDto> {
    return this.db.transaction(async (manager) => {
      const [before]: TopicDto[] = await manager.query(`${TOPIC_SELECT} WHERE id = $1 FOR UPDATE`, [id]);
      if (!before) throw notFound('Topic');
      if (before.version !== input.version) throw new AppError('TOPIC.STALE_VERSION', 'This topic changed meanwhile; reload and save again');
      const name = input.name && { kk: input.name.kk, ru: input.name.ru, en: input.name.en };
      const [[topic]]: [TopicDto[], number] = await manager.query(
        `UPDATE topics SET name = COALESCE($2, name), archived = COALESCE($3, archived), version = version + 1
          WHERE id = $1 RETURNING id, code, name, archived, version`,
        [id, name ?? null, input.archived ?? null],
      );
      const action = topic.archived === before.archived ? 'topic.updated' : topic.archived ? 'topic.archived' : 'topic.restored';
      await this.events.changeBetween(manager, { actor: viewer, action, resource: 'topic', recordId: id, before, after: topic, fields: AUDITED });
      return topic;
    });
  }
}
