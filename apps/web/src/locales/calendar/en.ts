/** The club calendar's list and the series' end and skipped dates (issue 11, item 9), English: the source of the `calendar` key set. */
export const calendarEn = {
  earlierIn: 'Earlier meetings: {{month}}',
  noneInMonth: 'No earlier meetings in {{month}}.',
  earlierMonth: 'Earlier month',
  laterMonth: 'Later month',
  ends: 'Ends',
  endsAfter: 'After a number of meetings',
  endsOn: 'On a date',
  until: 'Last date',
  untilHint: 'The series ends on this date (it is included).',
  skip: 'Dates to skip',
  skipHint: 'Leave single dates of the series out, e.g. a holiday.',
  skipAdd: 'Skip this date',
  skipRemove: 'Keep {{date}}',
  untilSummary: 'until {{date}}',
  skipSummary: 'skipping: {{dates}}',
};

export type CalendarTranslation = typeof calendarEn;
