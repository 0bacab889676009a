/** The API searches only texts with a word of three letters or more (the shortest a trigram index answers). */
export const searchable = (text: string) => /\S{3}/u.test(text);
