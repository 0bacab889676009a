import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { notFound } from '../common/errors/app-error';
import { CityDto } from './dto/city.dto';

const CITY_SELECT = `
  SELECT c.id, c.slug, c.name, c.region_code AS "regionCode", c.region,
         (SELECT count(*)::int FROM clubs WHERE city_id = c.id) AS "clubCount"
    FROM cities c`;

@Injectable()
export class CitiesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  list(): Promise<CityDto[]> {
    return this.db.query(`${CITY_SELECT} ORDER BY c.name->>'en'`);
  }

  async get(id: string): Promise<CityDto> {
    const [city] = await this.db.query(`${CITY_SELECT} WHERE c.id = $1`, [id]);
    if (!city) throw notFound('City');
    return city;
  }
}
