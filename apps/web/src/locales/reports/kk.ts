import { REPORT_TEXT } from '@dastarkhan/domain';
import type { ReportsTranslation } from './en';

/** Tables, columns and row labels come from libs/domain (the API writes the same words into CSV files). */
const { tables, labels, columns, steps, durations, appeals, concerns, rows, cells } = REPORT_TEXT.kk;
const shared = { tables, labels, columns, steps, durations, appeals, concerns, rows, cells };

export const reportsKk: ReportsTranslation = {
  title: "Қатысу бір қарағанда",
  intro: "Сіздің аумағыңыз бойынша сандар. Атымен көре алмайтын қауымдастықтар атаусыз саналады, ал шағын сан «{{n}}-ден аз» деп оқылады — ешбір қауымдастықты бөліп көрсетуге болмайды.",
  introCoordinator: "Сіздің клубтарыңыз бойынша нақты сандар: сіз олардағы әр қауымдастықты білесіз.",
  scope: {
    national: "Бүкіл ел",
    regional: "Сіздің өңіріңіз",
    clubs: "Сіздің клубтарыңыз"
  },
  filters: {
    legend: "Сүзгілер",
    period: "Кезең",
    city: "Қала",
    club: "Клуб",
    tradition: "Дәстүр",
    all: "Барлығы",
    last12: "Соңғы 12 ай"
  },
  heading: "Кезең: {{period}} · Қала: {{city}} · Клуб: {{club}} · Дәстүр: {{tradition}}",
  sections: {
    participation: "Қатысу",
    meetings: "Кездесулер",
    projects: "Бірлескен жобалар",
    overview: "Ел бойынша шолу"
  },
  downloadCsv: "CSV жүктеу",
  downloadCsvOf: "CSV жүктеу: {{table}}",
  attendanceCsv: "Клубтардың айлық қатысуы (CSV)",
  annualCsv: "Клубтың {{year}} жылғы есебі (CSV)",
  print: "Басып шығару",
  legend: "Сандарды қалай оқу керек: «<{{n}}» — атымен көре алмайтын {{n}}-ден аз қауымдастық; «3 + <{{n}}» — көрінетін 3 және {{n}}-ден аз басқалар; «•» — шағын санды азайту арқылы табуға болмайтындай жасырылған; «—» — тым аз қауымдастық бойынша медиана, үлес немесе қосынды.",
  meetingsOneClub: "Клубтың кездесулерін жеке-жеке көру үшін клубты таңдаңыз; жоғарыдағы айлық сандар таңдалған барлық клубтарды қамтиды.",
  traditionNote: "Дәстүр сүзгісі қауымдастықтар санын тарылтады; кездесулер мен жобалар клуб бойынша саналады.",
  chartOf: "Диаграмма: {{title}}. Дәл осы сандар кестеде.",
  generatedAt: "{{date}} жағдайы бойынша",
  withheldShort: "жасырылған",
  notShownShort: "көрсетілмейді",
  openData: {
    link: "Ашық деректер",
    title: "Ашық деректер: {{city}}",
    intro: "Осы қаланың конфессияаралық клубтары не істейді — сандармен. Жария болуды таңдамаған қауымдастықтар атаусыз саналады; шағын сан «{{n}}-ден аз» деп оқылады.",
    clubsTitle: "Клубтар",
    projectsTitle: "Аяқталған жария жобалар",
    noProjects: "Бұл кезеңде жария жоба аяқталған жоқ.",
    volunteers: "Расталған еріктілер: {{value}}",
    hours: "Расталған ерікті-сағаттар: {{value}}",
    backToCity: "Қалаға оралу"
  },
  ...shared,
};
