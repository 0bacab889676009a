import type { searchEn } from './en';

export const searchKk: typeof searchEn = {
  community: {
    find: 'Қауымды табу',
    placeholder: 'Атауының үш әрпі, кириллица немесе латын әрпімен',
    tooShort: 'Кемінде үш әріп теріңіз',
    none: 'Мұндай атаулы қауым табылмады',
    more: 'Алғашқы {{count}} ғана көрсетілді: атауын толығырақ жазыңыз',
  },
};
