/**
 * Free text that other people read (an agenda item's presenter, a venue, an action item's owner)
 * may not carry the name of a community of the club (docs/domain.md, P10): it would reach readers
 * the naming rule keeps the name from. Matching ignores case, spacing and quotes; names shorter
 * than three letters are too generic to match.
 */
export function namesCommunity(text: string, communityNames: readonly string[]): boolean {
  const normal = (value: string) =>
    value
      .toLocaleLowerCase('ru')
      .replace(/["'«»“”„`]/g, '')
      .replace(/\s+/g, ' ')
      .trim();
  const haystack = normal(text);
  return communityNames.some((name) => {
    const needle = normal(name);
    return needle.length >= 3 && haystack.includes(needle);
  });
}
