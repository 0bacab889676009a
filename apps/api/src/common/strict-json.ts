/** Deeper than any body this API takes; a 2 000-deep document would otherwise exhaust the validator's recursion. */
export const MAX_JSON_DEPTH = 32;

class BadJson extends Error {
  readonly statusCode = 400;
}

/** How deep `text` nests arrays and objects, counted without parsing (strings skipped). */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') deepest = Math.max(deepest, ++depth);
    else if (char === '}' || char === ']') depth--;
  }
  return deepest;
}

/**
 * JSON as this API accepts it: nested at most MAX_JSON_DEPTH levels, and no NUL character in any
 * string or key (PostgreSQL text cannot hold one). Either is a 400 before anything else runs.
 */
export function parseStrictJson(text: string): unknown {
  if (nestingDepth(text) > MAX_JSON_DEPTH) throw new BadJson(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
  try {
    return JSON.parse(text, (key, value) => {
      if (key.includes('\u0000') || (typeof value === 'string' && value.includes('\u0000'))) {
        throw new BadJson('Text may not contain a NUL character');
      }
      return value;
    });
  } catch (error) {
    if (error instanceof BadJson) throw error;
    throw new BadJson(`Malformed JSON: ${(error as Error).message}`);
  }
}
