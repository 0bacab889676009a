import { findConflicts, normalizeVenue, SchedulableMeeting } from './conflicts';

const CLUB = 'club-almaty';
const OTHER_CLUB = 'club-almaty-2';

let next = 0;
const meeting = (from: string, to: string, overrides: Partial<SchedulableMeeting> = {}): SchedulableMeeting => ({
  id: `m${++next}`,
  clubId: CLUB,
  startsAt: new Date(`2026-04-07T${from}:00Z`),
  endsAt: new Date(`2026-04-07T${to}:00Z`),
  status: 'scheduled',
  format: 'in_person',
  venue: null,
  venueCommunityId: null,
  ...overrides,
});

const candidate = (overrides: Partial<SchedulableMeeting> = {}) => meeting('13:00', '15:00', { id: null, ...overrides });
const kinds = (c: SchedulableMeeting, existing: SchedulableMeeting[]) => findConflicts(c, existing).map((x) => [x.kind, x.meeting.id]);

describe('findConflicts', () => {
  it('finds a meeting of the same club at an overlapping time', () => {
    const other = meeting('14:00', '16:00');
    expect(kinds(candidate(), [other])).toEqual([['club', other.id]]);
  });

  it('finds a meeting entirely inside or around the candidate', () => {
    const inside = meeting('13:30', '14:00');
    const around = meeting('12:00', '16:00');
    expect(kinds(candidate(), [inside, around])).toEqual([['club', around.id], ['club', inside.id]]);
  });

  it('does not count meetings that only touch (one ends when the other starts)', () => {
    expect(kinds(candidate(), [meeting('11:00', '13:00'), meeting('15:00', '16:00')])).toEqual([]);
  });

  it("ignores another club's meeting elsewhere at the same time", () => {
    expect(kinds(candidate({ venue: 'City hall' }), [meeting('13:00', '15:00', { clubId: OTHER_CLUB, venue: 'Library' })])).toEqual([]);
  });

  it("finds another club's meeting at the same community venue", () => {
    const other = meeting('14:00', '15:00', { clubId: OTHER_CLUB, venueCommunityId: 'mosque-1' });
    expect(kinds(candidate({ venueCommunityId: 'mosque-1' }), [other])).toEqual([['venue', other.id]]);
    expect(kinds(candidate({ venueCommunityId: 'church-2' }), [other])).toEqual([]);
  });

  it('compares free-text venues without case or spacing', () => {
    const other = meeting('14:00', '15:00', { clubId: OTHER_CLUB, venue: '  Main   HALL ' });
    expect(kinds(candidate({ venue: 'main hall' }), [other])).toEqual([['venue', other.id]]);
    expect(kinds(candidate({ venue: 'MainHall' }), [other])).toEqual([['venue', other.id]]);
    expect(kinds(candidate({ venue: 'Small hall' }), [other])).toEqual([]);
    expect(normalizeVenue(' Дом  Дружбы ')).toBe('домдружбы');
  });

  it('does not match a free-text venue against a community venue, nor two empty venues', () => {
    const other = meeting('14:00', '15:00', { clubId: OTHER_CLUB, venueCommunityId: 'mosque-1', venue: null });
    expect(kinds(candidate({ venue: 'mosque-1' }), [other])).toEqual([]);
    expect(kinds(candidate(), [meeting('14:00', '15:00', { clubId: OTHER_CLUB })])).toEqual([]);
    expect(kinds(candidate({ venue: '   ' }), [meeting('14:00', '15:00', { clubId: OTHER_CLUB, venue: '' })])).toEqual([]);
  });

  it('reports a meeting clashing on club and venue once, as a club conflict', () => {
    const other = meeting('14:00', '15:00', { venue: 'Main hall' });
    expect(kinds(candidate({ venue: 'Main hall' }), [other])).toEqual([['club', other.id]]);
  });

  it('ignores cancelled meetings', () => {
    expect(kinds(candidate(), [meeting('14:00', '15:00', { status: 'cancelled' })])).toEqual([]);
  });

  it('a cancelled candidate conflicts with nothing', () => {
    expect(kinds(candidate({ status: 'cancelled' }), [meeting('14:00', '15:00')])).toEqual([]);
  });

  it('online meetings have no venue conflict, but still a club conflict', () => {
    const elsewhere = meeting('14:00', '15:00', { clubId: OTHER_CLUB, venue: 'Main hall', format: 'online' });
    expect(kinds(candidate({ venue: 'Main hall' }), [elsewhere])).toEqual([]);
    expect(kinds(candidate({ venue: 'Main hall', format: 'online' }), [{ ...elsewhere, format: 'in_person' }])).toEqual([]);
    const sameClub = meeting('14:00', '15:00', { format: 'online' });
    expect(kinds(candidate({ format: 'online' }), [sameClub])).toEqual([['club', sameClub.id]]);
  });

  it('hybrid meetings have a venue', () => {
    const other = meeting('14:00', '15:00', { clubId: OTHER_CLUB, venue: 'Main hall', format: 'hybrid' });
    expect(kinds(candidate({ venue: 'main hall', format: 'hybrid' }), [other])).toEqual([['venue', other.id]]);
  });

  it('an edited meeting does not conflict with itself', () => {
    const stored = meeting('13:00', '15:00');
    expect(kinds({ ...stored, startsAt: new Date('2026-04-07T13:30:00Z') }, [stored])).toEqual([]);
  });
});
