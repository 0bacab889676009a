import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';

/** ASVS V2.1.1: at least 12 characters; V2.1.2: long passphrases welcome. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

/** zxcvbn's score (0–4) a new password must reach: 3 = "safely unguessable" for online attacks. */
const MIN_SCORE = 3;

/**
 * Common Kazakh and Russian passwords and words zxcvbn's dictionaries lack, in Cyrillic and in the
 * Latin spellings people type on an English keyboard, and the service's own name.
 */
export const KAZAKH_RUSSIAN_WORDS = [
  'parol', 'пароль', 'qwerty', 'йцукен', 'йцукенгшщз', 'фывапролдж', 'ячсмить', 'privet', 'привет', 'lyubov', 'любовь',
  'kazakhstan', 'qazaqstan', 'казахстан', 'қазақстан', 'almaty', 'алматы', 'astana', 'астана', 'nursultan', 'нурсултан',
  'shymkent', 'шымкент', 'karaganda', 'караганда', 'aktobe', 'актобе', 'atyrau', 'атырау', 'aktau', 'актау',
  'salem', 'сәлем', 'салем', 'mahabbat', 'махаббат', 'zhanym', 'жаным', 'bakyt', 'бақыт', 'бахыт', 'kairat', 'кайрат',
  'aigerim', 'айгерим', 'aizhan', 'айжан', 'nurlan', 'нурлан', 'askar', 'аскар', 'dinara', 'динара', 'aruzhan', 'аружан',
  'natasha', 'наташа', 'sasha', 'саша', 'masha', 'маша', 'olga', 'ольга', 'dmitriy', 'дмитрий', 'sergey', 'сергей',
  'solnyshko', 'солнышко', 'zaichik', 'зайчик', 'kotik', 'котик', 'allah', 'аллах', 'bismillah', 'бисмиллах', 'iisus', 'иисус',
  'khristos', 'христос', 'bog', 'бог', 'molitva', 'молитва', 'tserkov', 'церковь', 'mechet', 'мечеть', 'qudai', 'құдай', 'кудай',
  'dastarkhan', 'дастархан', 'dastarhan',
];

let checker: ZxcvbnFactory | undefined;

/** Built on first use (the dictionaries take a moment to load). */
function zxcvbn(): ZxcvbnFactory {
  checker ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary, kazakhRussian: KAZAKH_RUSSIAN_WORDS },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  });
  return checker;
}

/**
 * Whether a new password is too easy to guess (ASVS V2.1.7): a common or breached password, a
 * dictionary word with small changes, a keyboard pattern, or built from the person's own details
 * (`personal`: email, names). The length is the DTO's to check.
 */
export function isGuessable(password: string, personal: readonly string[] = []): boolean {
  const inputs = personal.flatMap((value) => [value, ...value.toLowerCase().split(/[^\p{L}\p{N}]+/u)]).filter((v) => v.length >= 3);
  return zxcvbn().check(password, inputs).score < MIN_SCORE;
}
