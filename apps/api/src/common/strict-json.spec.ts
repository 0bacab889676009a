import { MAX_JSON_DEPTH, parseStrictJson } from './strict-json';

describe('strict JSON', () => {
  it('parses ordinary bodies, brackets inside strings not counted as nesting', () => {
    expect(parseStrictJson('{"title":"[[[[{{{{ not nesting","n":[1,[2]]}')).toEqual({ title: '[[[[{{{{ not nesting', n: [1, [2]] });
  });

  it('refuses nesting beyond the limit with a 400', () => {
    const deep = '['.repeat(2000) + ']'.repeat(2000);
    expect(() => parseStrictJson(deep)).toThrow(expect.objectContaining({ statusCode: 400 }));
    const limit = '['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH);
    expect(parseStrictJson(limit)).toBeDefined();
  });

  it('refuses a NUL character in a value or a key, and malformed JSON, with a 400', () => {
    for (const text of ['{"email":"a\\u0000@b.kz"}', '{"a\\u0000":1}', '{"a":', '{"a":"b\\"}']) {
      expect(() => parseStrictJson(text)).toThrow(expect.objectContaining({ statusCode: 400 }));
    }
  });
});
