import { MigrationInterface, QueryRunner } from 'typeorm';

type Name = { en: string; ru: string; kk: string };

// Weekly times a tradition keeps, as meeting planning warns of them (Almaty wall time, ISO weekdays
// 1 Monday … 7 Sunday). Generous windows covering the season's variation; administrators adjust them.
const OBSERVANCES: Array<[tradition: string, code: string, weekday: number, start: string, endWeekday: number, end: string, name: Name]> = [
  ['sunni_islam', 'friday_prayer', 5, '12:00', 5, '14:30', { en: "Friday prayer (Jumu'ah)", ru: 'Пятничная молитва (джума)', kk: 'Жұма намазы' }],
  // Shabbat begins at sunset: about 16:40 in December, 20:20 in June in Almaty; the window starts before the earliest.
  ['judaism', 'shabbat', 5, '16:00', 6, '21:30', { en: 'Shabbat (from Friday sunset)', ru: 'Шаббат (с заката в пятницу)', kk: 'Шаббат (жұма күні күн батқаннан)' }],
  ['russian_orthodox', 'sunday_liturgy', 7, '08:00', 7, '12:00', { en: 'Sunday Divine Liturgy', ru: 'Воскресная литургия', kk: 'Жексенбілік литургия' }],
  ['catholic', 'sunday_mass', 7, '09:00', 7, '13:00', { en: 'Sunday Mass', ru: 'Воскресная месса', kk: 'Жексенбілік месса' }],
  ['lutheran', 'sunday_worship', 7, '10:00', 7, '12:30', { en: 'Sunday worship', ru: 'Воскресное богослужение', kk: 'Жексенбілік ғибадат' }],
  ['evangelical_protestant', 'sunday_worship', 7, '10:00', 7, '13:00', { en: 'Sunday worship', ru: 'Воскресное богослужение', kk: 'Жексенбілік ғибадат' }],
  ['jehovahs_witnesses', 'weekend_meeting', 7, '10:00', 7, '12:00', { en: 'Weekend meeting', ru: 'Встреча выходного дня', kk: 'Демалыс күнгі жиналыс' }],
  ['hare_krishna', 'sunday_feast', 7, '16:00', 7, '19:00', { en: 'Sunday feast', ru: 'Воскресная программа', kk: 'Жексенбілік бағдарлама' }],
];

// Kazakhstan's public holidays (Labour Code, art. 84), national: they concern every community.
const NATIONAL: Array<[code: string, monthDay: string, days: number, name: Name]> = [
  ['new_year', '01-01', 2, { en: 'New Year', ru: 'Новый год', kk: 'Жаңа жыл' }],
  ['orthodox_christmas', '01-07', 1, { en: 'Orthodox Christmas', ru: 'Православное Рождество', kk: 'Православиелік Рождество' }],
  ['womens_day', '03-08', 1, { en: "International Women's Day", ru: 'Международный женский день', kk: 'Халықаралық әйелдер күні' }],
  ['nauryz', '03-21', 3, { en: 'Nauryz', ru: 'Наурыз', kk: 'Наурыз мейрамы' }],
  ['unity_day', '05-01', 1, { en: 'Day of Unity of the People of Kazakhstan', ru: 'Праздник единства народа Казахстана', kk: 'Қазақстан халқының бірлігі мерекесі' }],
  ['defenders_day', '05-07', 1, { en: "Defender of the Fatherland Day", ru: 'День защитника Отечества', kk: 'Отан қорғаушылар күні' }],
  ['victory_day', '05-09', 1, { en: 'Victory Day', ru: 'День Победы', kk: 'Жеңіс күні' }],
  ['capital_day', '07-06', 1, { en: 'Capital Day', ru: 'День столицы', kk: 'Астана күні' }],
  ['constitution_day', '08-30', 1, { en: 'Constitution Day', ru: 'День Конституции', kk: 'Конституция күні' }],
  ['republic_day', '10-25', 1, { en: 'Republic Day', ru: 'День Республики', kk: 'Республика күні' }],
  ['independence_day', '12-16', 1, { en: 'Independence Day', ru: 'День Независимости', kk: 'Тәуелсіздік күні' }],
];
const YEARS = [2026, 2027, 2028];

const KURBAN_AIT: Name = { en: 'Kurban Ait (Eid al-Adha)', ru: 'Курбан айт', kk: 'Құрбан айт' };
// Kurban Ait moves with the lunar calendar: like the other movable dates it is entered per year (its first
// day is a public holiday for everyone; the Sunni entry keeps its three days). Expected dates: administrators correct them.
const KURBAN_AIT_FIRST_DAYS = ['2026-05-27', '2027-05-16', '2028-05-05'];

const nationalRows = (): Array<[code: string, date: string, days: number, name: Name]> => [
  ...YEARS.flatMap((year) => NATIONAL.map(([code, monthDay, days, name]) => [code, `${year}-${monthDay}`, days, name] as [string, string, number, Name])),
  ...KURBAN_AIT_FIRST_DAYS.map((date) => ['kurban_ait', date, 1, KURBAN_AIT] as [string, string, number, Name]),
];

export class ClubLife1796302443449 implements MigrationInterface {
  name = 'ClubLife1796302443449';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"weekly_observances\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"version\" integer NOT NULL DEFAULT '1', \"code\" text NOT NULL, \"tradition\" text NOT NULL, \"weekday\" integer NOT NULL, \"start_time\" TIME NOT NULL, \"end_weekday\" integer NOT NULL, \"end_time\" TIME NOT NULL, \"name\" jsonb NOT NULL, CONSTRAINT \"weekly_observance_weekdays\" CHECK (weekday BETWEEN 1 AND 7 AND end_weekday BETWEEN 1 AND 7), CONSTRAINT \"PK_b9b99e7bca0db0124c20f23f59a\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"weekly_observance_unique\" ON \"weekly_observances\"  (\"tradition\", \"code\") ");
    await queryRunner.query("CREATE TABLE \"scheduled_notices\" (\"kind\" text NOT NULL, \"subject_id\" uuid NOT NULL, \"occasion\" text NOT NULL, \"sent_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_3066171e6a6eb901a6a7b4e4ceb\" PRIMARY KEY (\"kind\", \"subject_id\", \"occasion\"))");
    await queryRunner.query("ALTER TABLE \"meeting_series\" ADD \"skip_dates\" date array NOT NULL DEFAULT '{}'");

    for (const [tradition, code, weekday, start, endWeekday, end, name] of OBSERVANCES) {
      await queryRunner.query(
        `INSERT INTO weekly_observances (tradition, code, weekday, start_time, end_weekday, end_time, name) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [tradition, code, weekday, start, endWeekday, end, JSON.stringify(name)],
      );
    }
    for (const [code, date, days, name] of nationalRows()) {
      await queryRunner.query(
        `INSERT INTO holidays (code, tradition, date, days, name) VALUES ($1, NULL, $2, $3, $4) ON CONFLICT (date, code) WHERE tradition IS NULL DO NOTHING`,
        [code, date, days, JSON.stringify(name)],
      );
    }
    await queryRunner.query(
      `INSERT INTO holidays (code, tradition, date, days, name) VALUES ('kurban_ait', 'sunni_islam', '2028-05-05', 3, $1) ON CONFLICT DO NOTHING`,
      [JSON.stringify(KURBAN_AIT)],
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Nauryz 2026 and 2027 came with the first holiday seed: they stay.
    for (const [code, date] of nationalRows().filter(([code, date]) => !(code === 'nauryz' && date < '2028-01-01'))) {
      await queryRunner.query(`DELETE FROM holidays WHERE code = $1 AND date = $2 AND tradition IS NULL`, [code, date]);
    }
    await queryRunner.query(`DELETE FROM holidays WHERE code = 'kurban_ait' AND tradition = 'sunni_islam' AND date = '2028-05-05'`);
    await queryRunner.query("ALTER TABLE \"meeting_series\" DROP COLUMN \"skip_dates\"");
    await queryRunner.query("DROP TABLE \"scheduled_notices\"");
    await queryRunner.query("DROP INDEX \"public\".\"weekly_observance_unique\"");
    await queryRunner.query("DROP TABLE \"weekly_observances\"");
  }
}
