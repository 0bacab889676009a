import { REPORT_TEXT } from '@dastarkhan/domain';

/** Tables, columns and row labels come from libs/domain (the API writes the same words into CSV files). */
const { tables, labels, columns, steps, durations, appeals, concerns, rows, cells } = REPORT_TEXT.en;
const shared = { tables, labels, columns, steps, durations, appeals, concerns, rows, cells };

export const reportsEn = {
  title: "Participation at a glance",
  intro: "Figures for your area. Communities you may not see by name are counted without names, and a small number reads “fewer than {{n}}” so that no community can be singled out.",
  introCoordinator: "Figures for your clubs, exact: you know every community in them.",
  scope: {
    national: "The whole country",
    regional: "Your region",
    clubs: "Your clubs"
  },
  filters: {
    legend: "Filters",
    period: "Period",
    city: "City",
    club: "Club",
    tradition: "Tradition",
    all: "All",
    last12: "Last 12 months"
  },
  heading: "Period: {{period}} · City: {{city}} · Club: {{club}} · Tradition: {{tradition}}",
  sections: {
    participation: "Participation",
    meetings: "Meetings",
    projects: "Joint projects",
    overview: "National overview"
  },
  downloadCsv: "Download CSV",
  downloadCsvOf: "Download CSV: {{table}}",
  attendanceCsv: "Monthly attendance per club (CSV)",
  annualCsv: "Annual report {{year}} of this club (CSV)",
  print: "Print",
  legend: "How to read the figures: “<{{n}}” — fewer than {{n}} communities that you may not see by name; “3 + <{{n}}” — 3 you may see, and fewer than {{n}} others; “•” — withheld, so that a small number cannot be worked out by subtraction; “—” — a median, rate or sum over too few communities.",
  meetingsOneClub: "Choose a club to see its meetings one by one; the monthly figures above cover every selected club.",
  traditionNote: "The tradition filter narrows counts of communities; meetings and projects are counted per club.",
  chartOf: "Chart: {{title}}. The same figures are in the table.",
  generatedAt: "As of {{date}}",
  withheldShort: "withheld",
  notShownShort: "not shown",
  openData: {
    link: "Open data",
    title: "Open data: {{city}}",
    intro: "What the multi-faith clubs of this city do, in figures. Communities that have not chosen to be public are counted without names; a small number reads “fewer than {{n}}”.",
    clubsTitle: "Clubs",
    projectsTitle: "Completed public projects",
    noProjects: "No public project was completed in this period.",
    volunteers: "Confirmed volunteers: {{value}}",
    hours: "Confirmed volunteer-hours: {{value}}",
    backToCity: "Back to the city"
  },
  ...shared,
};

export type ReportsTranslation = typeof reportsEn;
