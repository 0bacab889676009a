import { describe, expect, it } from 'vitest';
import { en } from './en';
import { kk } from './kk';
import { ru } from './ru';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [nested, text] of flatten(value, path)) out.set(nested, text);
  }
  return out;
}

const languages = { en: flatten(en), kk: flatten(kk), ru: flatten(ru) };
// A placeholder may carry a formatter (`{{count, kkAblative}}`): only its name must match.
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]).sort();

/** Strings that are the same in every language on purpose. */
const SAME_EVERYWHERE = new Set(['app.name', 'language.kk', 'language.ru', 'language.en', 'participation.fromTo', 'eventAction.unknown', 'accessLog.actor.named']);

describe('translations', () => {
  it.each(['kk', 'ru'] as const)('%s has exactly the keys of en', (language) => {
    const keys = [...languages[language].keys()].sort();
    expect(keys).toEqual([...languages.en.keys()].sort());
  });

  it.each(['en', 'kk', 'ru'] as const)('%s has no empty text', (language) => {
    const empty = [...languages[language]].filter(([, text]) => !text.trim()).map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it.each(['kk', 'ru'] as const)('%s is translated, not English copied over', (language) => {
    const untranslated = [...languages[language]]
      .filter(([key, text]) => !SAME_EVERYWHERE.has(key) && text === languages.en.get(key))
      .map(([key]) => key);
    expect(untranslated).toEqual([]);
  });

  it.each(['kk', 'ru'] as const)('%s uses the same {{placeholders}} as en', (language) => {
    const mismatched = [...languages.en]
      .filter(([key, text]) => placeholders(text).join() !== placeholders(languages[language].get(key) ?? '').join())
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });
});
