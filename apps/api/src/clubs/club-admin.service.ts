import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { changesOf } from '../access/audit';
import { SensitiveEventsService } from '../access/sensitive-events.service';
import type { Viewer } from '../auth/viewer';
import type { LocalizedText } from '../common/localized-text';
import { AppError, notFound } from '../common/errors/app-error';
import { ArchiveClubDto, RestoreClubDto, SaveClubDto, UpdateClubDto } from './dto/club.dto';

interface ClubState {
  cityId: string;
  names: LocalizedText;
  descriptions: LocalizedText;
  meetingPlace: string;
  archived: boolean;
  version: number;
}

const plain = (text: LocalizedText): LocalizedText => ({ kk: text.kk, ru: text.ru, en: text.en });
const audited = (club: Pick<ClubState, 'cityId' | 'names' | 'descriptions' | 'meetingPlace'>) => ({
  cityId: club.cityId,
  names: plain(club.names),
  descriptions: plain(club.descriptions),
  meetingPlace: club.meetingPlace,
});

/**
 * The secretariat opens, edits and archives clubs (the access module lets only the administrator,
 * and refuses edits of an archived club). `name`/`description` keep the English text that lists and
 * reports print; every change is on the audit log in its own transaction.
 */
@Injectable()
export class ClubAdminService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: SensitiveEventsService,
  ) {}

  private async state(manager: EntityManager, clubId: string): Promise<ClubState> {
    const [club]: ClubState[] = await manager.query(
      `SELECT city_id AS "cityId", COALESCE(names, jsonb_build_object('kk', name, 'ru', name, 'en', name)) AS names,
              COALESCE(descriptions, jsonb_build_object('kk', description, 'ru', description, 'en', description)) AS descriptions,
              meeting_place AS "meetingPlace", archived_at IS NOT NULL AS archived, version
         FROM clubs WHERE id = $1 FOR UPDATE`,
      [clubId],
    );
    if (!club) throw notFound('Club');
    return club;
  }

  private async assertCity(manager: EntityManager, cityId: string): Promise<void> {
    const [city] = await manager.query(`SELECT 1 FROM cities WHERE id = $1`, [cityId]);
    if (!city) throw new AppError('NOT_FOUND', 'City not found', { cityId: 'no such city' });
  }

  async create(viewer: Viewer, input: SaveClubDto): Promise<string> {
    return this.db.transaction(async (manager) => {
      await this.assertCity(manager, input.cityId);
      const [{ id }] = await manager.query(
        `INSERT INTO clubs (name, description, names, descriptions, meeting_place, city_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [input.names.en, input.descriptions.en, plain(input.names), plain(input.descriptions), input.meetingPlace, input.cityId],
      );
      await this.events.change(manager, {
        actor: viewer,
        action: 'club.created',
        resource: 'club',
        recordId: id,
        clubId: id,
        changes: changesOf(null, audited(input)),
      });
      return id;
    });
  }

  async update(viewer: Viewer, clubId: string, input: UpdateClubDto): Promise<void> {
    await this.db.transaction(async (manager) => {
      const before = await this.state(manager, clubId);
      if (before.version !== input.version) throw stale();
      await this.assertCity(manager, input.cityId);
      await manager.query(
        `UPDATE clubs SET name = $2, description = $3, names = $4, descriptions = $5, meeting_place = $6, city_id = $7, version = version + 1
          WHERE id = $1`,
        [clubId, input.names.en, input.descriptions.en, plain(input.names), plain(input.descriptions), input.meetingPlace, input.cityId],
      );
      await this.events.change(manager, { actor: viewer, action: 'club.updated', resource: 'club', recordId: clubId, clubId, changes: changesOf(audited(before), audited(input)) });
    });
  }

  /** Closes the club: its records stay, read-only, until it is restored. */
  async archive(viewer: Viewer, clubId: string, input: ArchiveClubDto): Promise<void> {
    await this.db.transaction(async (manager) => {
      const before = await this.state(manager, clubId);
      if (before.version !== input.version) throw stale();
      if (before.archived) throw new AppError('CLUB.ARCHIVED', 'This club is archived already');
      await manager.query(`UPDATE clubs SET archived_at = now(), archive_reason = $2, version = version + 1 WHERE id = $1`, [clubId, input.reason]);
      await this.events.change(manager, { actor: viewer, action: 'club.archived', resource: 'club', recordId: clubId, clubId, details: { reason: input.reason } });
    });
  }

  async restore(viewer: Viewer, clubId: string, input: RestoreClubDto): Promise<void> {
    await this.db.transaction(async (manager) => {
      const before = await this.state(manager, clubId);
      if (before.version !== input.version) throw stale();
      if (!before.archived) throw new AppError('CONFLICT', 'This club is not archived');
      await manager.query(`UPDATE clubs SET archived_at = NULL, archive_reason = NULL, version = version + 1 WHERE id = $1`, [clubId]);
      await this.events.change(manager, { actor: viewer, action: 'club.restored', resource: 'club', recordId: clubId, clubId });
    });
  }
}

const stale = () => new AppError('CLUB.STALE_VERSION', 'This club changed meanwhile; reload and save again');
