import type { EntityManager } from 'typeorm';
import type { HolidayDto } from './dto/holiday.dto';
import type { WeeklyObservanceDto } from './dto/observance.dto';

// The tables meeting planning warns from, read by the warnings and kept by the administrators' services.

// `date` as text: node-pg would turn a DATE into a local-midnight Date and shift it by the server's zone.
export const HOLIDAY_SELECT = `SELECT id, code, tradition, date::text AS date, days, name, version FROM holidays`;

/** Holidays touching the local dates [from, to] (YYYY-MM-DD), for the planning warnings. */
export function holidaysBetween(manager: EntityManager, from: string, to: string): Promise<HolidayDto[]> {
  return manager.query(`${HOLIDAY_SELECT} WHERE date <= $2::date AND date + days > $1::date ORDER BY date, code`, [from, to]);
}

export const OBSERVANCE_COLUMNS = `id, code, tradition, weekday, to_char(start_time, 'HH24:MI') AS "startTime", end_weekday AS "endWeekday",
                 to_char(end_time, 'HH24:MI') AS "endTime", name, version`;

/** Every weekly observance, for the planning warnings and the administrator's list. */
export function weeklyObservances(manager: EntityManager): Promise<WeeklyObservanceDto[]> {
  return manager.query(`SELECT ${OBSERVANCE_COLUMNS} FROM weekly_observances ORDER BY tradition, weekday, start_time, code`);
}

