import { namesCommunity } from './free-text';

describe('free text that names a community', () => {
  const names = ['Grace Evangelical Fellowship', 'Церковь «Новая жизнь»', 'Ok'];

  it('finds a name whatever its case, spacing or quotes', () => {
    expect(namesCommunity('Pastor of GRACE   evangelical fellowship', names)).toBe(true);
    expect(namesCommunity('Выступает Церковь "Новая Жизнь"', names)).toBe(true);
  });

  it('lets other text through, and ignores names too short to mean anything', () => {
    expect(namesCommunity('A social worker from the city', names)).toBe(false);
    expect(namesCommunity('Okay, the coordinator', names)).toBe(false);
    expect(namesCommunity('', names)).toBe(false);
  });
});
