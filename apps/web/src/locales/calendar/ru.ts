import type { CalendarTranslation } from './en';

export const calendarRu: CalendarTranslation = {
  earlierIn: 'Прошедшие встречи: {{month}}',
  noneInMonth: 'В месяце «{{month}}» прошедших встреч нет.',
  earlierMonth: 'Предыдущий месяц',
  laterMonth: 'Следующий месяц',
  ends: 'Окончание',
  endsAfter: 'После нескольких встреч',
  endsOn: 'В определённую дату',
  until: 'Последняя дата',
  untilHint: 'Серия заканчивается в эту дату (включительно).',
  skip: 'Пропустить даты',
  skipHint: 'Исключите отдельные даты серии, например праздник.',
  skipAdd: 'Пропустить дату',
  skipRemove: 'Оставить {{date}}',
  untilSummary: 'до {{date}}',
  skipSummary: 'кроме: {{dates}}',
};
