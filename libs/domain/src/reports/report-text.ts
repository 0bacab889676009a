/**
 * The words of reports in kk / ru / en: CSV headers and row labels (the API writes them in the
 * reader's language) and the dashboard's tables (the web app's `reports` locale reuses them).
 * Statuses, traditions and decision reasons are the web app's own wording, copied here.
 */
const en = {
  tables: {
    stages: "Communities per stage and registration status",
    funnel: "Pathway funnel: communities that took each step",
    durations: "Time in each stage (days)",
    decisions: "Decisions by outcome and reason",
    appeals: "Appeals and their rulings",
    concerns: "Official concerns",
    meetingsByMonth: "Meetings per month",
    meetings: "Communities attending per meeting",
    actionItems: "Action items",
    projects: "Joint projects",
    partners: "Partners per project",
    contributionsByMonth: "Confirmed contributions per month",
    overview: "National overview: cities and clubs",
    attendance: "Monthly attendance per club",
    annualStagesStart: "Communities per stage at the start of the year",
    annualStagesEnd: "Communities per stage at the end of the year",
    annualMoves: "Moves during the year",
    annualMeetings: "Meetings and attendance",
    annualProjects: "Joint projects and confirmed contributions"
  },
  labels: {
    stages: "Stage",
    funnel: "Step",
    durations: "Stage",
    decisions: "Decision",
    appeals: "Appeals",
    concerns: "Concerns",
    meetingsByMonth: "Month",
    meetings: "Meeting",
    actionItems: "Action items",
    projects: "Joint projects",
    partners: "Project",
    contributionsByMonth: "Month",
    overview: "City / club",
    attendance: "Club",
    month: "Month",
    city: "City"
  },
  columns: {
    total: "Total",
    communities: "Communities",
    median: "Median, days",
    iqr: "Spread (interquartile range), days",
    count: "Number",
    meetings: "Meetings held",
    rate: "Attendance rate, %",
    attending: "Communities attending",
    open: "Open",
    overdue: "Overdue",
    active: "Active",
    completed: "Completed in the period",
    partners: "Partner communities",
    volunteers: "Confirmed volunteers",
    hours: "Confirmed volunteer-hours",
    participants: "Communities taking part",
    date: "Date",
    status: "Status",
    year: "Year"
  },
  steps: {
    applied: "Applied",
    observer: "Accepted as observer",
    candidate: "Nominated as candidate",
    member: "Admitted as member"
  },
  durations: {
    observer: "Time as observer",
    candidate: "Time as candidate",
    observer_to_member: "From observer to member"
  },
  appeals: {
    open: "Open",
    upheld: "Upheld",
    overturned: "Overturned"
  },
  concerns: {
    open: "Open at the end of the period",
    raised: "Raised in the period",
    resolved: "Resolved in the period"
  },
  rows: {
    total: "Total",
    items: "Action items",
    projects: "Joint projects",
    meeting: "Meeting",
    project: "A project"
  },
  cells: {
    fewerThan: "fewer than {{n}}",
    listedPlus: "{{listed}} + fewer than {{n}}",
    withheld: "withheld",
    notShown: "not shown"
  },
  status: {
    applied: "Applied",
    observer: "Observer",
    candidate: "Candidate",
    member: "Member",
    declined: "Declined",
    suspended: "Suspended",
    withdrawn: "Withdrawn"
  },
  registration: {
    registered: "Registered",
    not_registered: "Not registered",
    registration_pending: "Registration pending"
  },
  tradition: {
    sunni_islam: "Sunni Islam",
    russian_orthodox: "Russian Orthodox Church",
    catholic: "Catholic Church",
    evangelical_protestant: "Evangelical Protestant",
    lutheran: "Lutheran Church",
    judaism: "Judaism",
    buddhism: "Buddhism",
    bahai: "Baháʼí Faith",
    hare_krishna: "Hare Krishna",
    jehovahs_witnesses: "Jehovah's Witnesses",
    other: "Other"
  },
  outcome: {
    admit: "Admitted as member",
    defer: "Candidacy deferred",
    decline: "Declined"
  },
  reason: {
    milestones_met: "Every milestone is met",
    registered_community: "Registered community",
    coordinator_judgement: "The coordinators' judgement",
    milestones_unmet: "Milestones not yet met",
    open_concern: "An open concern",
    more_participation_needed: "More participation needed",
    other: "Other reason",
    club_charter: "The club's charter",
    conduct: "Conduct",
    inactive: "Not active in the club"
  }
};
export type ReportText = { [K in keyof typeof en]: { [L in keyof (typeof en)[K]]: string } };
const kk: ReportText = {
  tables: {
    stages: "Кезеңдер мен тіркеу мәртебесі бойынша қауымдастықтар",
    funnel: "Жол воронкасы: әр қадамды жасаған қауымдастықтар",
    durations: "Әр кезеңдегі уақыт (күн)",
    decisions: "Нәтиже мен себеп бойынша шешімдер",
    appeals: "Шағымдар және олар бойынша шешімдер",
    concerns: "Лауазымды тұлғалардың ескертулері",
    meetingsByMonth: "Айлар бойынша кездесулер",
    meetings: "Әр кездесуге қатысқан қауымдастықтар",
    actionItems: "Тапсырмалар",
    projects: "Бірлескен жобалар",
    partners: "Жобалар бойынша серіктестер",
    contributionsByMonth: "Айлар бойынша расталған үлестер",
    overview: "Ел бойынша шолу: қалалар мен клубтар",
    attendance: "Клубтардың айлық қатысуы",
    annualStagesStart: "Жыл басындағы кезеңдер бойынша қауымдастықтар",
    annualStagesEnd: "Жыл соңындағы кезеңдер бойынша қауымдастықтар",
    annualMoves: "Жыл ішіндегі өтулер",
    annualMeetings: "Кездесулер мен қатысу",
    annualProjects: "Бірлескен жобалар және расталған үлестер"
  },
  labels: {
    stages: "Кезең",
    funnel: "Қадам",
    durations: "Кезең",
    decisions: "Шешім",
    appeals: "Шағымдар",
    concerns: "Ескертулер",
    meetingsByMonth: "Ай",
    meetings: "Кездесу",
    actionItems: "Тапсырмалар",
    projects: "Бірлескен жобалар",
    partners: "Жоба",
    contributionsByMonth: "Ай",
    overview: "Қала / клуб",
    attendance: "Клуб",
    month: "Ай",
    city: "Қала"
  },
  columns: {
    total: "Барлығы",
    communities: "Қауымдастықтар",
    median: "Медиана, күн",
    iqr: "Шашырау (квартильаралық ауқым), күн",
    count: "Саны",
    meetings: "Өткен кездесулер",
    rate: "Қатысу деңгейі, %",
    attending: "Қатысқан қауымдастықтар",
    open: "Ашық",
    overdue: "Мерзімі өткен",
    active: "Жүріп жатыр",
    completed: "Кезеңде аяқталды",
    partners: "Серіктес қауымдастықтар",
    volunteers: "Расталған еріктілер",
    hours: "Расталған ерікті-сағаттар",
    participants: "Қатысушы қауымдастықтар",
    date: "Күні",
    status: "Мәртебе",
    year: "Жыл"
  },
  steps: {
    applied: "Өтінім берді",
    observer: "Бақылаушы болып қабылданды",
    candidate: "Үміткер болып ұсынылды",
    member: "Мүшелікке қабылданды"
  },
  durations: {
    observer: "Бақылаушы ретіндегі уақыт",
    candidate: "Үміткер ретіндегі уақыт",
    observer_to_member: "Бақылаушыдан мүшеге дейін"
  },
  appeals: {
    open: "Қаралуда",
    upheld: "Шешім күшінде қалды",
    overturned: "Шешім бұзылды"
  },
  concerns: {
    open: "Кезең соңында ашық",
    raised: "Кезеңде айтылды",
    resolved: "Кезеңде шешілді"
  },
  rows: {
    total: "Жиыны",
    items: "Тапсырмалар",
    projects: "Бірлескен жобалар",
    meeting: "Кездесу",
    project: "Жоба"
  },
  cells: {
    fewerThan: "{{n}}-ден аз",
    listedPlus: "{{listed}} + {{n}}-ден аз",
    withheld: "жасырылған",
    notShown: "көрсетілмейді"
  },
  status: {
    applied: "Өтінім берілді",
    observer: "Бақылаушы",
    candidate: "Үміткер",
    member: "Клуб мүшесі",
    declined: "Қабылданбады",
    suspended: "Тоқтатылды",
    withdrawn: "Шықты"
  },
  registration: {
    registered: "Тіркелген",
    not_registered: "Тіркелмеген",
    registration_pending: "Тіркеу барысында"
  },
  tradition: {
    sunni_islam: "Сунниттік ислам",
    russian_orthodox: "Орыс православие шіркеуі",
    catholic: "Католик шіркеуі",
    evangelical_protestant: "Евангелиялық протестанттар",
    lutheran: "Лютеран шіркеуі",
    judaism: "Иудаизм",
    buddhism: "Буддизм",
    bahai: "Бахаи сенімі",
    hare_krishna: "Кришна санасы қоғамы",
    jehovahs_witnesses: "Иегова куәгерлері",
    other: "Басқа"
  },
  outcome: {
    admit: "Мүшелікке қабылданды",
    defer: "Кандидатура кейінге қалдырылды",
    decline: "Бас тартылды"
  },
  reason: {
    milestones_met: "Барлық кезеңдер орындалды",
    registered_community: "Тіркелген қауымдастық",
    coordinator_judgement: "Үйлестірушілердің бағалауы",
    milestones_unmet: "Кезеңдер әлі орындалмаған",
    open_concern: "Ашық ескерту бар",
    more_participation_needed: "Көбірек қатысу қажет",
    other: "Басқа себеп",
    club_charter: "Клуб жарғысы",
    conduct: "Мінез-құлық",
    inactive: "Клубта белсенді емес"
  }
};
const ru: ReportText = {
  tables: {
    stages: "Общины по этапам и статусу регистрации",
    funnel: "Воронка пути: общины, сделавшие каждый шаг",
    durations: "Время на каждом этапе (дни)",
    decisions: "Решения по итогу и причине",
    appeals: "Апелляции и их решения",
    concerns: "Замечания должностных лиц",
    meetingsByMonth: "Встречи по месяцам",
    meetings: "Общины на каждой встрече",
    actionItems: "Поручения",
    projects: "Совместные проекты",
    partners: "Партнёры по проектам",
    contributionsByMonth: "Подтверждённые вклады по месяцам",
    overview: "Обзор по стране: города и клубы",
    attendance: "Посещаемость клубов по месяцам",
    annualStagesStart: "Общины по этапам на начало года",
    annualStagesEnd: "Общины по этапам на конец года",
    annualMoves: "Переходы за год",
    annualMeetings: "Встречи и посещаемость",
    annualProjects: "Совместные проекты и подтверждённые вклады"
  },
  labels: {
    stages: "Этап",
    funnel: "Шаг",
    durations: "Этап",
    decisions: "Решение",
    appeals: "Апелляции",
    concerns: "Замечания",
    meetingsByMonth: "Месяц",
    meetings: "Встреча",
    actionItems: "Поручения",
    projects: "Совместные проекты",
    partners: "Проект",
    contributionsByMonth: "Месяц",
    overview: "Город / клуб",
    attendance: "Клуб",
    month: "Месяц",
    city: "Город"
  },
  columns: {
    total: "Всего",
    communities: "Общины",
    median: "Медиана, дней",
    iqr: "Разброс (межквартильный размах), дней",
    count: "Количество",
    meetings: "Проведено встреч",
    rate: "Посещаемость, %",
    attending: "Общин на встречах",
    open: "Открыто",
    overdue: "Просрочено",
    active: "Идут",
    completed: "Завершено за период",
    partners: "Общины-партнёры",
    volunteers: "Подтверждённые волонтёры",
    hours: "Подтверждённые волонтёро-часы",
    participants: "Участвующие общины",
    date: "Дата",
    status: "Статус",
    year: "Год"
  },
  steps: {
    applied: "Подали заявку",
    observer: "Приняты наблюдателями",
    candidate: "Выдвинуты кандидатами",
    member: "Приняты в члены"
  },
  durations: {
    observer: "Время наблюдателем",
    candidate: "Время кандидатом",
    observer_to_member: "От наблюдателя до члена"
  },
  appeals: {
    open: "На рассмотрении",
    upheld: "Решение оставлено в силе",
    overturned: "Решение отменено"
  },
  concerns: {
    open: "Открыты на конец периода",
    raised: "Высказаны за период",
    resolved: "Сняты за период"
  },
  rows: {
    total: "Итого",
    items: "Поручения",
    projects: "Совместные проекты",
    meeting: "Встреча",
    project: "Проект"
  },
  cells: {
    fewerThan: "меньше {{n}}",
    listedPlus: "{{listed}} + меньше {{n}}",
    withheld: "скрыто",
    notShown: "не показано"
  },
  status: {
    applied: "Заявка подана",
    observer: "Наблюдатель",
    candidate: "Кандидат",
    member: "Член клуба",
    declined: "Отклонено",
    suspended: "Приостановлено",
    withdrawn: "Отозвано"
  },
  registration: {
    registered: "Зарегистрирована",
    not_registered: "Не зарегистрирована",
    registration_pending: "Регистрация в процессе"
  },
  tradition: {
    sunni_islam: "Ислам суннитского толка",
    russian_orthodox: "Русская православная церковь",
    catholic: "Католическая церковь",
    evangelical_protestant: "Евангельские протестанты",
    lutheran: "Лютеранская церковь",
    judaism: "Иудаизм",
    buddhism: "Буддизм",
    bahai: "Вера Бахаи",
    hare_krishna: "Общество сознания Кришны",
    jehovahs_witnesses: "Свидетели Иеговы",
    other: "Другое"
  },
  outcome: {
    admit: "Принята в члены",
    defer: "Кандидатура отложена",
    decline: "Отклонена"
  },
  reason: {
    milestones_met: "Все этапы выполнены",
    registered_community: "Зарегистрированная община",
    coordinator_judgement: "Оценка координаторов",
    milestones_unmet: "Этапы ещё не выполнены",
    open_concern: "Открытое замечание",
    more_participation_needed: "Нужно больше участия",
    other: "Другая причина",
    club_charter: "Устав клуба",
    conduct: "Поведение",
    inactive: "Не активна в клубе"
  }
};
export const REPORT_TEXT: Record<'en' | 'kk' | 'ru', ReportText> = { en, kk, ru };
