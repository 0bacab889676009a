import { applyDecorators } from '@nestjs/common';
import { IsString, Matches, MaxLength } from 'class-validator';
import { searchKey } from '@dastarkhan/domain';
import { Trim } from './trim.decorator';

/**
 * A search box's text: trimmed, at most 100 characters, with at least one word of three letters or
 * more — the shortest that has a trigram, so the GIN index answers it (a shorter text is refused
 * with 400 rather than answered by reading every row).
 */
export const SearchText = () =>
  applyDecorators(
    Trim(),
    IsString(),
    MaxLength(100),
    Matches(/\S{3}/u, { message: 'search needs a word of at least three letters' }),
  );

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The SQL condition that every word of `text` occurs, folded (libs/domain `searchKey`), in one of
 * `keys` — stored `search_key(...)` columns with trigram indexes (migration 1796305400000-search);
 * `TRUE` without a text. The patterns are appended to `params`.
 */
export function searchCondition(keys: readonly string[], text: string | undefined, params: unknown[]): string {
  const words = searchKey(text ?? '').split(/\s+/u).filter(Boolean);
  if (words.length === 0) return 'TRUE';
  return words
    .map((word) => {
      params.push(`%${escapeLike(word)}%`);
      return `(${keys.map((key) => `${key} LIKE $${params.length}`).join(' OR ')})`;
    })
    .join(' AND ');
}
