import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SensitiveEventsService } from '../access/sensitive-events.service';
import { AppError, notFound } from '../common/errors/app-error';
import { isUniqueViolation } from '../database/postgres-errors';
import type { Viewer } from '../auth/viewer';
import { CreateHolidayDto, HolidayDto, UpdateHolidayDto } from './dto/holiday.dto';
import { InterfaithRecheckService } from './interfaith-recheck.service';
import { HOLIDAY_SELECT } from './interfaith-tables';

const RETURNING = `RETURNING id, code, tradition, date::text AS date, days, name, version`;

/** What the audit log compares of a holiday. */
const AUDITED = ['code', 'tradition', 'date', 'days', 'name'] as const;

const plainName = (name: { kk: string; ru: string; en: string }) => ({ kk: name.kk, ru: name.ru, en: name.en });

/**
 * Religious and national holidays that meeting planning warns about; administrators keep the dates
 * right, and every change re-checks the upcoming meetings.
 */
@Injectable()
export class HolidaysService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly recheck: InterfaithRecheckService,
    private readonly events: SensitiveEventsService,
  ) {}

  list(year?: number): Promise<HolidayDto[]> {
    return this.db.query(
      `${HOLIDAY_SELECT}
        WHERE $1::int IS NULL OR (date < make_date($1, 12, 31) + 1 AND date + days > make_date($1, 1, 1))
        ORDER BY date, code, tradition NULLS FIRST`,
      [year ?? null],
    );
  }

  async create(viewer: Viewer, input: CreateHolidayDto): Promise<HolidayDto> {
    return this.unique(() => this.recheck.around(viewer, async (manager) => {
      const [holiday]: HolidayDto[] = await manager.query(
        `INSERT INTO holidays (code, tradition, date, days, name) VALUES ($1, $2, $3, $4, $5) ${RETURNING}`,
        [input.code, input.tradition ?? null, input.date, input.days ?? 1, plainName(input.name)],
      );
      await this.audit(manager, viewer, 'holiday.created', holiday.id, null, holiday);
      return holiday;
    }));
  }

  async update(viewer: Viewer, id: string, input: UpdateHolidayDto): Promise<HolidayDto> {
    return this.unique(() => this.recheck.around(viewer, async (manager) => {
      const [before]: HolidayDto[] = await manager.query(`${HOLIDAY_SELECT} WHERE id = $1 FOR UPDATE`, [id]);
      const [rows]: [HolidayDto[], number] = await manager.query(
        `UPDATE holidays
            SET code = COALESCE($2, code),
                tradition = CASE WHEN $3::boolean THEN $4 ELSE tradition END,
                date = COALESCE($5::date, date),
                days = COALESCE($6, days),
                name = COALESCE($7, name),
                version = version + 1
          WHERE id = $1 AND version = $8 ${RETURNING}`,
        [
          id,
          input.code ?? null,
          input.tradition !== undefined,
          input.tradition ?? null,
          input.date ?? null,
          input.days ?? null,
          input.name ? plainName(input.name) : null,
          input.version,
        ],
      );
      if (rows[0]) {
        await this.audit(manager, viewer, 'holiday.updated', id, before, rows[0]);
        return rows[0];
      }
      if (!before) throw notFound('Holiday');
      throw new AppError('HOLIDAY.STALE_VERSION', 'This holiday changed meanwhile; reload and save again');
    }));
  }

  async remove(viewer: Viewer, id: string): Promise<void> {
    return this.recheck.around(viewer, async (manager) => {
      const [[before]]: [HolidayDto[], number] = await manager.query(`DELETE FROM holidays WHERE id = $1 ${RETURNING}`, [id]);
      if (!before) throw notFound('Holiday');
      await this.audit(manager, viewer, 'holiday.deleted', id, before, null);
    });
  }

  private audit(manager: EntityManager, viewer: Viewer, action: string, id: string, before: HolidayDto | null, after: HolidayDto | null): Promise<void> {
    return this.events.changeBetween(manager, { actor: viewer, action, resource: 'holiday', recordId: id, before, after, fields: AUDITED });
  }

  private async unique<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppError('CONFLICT', 'This holiday is already on that date for that tradition', { code: 'taken' });
      }
      throw error;
    }
  }
}
