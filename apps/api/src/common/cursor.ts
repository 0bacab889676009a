import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ValidationFailed } from './validation';

/** A query's `after`: the previous page's `nextAfter`, an opaque base64url cursor. */
export const PageCursor = () =>
  applyDecorators(
    ApiPropertyOptional({ maxLength: 600, description: "The previous page's `nextAfter`" }),
    IsOptional(),
    IsString(),
    MaxLength(600),
    Matches(/^[A-Za-z0-9_-]+$/, { message: 'after must be a page cursor' }),
  );

/** A page cursor of a list ordered by name: the last row's name and id, opaque to the client. */
export const encodeNameCursor = (name: string, id: string) => Buffer.from(JSON.stringify([name, id])).toString('base64url');

/** The name and id of a cursor from `encodeNameCursor`; anything else is a 400 on `after`. */
export function decodeNameCursor(cursor: string): [string, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && /^[0-9a-f-]{36}$/i.test(String(value[1]))) {
      return [value[0], value[1] as string];
    }
  } catch {
    // Not ours: answered below.
  }
  throw new ValidationFailed({ after: 'after must be the nextAfter of a previous page' });
}
