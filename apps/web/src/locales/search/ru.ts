import type { searchEn } from './en';

export const searchRu: typeof searchEn = {
  community: {
    find: 'Найти общину',
    placeholder: 'Три буквы названия, кириллицей или латиницей',
    tooShort: 'Введите не меньше трёх букв',
    none: 'Общин с таким названием не найдено',
    more: 'Показаны первые {{count}}: уточните название',
  },
  club: {
    find: 'Найти клуб',
    placeholder: 'Три буквы названия, на любом языке',
    none: 'Клубов с таким названием не найдено',
    more: 'Показать ещё клубы',
    firstOnly: 'Показаны первые {{count}}: уточните название',
  },
};
