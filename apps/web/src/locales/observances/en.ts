/** Weekly observances kept by the administrator (issue 11, item 10), English: the source of the `observances` key set. */
export const observancesEn = {
  navLink: 'Weekly observances',
  title: 'Weekly observances',
  intro:
    'The weekly times each tradition keeps (Friday prayer, Shabbat from Friday sunset, Sunday worship). Planning warns when a meeting overlaps one of a tradition present in the club; after a change, coordinators of upcoming meetings it concerns are told.',
  empty: 'No weekly observances yet.',
  add: 'Add a weekly observance',
  addButton: 'Add',
  edit: 'Edit the weekly observance',
  delete: 'Delete',
  confirmDelete: 'Delete for good',
  code: 'Code',
  tradition: 'Tradition',
  startsOn: 'Starts on',
  startTime: 'At (Almaty time)',
  endsOn: 'Ends on',
  endTime: 'At (Almaty time)',
  window: '{{startDay}} {{startTime}} – {{endDay}} {{endTime}}',
  endsBeforeStart: 'It must end after it starts, within the week.',
};

export type ObservancesTranslation = typeof observancesEn;
