import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { Viewer } from '../auth/viewer';
import { AppError, notFound } from '../common/errors/app-error';
import { isUniqueViolation } from '../database/postgres-errors';
import { CreateTopicDto, TopicDto, UpdateTopicDto } from './dto/topic.dto';

const TOPIC_SELECT = `SELECT id, code, name, archived, version FROM topics`;

/** The social issues meetings address: a translated list the national secretariat manages. */
@Injectable()
export class TopicsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
  ) {}

  async list(viewer: Viewer | null, includeArchived = false): Promise<TopicDto[]> {
    if (includeArchived) await this.access.require(viewer, 'topics.read-archived');
    return this.db.query(`${TOPIC_SELECT} WHERE $1 OR NOT archived ORDER BY name->>'en', code`, [includeArchived]);
  }

  async create(input: CreateTopicDto): Promise<TopicDto> {
    try {
      const [topic]: TopicDto[] = await this.db.query(
        `INSERT INTO topics (code, name) VALUES ($1, $2) RETURNING id, code, name, archived, version`,
        [input.code, { kk: input.name.kk, ru: input.name.ru, en: input.name.en }],
      );
      return topic;
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('CONFLICT', 'A topic with this code exists', { code: 'taken' });
      throw error;
    }
  }

  async update(id: string, input: UpdateTopicDto): Promise<TopicDto> {
    const name = input.name && { kk: input.name.kk, ru: input.name.ru, en: input.name.en };
    const [rows]: [TopicDto[], number] = await this.db.query(
      `UPDATE topics SET name = COALESCE($2, name), archived = COALESCE($3, archived), version = version + 1
        WHERE id = $1 AND version = $4
       RETURNING id, code, name, archived, version`,
      [id, name ?? null, input.archived ?? null, input.version],
    );
    if (rows?.[0]) return rows[0];
    const [exists] = await this.db.query(`SELECT 1 FROM topics WHERE id = $1`, [id]);
    if (!exists) throw notFound('Topic');
    throw new AppError('TOPIC.STALE_VERSION', 'This topic changed meanwhile; reload and save again');
  }
}
