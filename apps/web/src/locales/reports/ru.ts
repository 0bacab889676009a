import { REPORT_TEXT } from '@dastarkhan/domain';
import type { ReportsTranslation } from './en';

/** Tables, columns and row labels come from libs/domain (the API writes the same words into CSV files). */
const { tables, labels, columns, steps, durations, appeals, concerns, rows, cells } = REPORT_TEXT.ru;
const shared = { tables, labels, columns, steps, durations, appeals, concerns, rows, cells };

export const reportsRu: ReportsTranslation = {
  title: "Участие с первого взгляда",
  intro: "Цифры по вашей территории. Общины, которые вы не можете видеть по имени, считаются без имён, а малое число читается как «меньше {{n}}», чтобы ни одну общину нельзя было выделить.",
  introCoordinator: "Цифры по вашим клубам, точные: вы знаете каждую общину в них.",
  scope: {
    national: "Вся страна",
    regional: "Ваш регион",
    clubs: "Ваши клубы"
  },
  filters: {
    legend: "Фильтры",
    period: "Период",
    city: "Город",
    club: "Клуб",
    tradition: "Традиция",
    all: "Все",
    last12: "Последние 12 месяцев"
  },
  heading: "Период: {{period}} · Город: {{city}} · Клуб: {{club}} · Традиция: {{tradition}}",
  sections: {
    participation: "Участие",
    meetings: "Встречи",
    projects: "Совместные проекты",
    overview: "Обзор по стране"
  },
  downloadCsv: "Скачать CSV",
  downloadCsvOf: "Скачать CSV: {{table}}",
  attendanceCsv: "Посещаемость клубов по месяцам (CSV)",
  annualCsv: "Годовой отчёт клуба за {{year}} (CSV)",
  print: "Печать",
  legend: "Как читать цифры: «<{{n}}» — меньше {{n}} общин, которых вы не видите по имени; «3 + <{{n}}» — 3 видимые и меньше {{n}} других; «•» — скрыто, чтобы малое число нельзя было вычислить вычитанием; «—» — медиана, доля или сумма по слишком малому числу общин.",
  meetingsOneClub: "Выберите клуб, чтобы увидеть его встречи по отдельности; помесячные цифры выше охватывают все выбранные клубы.",
  traditionNote: "Фильтр по традиции сужает подсчёт общин; встречи и проекты считаются по клубам.",
  chartOf: "Диаграмма: {{title}}. Те же цифры — в таблице.",
  generatedAt: "По состоянию на {{date}}",
  withheldShort: "скрыто",
  notShownShort: "не показано",
  openData: {
    link: "Открытые данные",
    title: "Открытые данные: {{city}}",
    intro: "Что делают межрелигиозные клубы этого города — в цифрах. Общины, не решившие стать публичными, считаются без имён; малое число читается как «меньше {{n}}».",
    clubsTitle: "Клубы",
    projectsTitle: "Завершённые публичные проекты",
    noProjects: "За этот период публичные проекты не завершались.",
    volunteers: "Подтверждённые волонтёры: {{value}}",
    hours: "Подтверждённые волонтёро-часы: {{value}}",
    backToCity: "Назад к городу"
  },
  ...shared,
};
