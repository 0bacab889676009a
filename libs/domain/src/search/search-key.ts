/**
 * The folding that lets one search find a name however it was typed (issue 14): "Алматы",
 * "АЛМАТЫ", "almaty" and "Almaty" give the same key. Lower case, then Cyrillic (Russian and the
 * Kazakh letters ә ғ қ ң ө ұ ү һ і) transliterated to Latin, the accents of Latin Kazakh and
 * Turkish spellings dropped, and the letters spelled differently from one transliteration to
 * another merged (y/ы/й/i → i, zh/ж/j → j, kh/х/h → h, q/қ → k).
 *
 * The SQL function `search_key(text)` (migration 1796305400000-search) is this same folding, for
 * the trigram indexes; test/api/search.spec.ts checks that the two agree. Change both or neither.
 */

/** Letters that become several Latin letters (upper and lower case: folding must not depend on the database's locale). */
export const SEARCH_KEY_SEQUENCES: ReadonlyArray<readonly [string, string]> = [
  ['щ', 'shch'], ['Щ', 'shch'],
  ['ш', 'sh'], ['Ш', 'sh'], ['ş', 'sh'], ['Ş', 'sh'],
  ['ч', 'ch'], ['Ч', 'ch'], ['ç', 'ch'], ['Ç', 'ch'],
  ['ж', 'zh'], ['Ж', 'zh'],
  ['ю', 'yu'], ['Ю', 'yu'],
  ['я', 'ya'], ['Я', 'ya'],
  ['ц', 'ts'], ['Ц', 'ts'],
  ['х', 'kh'], ['Х', 'kh'],
];

/** One letter for one letter; the letters of `from` beyond the length of `to` are dropped (ъ, ь). */
export const SEARCH_KEY_LETTERS = {
  from:
    'абвгдеёзийклмнопрстуфыэәғқңөұүһі' +
    'АБВГДЕЁЗИЙКЛМНОПРСТУФЫЭӘҒҚҢӨҰҮҺІ' +
    'äöüğıñūàáâãåèéêëìíîïòóôõùúûýÿ' +
    'ÄÖÜĞİÑŪÀÁÂÃÅÈÉÊËÌÍÎÏÒÓÔÕÙÚÛÝŸ' +
    'yq' +
    'ъьЪЬ',
  to:
    'abvgdeeziiklmnoprstufieagknouuhi' +
    'abvgdeeziiklmnoprstufieagknouuhi' +
    'aouginuaaaaaeeeeiiiioooouuuii' +
    'aouginuaaaaaeeeeiiiioooouuuii' +
    'ik',
} as const;

/** Two Latin spellings of one sound, merged after the transliteration. */
export const SEARCH_KEY_MERGES: ReadonlyArray<readonly [string, string]> = [
  ['zh', 'j'],
  ['kh', 'h'],
];

const LETTERS = new Map<string, string>([...SEARCH_KEY_LETTERS.from].map((letter, i) => [letter, SEARCH_KEY_LETTERS.to[i] ?? '']));

/** The folded form of `value` that searches compare. */
export function searchKey(value: string): string {
  let key = value.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
  for (const [from, to] of SEARCH_KEY_SEQUENCES) key = key.split(from).join(to);
  key = [...key].map((letter) => LETTERS.get(letter) ?? letter).join('');
  for (const [from, to] of SEARCH_KEY_MERGES) key = key.split(from).join(to);
  return key;
}
