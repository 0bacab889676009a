import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SensitiveEventsService } from '../access/sensitive-events.service';
import { observanceSpanDays } from '@dastarkhan/domain';
import { AppError, notFound } from '../common/errors/app-error';
import { ValidationFailed } from '../common/validation';
import { isUniqueViolation } from '../database/postgres-errors';
import type { Viewer } from '../auth/viewer';
import { CreateWeeklyObservanceDto, UpdateWeeklyObservanceDto, WeeklyObservanceDto } from './dto/observance.dto';
import { InterfaithRecheckService } from './interfaith-recheck.service';
import { OBSERVANCE_COLUMNS, weeklyObservances } from './interfaith-tables';

/** What the audit log compares of a weekly observance. */
const AUDITED = ['code', 'tradition', 'weekday', 'startTime', 'endWeekday', 'endTime', 'name'] as const;

const plainName = (name: { kk: string; ru: string; en: string }) => ({ kk: name.kk, ru: name.ru, en: name.en });

/** The weekly observances administrators keep; every change re-checks the upcoming meetings. */
@Injectable()
export class ObservancesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly recheck: InterfaithRecheckService,
    private readonly events: SensitiveEventsService,
  ) {}

  list(): Promise<WeeklyObservanceDto[]> {
    return weeklyObservances(this.db.manager);
  }

  create(viewer: Viewer, input: CreateWeeklyObservanceDto): Promise<WeeklyObservanceDto> {
    assertWindow(input);
    return this.unique(() =>
      this.recheck.around(viewer, async (manager) => {
        const [row]: WeeklyObservanceDto[] = await manager.query(
          `INSERT INTO weekly_observances (code, tradition, weekday, start_time, end_weekday, end_time, name)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${OBSERVANCE_COLUMNS}`,
          [input.code, input.tradition, input.weekday, input.startTime, input.endWeekday, input.endTime, plainName(input.name)],
        );
        await this.audit(manager, viewer, 'observance.created', row.id, null, row);
        return row;
      }),
    );
  }

  update(viewer: Viewer, id: string, input: UpdateWeeklyObservanceDto): Promise<WeeklyObservanceDto> {
    return this.unique(() =>
      this.recheck.around(viewer, async (manager) => {
        const [current]: WeeklyObservanceDto[] = await manager.query(`SELECT ${OBSERVANCE_COLUMNS} FROM weekly_observances WHERE id = $1 FOR UPDATE`, [id]);
        if (!current) throw notFound('Weekly observance');
        if (current.version !== input.version) {
          throw new AppError('OBSERVANCE.STALE_VERSION', 'This observance changed meanwhile; reload and save again');
        }
        const next = { ...current, ...definedOnly(input) };
        assertWindow(next);
        const [[row]]: [WeeklyObservanceDto[], number] = await manager.query(
          `UPDATE weekly_observances
              SET code = $2, tradition = $3, weekday = $4, start_time = $5, end_weekday = $6, end_time = $7, name = $8, version = version + 1
            WHERE id = $1 RETURNING ${OBSERVANCE_COLUMNS}`,
          [id, next.code, next.tradition, next.weekday, next.startTime, next.endWeekday, next.endTime, plainName(next.name)],
        );
        await this.audit(manager, viewer, 'observance.updated', id, current, row);
        return row;
      }),
    );
  }

  remove(viewer: Viewer, id: string): Promise<void> {
    return this.recheck.around(viewer, async (manager) => {
      const [[before]]: [WeeklyObservanceDto[], number] = await manager.query(`DELETE FROM weekly_observances WHERE id = $1 RETURNING ${OBSERVANCE_COLUMNS}`, [id]);
      if (!before) throw notFound('Weekly observance');
      await this.audit(manager, viewer, 'observance.deleted', id, before, null);
    });
  }

  private audit(
    manager: EntityManager,
    viewer: Viewer,
    action: string,
    id: string,
    before: WeeklyObservanceDto | null,
    after: WeeklyObservanceDto | null,
  ): Promise<void> {
    return this.events.changeBetween(manager, { actor: viewer, action, resource: 'weekly-observance', recordId: id, before, after, fields: AUDITED });
  }

  private async unique<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppError('CONFLICT', 'This tradition already has an observance with that code', { code: 'taken' });
      }
      throw error;
    }
  }
}

function definedOnly<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** It must end after it starts, within the same week. */
function assertWindow(window: { weekday: number; startTime: string; endWeekday: number; endTime: string }): void {
  if (observanceSpanDays(window) === null) throw new ValidationFailed({ endTime: 'the observance must end after it starts' });
}
