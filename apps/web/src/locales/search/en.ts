/** Searching among many (issue 14), English: the source of the `search` key set. */
export const searchEn = {
  community: {
    find: 'Find a community',
    placeholder: 'Type three letters of its name, in any script',
    tooShort: 'Type at least three letters to search',
    none: 'No community matches this name',
    more: 'Only the first {{count}} are listed: type more of the name',
  },
  club: {
    find: 'Find a club',
    placeholder: 'Type three letters of its name, in any language',
    none: 'No club matches this name',
    more: 'Show more clubs',
    firstOnly: 'Only the first {{count}} are listed: type more of the name',
  },
};
