import { describe, expect, it } from 'vitest';
import { decisionsRu } from '../locales/decisions/ru';
import { formatDate, formatDateTime, formatMonth, kazakhAblative } from './format';

describe('kazakhAblative', () => {
  it.each([
    [0, 'ден'],
    [2, 'ден'],
    [5, 'тен'],
    [6, 'дан'],
    [9, 'дан'],
    [10, 'нан'],
    [15, 'тен'],
    [40, 'тан'],
    [50, 'ден'],
    [80, 'нен'],
    [100, 'ден'],
    [110, 'нан'],
    [1000, 'нан'],
  ])('%i takes -%s, as the number sounds', (value, suffix) => {
    expect(kazakhAblative(value)).toBe(suffix);
  });
});

describe('Russian dates', () => {
  it('never end in a full stop, so the sentence they close has one ("до 2 янв. 2027. Решает")', () => {
    const date = formatDate('2027-01-02', 'ru');
    expect(date).toBe('2 янв. 2027');
    expect(decisionsRu.appeal.intro.replace('{{date}}', date)).toContain('до 2 янв. 2027. Решает');
    expect(formatDateTime('2027-01-02T13:00:00Z', 'ru')).toBe('2 янв. 2027, 18:00');
    expect(formatMonth('2027-01', 'ru')).toBe('Январь 2027');
  });

  it('other languages keep their own forms', () => {
    expect(formatDate('2027-01-02', 'en')).toBe('Jan 2, 2027');
    expect(formatDate('2027-01-02', 'kk')).toBe('2027 ж. 2 қаңтар');
  });
});
