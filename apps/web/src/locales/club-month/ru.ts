import type { ClubMonthTranslation } from './en';

export const clubMonthRu: ClubMonthTranslation = {
  attendance: {
    whyNot: {
      NOT_STARTED: 'Посещаемость открывается за час до начала встречи.',
      CANCELLED: 'Встреча отменена: отмечать посещаемость не нужно.',
      NOT_ON_ROSTER: 'В день встречи не участвовала в клубе: отметить нельзя.',
    },
  },
  appeals: {
    filter: 'Показать апелляции',
    status: {
      open: 'Ждут решения',
      upheld: 'Оставлены без изменения',
      overturned: 'Решение отменено',
      all: 'Все',
    },
    empty: 'Здесь апелляций нет.',
  },
  sponsorship: {
    since: 'Вы поручитель с {{date}}',
    sinceAs: '{{name}} — поручитель с {{date}}',
  },
  applications: {
    profileLink: 'Профиль открытости',
    reapply: 'Может подать заявку снова с',
    reapplyHint: 'До этой даты община не может снова подать заявку в этот клуб. Рекомендуем: {{months}} мес.',
    declined: 'Заявка общины {{name}} отклонена. Подать снова можно с {{date}}.',
    overdue: 'Просрочено: ждёт {{days}} дн.',
  },
  profile: {
    title: 'Профиль открытости',
    description: 'Об общине',
    leaders: 'Руководители',
    meetingPlace: 'Место собраний',
    approximateSize: 'Примерная численность',
    activities: 'Деятельность',
    contacts: 'Контакты',
    notGiven: 'Не указано',
  },
  todo: {
    title: 'Нужно сделать',
    intro: 'Всё, что ждёт вас в ваших клубах, начиная с самого давнего. Каждая строка открывает страницу, где это делается.',
    empty: 'Ничего не ждёт вашего решения.',
    waitingSince: 'с {{date}}',
    overdue: 'Просрочено',
    dueOn: 'срок {{date}}',
    kind: {
      application: 'Заявка ждёт решения',
      candidacy: 'Кандидатура ждёт решения',
      project_proposed: 'Предложенный проект: одобрить или отклонить',
      join_request: 'Просьба присоединиться к проекту',
      contribution: 'Вклад ждёт подтверждения',
      minutes: 'Протокол ещё не опубликован',
      action_item: 'Просроченное поручение',
    },
  },
};
