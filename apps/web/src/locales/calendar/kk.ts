import type { CalendarTranslation } from './en';

export const calendarKk: CalendarTranslation = {
  earlierIn: 'Өткен кездесулер: {{month}}',
  noneInMonth: '«{{month}}» айында өткен кездесулер жоқ.',
  earlierMonth: 'Алдыңғы ай',
  laterMonth: 'Келесі ай',
  ends: 'Аяқталуы',
  endsAfter: 'Бірнеше кездесуден кейін',
  endsOn: 'Белгілі бір күні',
  until: 'Соңғы күні',
  untilHint: 'Серия осы күні аяқталады (осы күнді қоса).',
  skip: 'Өткізіп жіберетін күндер',
  skipHint: 'Серияның жекелеген күндерін алып тастаңыз, мысалы мереке күнін.',
  skipAdd: 'Бұл күнді өткізіп жіберу',
  skipRemove: '{{date}} қалдыру',
  untilSummary: '{{date}} дейін',
  skipSummary: 'мына күндерсіз: {{dates}}',
};
