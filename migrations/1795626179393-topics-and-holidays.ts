import { MigrationInterface, QueryRunner } from 'typeorm';

// Reference data every installation starts with; administrators edit it afterwards.
const TOPICS: Array<[code: string, en: string, ru: string, kk: string]> = [
  ['online_radicalization', 'Online radicalization', 'Онлайн-радикализация', 'Интернеттегі радикалдану'],
  ['domestic_violence', 'Domestic violence', 'Бытовое насилие', 'Тұрмыстық зорлық-зомбылық'],
  ['youth', 'Youth', 'Молодёжь', 'Жастар'],
  ['environment', 'Environment', 'Экология', 'Экология'],
  ['interreligious_relations', 'Interreligious relations', 'Межрелигиозные отношения', 'Дінаралық қатынастар'],
  ['charity', 'Charity', 'Благотворительность', 'Қайырымдылық'],
  ['education', 'Education', 'Образование', 'Білім беру'],
  ['public_health', 'Public health', 'Здоровье', 'Қоғамдық денсаулық'],
];

const CHRISTIAN_WEST = ['catholic', 'lutheran', 'evangelical_protestant'];

// Islamic dates follow the moon sighting and are the expected ones: administrators correct them.
const HOLIDAYS: Array<[code: string, traditions: Array<string | null>, date: string, days: number, en: string, ru: string, kk: string]> = [
  ['orthodox_christmas', ['russian_orthodox'], '2026-01-07', 1, 'Orthodox Christmas', 'Православное Рождество', 'Православиелік Рождество'],
  ['oraza_ait', ['sunni_islam'], '2026-03-20', 1, 'Oraza Ait (Eid al-Fitr)', 'Ораза айт', 'Ораза айт'],
  ['nauryz', [null], '2026-03-21', 3, 'Nauryz', 'Наурыз', 'Наурыз мейрамы'],
  ['passover', ['judaism'], '2026-04-02', 8, 'Passover', 'Песах', 'Песах'],
  ['western_easter', CHRISTIAN_WEST, '2026-04-05', 1, 'Easter (Western)', 'Пасха (западная)', 'Пасха (батыс)'],
  ['orthodox_easter', ['russian_orthodox'], '2026-04-12', 1, 'Orthodox Easter', 'Православная Пасха', 'Православиелік Пасха'],
  ['vesak', ['buddhism'], '2026-05-01', 1, 'Vesak', 'Весак', 'Весак'],
  ['kurban_ait', ['sunni_islam'], '2026-05-27', 3, 'Kurban Ait (Eid al-Adha)', 'Курбан айт', 'Құрбан айт'],
  ['yom_kippur', ['judaism'], '2026-09-21', 1, 'Yom Kippur', 'Йом-Кипур', 'Йом-Кипур'],
  ['western_christmas', CHRISTIAN_WEST, '2026-12-25', 1, 'Christmas (Western)', 'Рождество (западное)', 'Рождество (батыс)'],
  ['orthodox_christmas', ['russian_orthodox'], '2027-01-07', 1, 'Orthodox Christmas', 'Православное Рождество', 'Православиелік Рождество'],
  ['oraza_ait', ['sunni_islam'], '2027-03-10', 1, 'Oraza Ait (Eid al-Fitr)', 'Ораза айт', 'Ораза айт'],
  ['nauryz', [null], '2027-03-21', 3, 'Nauryz', 'Наурыз', 'Наурыз мейрамы'],
  ['western_easter', CHRISTIAN_WEST, '2027-03-28', 1, 'Easter (Western)', 'Пасха (западная)', 'Пасха (батыс)'],
  ['passover', ['judaism'], '2027-04-22', 8, 'Passover', 'Песах', 'Песах'],
  ['orthodox_easter', ['russian_orthodox'], '2027-05-02', 1, 'Orthodox Easter', 'Православная Пасха', 'Православиелік Пасха'],
  ['kurban_ait', ['sunni_islam'], '2027-05-16', 3, 'Kurban Ait (Eid al-Adha)', 'Курбан айт', 'Құрбан айт'],
  ['vesak', ['buddhism'], '2027-05-20', 1, 'Vesak', 'Весак', 'Весак'],
  ['yom_kippur', ['judaism'], '2027-10-11', 1, 'Yom Kippur', 'Йом-Кипур', 'Йом-Кипур'],
  ['western_christmas', CHRISTIAN_WEST, '2027-12-25', 1, 'Christmas (Western)', 'Рождество (западное)', 'Рождество (батыс)'],
];

export class TopicsAndHolidays1795626179393 implements MigrationInterface {
  name = 'TopicsAndHolidays1795626179393';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [code, en, ru, kk] of TOPICS) {
      await queryRunner.query(`INSERT INTO topics (code, name) VALUES ($1, $2)`, [code, JSON.stringify({ en, ru, kk })]);
    }
    for (const [code, traditions, date, days, en, ru, kk] of HOLIDAYS) {
      for (const tradition of traditions) {
        await queryRunner.query(`INSERT INTO holidays (code, tradition, date, days, name) VALUES ($1, $2, $3, $4, $5)`, [
          code, tradition, date, days, JSON.stringify({ en, ru, kk }),
        ]);
      }
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM holidays WHERE code = ANY($1)`, [[...new Set(HOLIDAYS.map(([code]) => code))]]);
    await queryRunner.query(`DELETE FROM topics WHERE code = ANY($1)`, [TOPICS.map(([code]) => code)]);
  }
}
