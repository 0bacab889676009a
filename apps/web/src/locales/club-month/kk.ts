import type { ClubMonthTranslation } from './en';

export const clubMonthKk: ClubMonthTranslation = {
  attendance: {
    whyNot: {
      NOT_STARTED: 'Қатысуды белгілеу кездесу басталардан бір сағат бұрын ашылады.',
      CANCELLED: 'Кездесу тоқтатылды: қатысуды белгілеудің қажеті жоқ.',
      NOT_ON_ROSTER: 'Кездесу күні клубқа қатыспаған: белгілеуге болмайды.',
    },
  },
  appeals: {
    filter: 'Шағымдарды көрсету',
    status: {
      open: 'Шешім күтуде',
      upheld: 'Шешім өзгеріссіз қалды',
      overturned: 'Шешім күшін жойды',
      all: 'Барлығы',
    },
    empty: 'Мұнда шағым жоқ.',
  },
  sponsorship: {
    since: 'Сіз {{date}} бастап кепілгерсіз',
    sinceAs: '{{name}} {{date}} бастап кепілгер',
  },
  applications: {
    profileLink: 'Ашықтық профилі',
    reapply: 'Қайта өтінім беруге болатын күн',
    reapplyHint: 'Осы күнге дейін қауымдастық бұл клубқа қайта өтінім бере алмайды. Ұсынылатыны: {{months}} ай.',
    declined: '{{name}} өтінімі қабылданбады. Қайта өтінім беруге {{date}} бастап болады.',
    overdue: 'Мерзімі өтті: {{days}} күн күтуде',
  },
  profile: {
    title: 'Ашықтық профилі',
    description: 'Қауымдастық туралы',
    leaders: 'Басшылары',
    meetingPlace: 'Жиналатын орны',
    approximateSize: 'Шамамен саны',
    activities: 'Қызметі',
    contacts: 'Байланыс',
    notGiven: 'Көрсетілмеген',
  },
  todo: {
    title: 'Істеу керек',
    intro: 'Клубтарыңызда сізді күтіп тұрғанның бәрі, ең ескісінен бастап. Әр жол сол іс атқарылатын бетті ашады.',
    empty: 'Сізді күтіп тұрған іс жоқ.',
    waitingSince: '{{date}} бастап',
    overdue: 'Мерзімі өтті',
    dueOn: 'мерзімі {{date}}',
    kind: {
      application: 'Шешім күтетін өтінім',
      candidacy: 'Шешім күтетін кандидатура',
      project_proposed: 'Ұсынылған жоба: мақұлдау не қабылдамау',
      join_request: 'Жобаға қосылу өтініші',
      contribution: 'Растауды күтетін үлес',
      minutes: 'Хаттама әлі жарияланбаған',
      action_item: 'Мерзімі өткен тапсырма',
    },
  },
};
