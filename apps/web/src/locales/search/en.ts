/** Searching among many (issue 14), English: the source of the `search` key set. */
export const searchEn = {
  community: {
    find: 'Find a community',
    placeholder: 'Type three letters of its name, in any script',
    tooShort: 'Type at least three letters to search',
    none: 'No community matches this name',
    more: 'Only the first {{count}} are listed: type more of the name',
  },
};
