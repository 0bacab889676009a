import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { changesOf } from '../access/audit';
import { SensitiveEventsService } from '../access/sensitive-events.service';
import type { Viewer } from '../auth/viewer';
import { AppError, notFound } from '../common/errors/app-error';
import { isUniqueViolation } from '../database/postgres-errors';
import { CityDto, SaveCityDto, UpdateCityDto } from './dto/city.dto';

const CITY_SELECT = `
  SELECT c.id, c.slug, c.name, c.region_code AS "regionCode", c.region, c.version,
         (SELECT count(*)::int FROM clubs WHERE city_id = c.id) AS "clubCount"
    FROM cities c`;

const plain = (text: { kk: string; ru: string; en: string }) => ({ kk: text.kk, ru: text.ru, en: text.en });

/** The fields of a city the audit log compares. */
const audited = (city: Pick<CityDto, 'slug' | 'name' | 'regionCode' | 'region'>) => ({
  slug: city.slug,
  name: city.name,
  regionCode: city.regionCode,
  region: city.region,
});

@Injectable()
export class CitiesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: SensitiveEventsService,
  ) {}

  list(): Promise<CityDto[]> {
    return this.db.query(`${CITY_SELECT} ORDER BY c.name->>'en'`);
  }

  async get(id: string, manager: EntityManager = this.db.manager): Promise<CityDto> {
    const [city] = await manager.query(`${CITY_SELECT} WHERE c.id = $1`, [id]);
    if (!city) throw notFound('City');
    return city;
  }

  /** A new city (the secretariat opens a club in it next). */
  async create(viewer: Viewer, input: SaveCityDto): Promise<CityDto> {
    return this.uniqueSlug(() =>
      this.db.transaction(async (manager) => {
        const [{ id }] = await manager.query(`INSERT INTO cities (slug, name, region_code, region) VALUES ($1, $2, $3, $4) RETURNING id`, [
          input.slug,
          plain(input.name),
          input.regionCode,
          plain(input.region),
        ]);
        const city = await this.get(id, manager);
        await this.events.change(manager, { actor: viewer, action: 'city.created', resource: 'city', recordId: id, changes: changesOf(null, audited(city)) });
        return city;
      }),
    );
  }

  /** Saves every field at once; 409 when the city changed since the caller read it. */
  async update(viewer: Viewer, id: string, input: UpdateCityDto): Promise<CityDto> {
    return this.uniqueSlug(() =>
      this.db.transaction(async (manager) => {
        const before = await this.get(id, manager);
        const [, updated]: [unknown, number] = await manager.query(
          `UPDATE cities SET slug = $2, name = $3, region_code = $4, region = $5, version = version + 1 WHERE id = $1 AND version = $6`,
          [id, input.slug, plain(input.name), input.regionCode, plain(input.region), input.version],
        );
        if (!updated) throw new AppError('CITY.STALE_VERSION', 'This city changed meanwhile; reload and save again');
        const city = await this.get(id, manager);
        await this.events.change(manager, { actor: viewer, action: 'city.updated', resource: 'city', recordId: id, changes: changesOf(audited(before), audited(city)) });
        return city;
      }),
    );
  }

  private async uniqueSlug<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error, 'cities')) throw new AppError('CITY.SLUG_TAKEN', 'Another city has this address', { slug: 'taken' });
      throw error;
    }
  }
}
