import { Transform } from 'class-transformer';

/** Trims a string before validation, so a value of blanks fails its length check instead of being stored empty. */
export const Trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
