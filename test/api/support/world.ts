import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import type { Response } from 'supertest';
import type { Factories, TestCity, TestClub, TestCommunity, TestUser } from './factories';
import type { TestApp } from './test-app';

/**
 * A small generated dataset for the access proofs (test/api/access): one region with club A and
 * another region with club B, every kind of caller signed in, and in club A one community of each
 * kind the privacy rules tell apart (docs/domain.md, chapter 4), with meetings, an action item,
 * projects, a decision and its appeal, a review, a sponsorship, a registration claim and the
 * notifications and emails those steps leave behind.
 *
 * Every name is distinctive — `Zq<tag> …` for communities, `Zq <Title> <Name> <tag>` for people,
 * `Zq Leader|Place … <tag>` for what P4 protects — so that a substring search in any answer says
 * exactly which community or person it shows. Most of it is made through the real HTTP API (so
 * notifications and the email outbox fill themselves); the rest with the factories' SQL.
 *
 * Deterministic apart from the random tag and "now": the same recipe, the same records. `size`
 * repeats the club-A recipe in more clubs of region A (the first scene is the one the named fields
 * point to); a later issue scales it.
 */

/** The kinds of caller every proof walks through (the access matrix's columns). */
export const CALLER_KINDS = [
  'anonymous',
  'administrator',
  'coordinatorOfClub',
  'coordinatorOfOtherClub',
  'representativeOfCommunity',
  'representativeOfOtherCommunity',
  'representativeOfMember',
  'officialOfRegion',
  'officialOfOtherRegion',
  'nationalOfficial',
] as const;
export type CallerKind = (typeof CALLER_KINDS)[number];

/** What each caller kind is in plain words (the matrix's column headers). */
export const CALLER_LABELS: Record<CallerKind, string> = {
  anonymous: 'anonymous',
  administrator: 'administrator',
  coordinatorOfClub: 'coordinator of this club',
  coordinatorOfOtherClub: 'coordinator of another club',
  representativeOfCommunity: 'representative of this community',
  representativeOfOtherCommunity: 'representative of another community',
  representativeOfMember: 'representative of a member community of the same club',
  officialOfRegion: 'official of this region',
  officialOfOtherRegion: 'official of another region',
  nationalOfficial: 'national official',
};

/** The keys of the communities one club scene holds (see `Scene`). */
export const COMMUNITY_KEYS = ['hidden', 'member', 'candidate', 'publicObserver', 'applicant', 'declined', 'withdrawn', 'claimant'] as const;
export type CommunityKey = (typeof COMMUNITY_KEYS)[number];

export interface WorldCommunity extends TestCommunity {
  /** Its representative (a person with a distinctive display name). */
  representative: TestUser;
  /** Its participation in the scene's club (or club B for the other community). */
  participationId: string;
  /** Leaders' names and meeting place: the details P4 keeps to the community and its coordinators. */
  leaders: string;
  meetingPlace: string;
  /** The facts the privacy rules read, as the world made them. */
  facts: { registered: boolean; isPublic: boolean; consent: boolean; status: string; clubId: string };
}

/** One club of region A with one community of every kind the rules tell apart. */
export interface Scene {
  index: number;
  club: TestClub;
  coordinator: TestUser;
  /** P: not registered, not public, no consent; observer (the protected community). */
  hidden: WorldCommunity;
  /** M: registered (verified) member. */
  member: WorldCommunity;
  /** C: not registered, consents to officials; candidate (nominated through the API). */
  candidate: WorldCommunity;
  /** Not registered, chose to be public; observer. */
  publicObserver: WorldCommunity;
  /** Not registered; its application is pending. */
  applicant: WorldCommunity;
  /** Not registered, no consent; nominated, then declined (decision) and appealed. */
  declined: WorldCommunity;
  /** Not registered; applied, then withdrew. */
  withdrawn: WorldCommunity;
  /** Not registered, no consent; observer that filed a registration claim (pending). */
  claimant: WorldCommunity;
  meetings: {
    /** Public, in ten days, at P's place, agenda item presented by P, RSVPs by P and M. */
    publicMeeting: string;
    /** Club-only, starts in half an hour (attendance is open), agenda item presented by P, attendance of P and M. */
    clubMeeting: string;
  };
  /** Owned by P, created at the club meeting. */
  actionItemId: string;
  projects: {
    /** Active, led by P, M a confirmed partner, both contributions confirmed. */
    active: { id: string; contributions: { hidden: string; member: string }; milestoneId: string };
    /** Completed and public, led by M, P a confirmed partner, both contributions confirmed. */
    completedPublic: { id: string; contributions: { hidden: string; member: string } };
  };
  /** The decline of D, and D's appeal of it. */
  decisionId: string;
  appealId: string;
  /** A concern of the region's official on C, answered by C's representative. */
  reviewId: string;
  /** M sponsors P. */
  sponsorshipId: string;
  /** K's pending claim to be registered. */
  claimId: string;
}

export interface World {
  tag: string;
  size: number;
  cityA: TestCity;
  cityB: TestCity;
  clubA: TestClub;
  clubB: TestClub;
  administrator: TestUser;
  coordinatorA: TestUser;
  coordinatorB: TestUser;
  officialA: TestUser;
  officialB: TestUser;
  nationalOfficial: TestUser;
  /** The first scene's communities (club A), by key. */
  hidden: WorldCommunity;
  member: WorldCommunity;
  candidate: WorldCommunity;
  publicObserver: WorldCommunity;
  applicant: WorldCommunity;
  declined: WorldCommunity;
  withdrawn: WorldCommunity;
  claimant: WorldCommunity;
  /** O: not registered, no consent; observer of club B only (the "other community"). */
  other: WorldCommunity;
  /** A club-only meeting of club B. */
  clubBMeeting: string;
  topicId: string;
  holidayId: string;
  observanceId: string;
  /** Scene 0 is club A; more with `size`. */
  scenes: Scene[];
  /** Every caller kind, "this community" being P and "this club" A. */
  callers: Record<CallerKind, TestUser | null>;
  /** Every world community (all scenes and O). */
  communities: WorldCommunity[];
}

const DAY = 24 * 3600 * 1000;
/** An Almaty calendar date `days` from today. */
export const almatyDay = (days: number) => new Date(Date.now() + 5 * 3600 * 1000 + days * DAY).toISOString().slice(0, 10);

/** Per community key: the words of its name and its representative's title and name. */
const RECIPE: Record<CommunityKey | 'other', { name: string; person: string; tradition: string }> = {
  hidden: { name: 'Hidden Fellowship', person: 'Pastor Aigerim', tradition: 'evangelical_protestant' },
  member: { name: 'Central Mosque', person: 'Imam Daulet', tradition: 'sunni_islam' },
  candidate: { name: 'Consenting Church', person: 'Pastor Gulnara', tradition: 'lutheran' },
  publicObserver: { name: 'Public Sangha', person: 'Lama Ermek', tradition: 'buddhism' },
  applicant: { name: 'Pending Witnesses', person: 'Brother Farid', tradition: 'jehovahs_witnesses' },
  declined: { name: 'Declined Congregation', person: 'Minister Zhanna', tradition: 'evangelical_protestant' },
  withdrawn: { name: 'Withdrawn Circle', person: 'Elder Kairat', tradition: 'other' },
  claimant: { name: 'Claimant Parish', person: 'Father Lev', tradition: 'catholic' },
  other: { name: 'Riverside Assembly', person: 'Elder Bolat', tradition: 'bahai' },
};

type Api = TestApp['api'];

/** A call through the real API that must succeed (its body), with the failure spelled out otherwise. */
async function ok(request: Promise<Response> | PromiseLike<Response>, expected: number, what: string): Promise<Response['body']> {
  const response = await request;
  if (response.status !== expected) {
    throw new Error(`world: ${what} answered ${response.status} (expected ${expected}): ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

export async function seedWorld(f: Factories, app: Pick<TestApp, 'api' | 'db'>, options: { size?: number } = {}): Promise<World> {
  const { api, db } = app;
  const size = Math.max(1, options.size ?? 1);
  const tag = randomBytes(4).toString('hex');
  const [cityA, cityB] = [await f.newCity(), await f.newCity()];
  const clubB = await f.newClub({ city: cityB, name: `Zq${tag} Club B` });

  const [administrator, coordinatorB, officialA, officialB, nationalOfficial] = await Promise.all([
    f.newUser({ role: 'administrator', displayName: `Zq Staff Administrator ${tag}` }),
    f.newUser({ role: 'coordinator', clubId: clubB.id, displayName: `Zq Staff Coordinator B ${tag}` }),
    f.newUser({ role: 'official', region: cityA.regionCode, displayName: `Zq Staff Official A ${tag}` }),
    f.newUser({ role: 'official', region: cityB.regionCode, displayName: `Zq Staff Official B ${tag}` }),
    f.newUser({ role: 'official', region: null, displayName: `Zq Staff National Official ${tag}` }),
  ]);

  // National records the administrator keeps: a topic and a holiday.
  const topic = await ok(
    api.post('/api/topics').set(administrator.auth).send({ code: `zq_${tag}_topic`, name: { kk: `Zq тақырып ${tag}`, ru: `Zq тема ${tag}`, en: `Zq topic ${tag}` } }),
    201,
    'create a topic',
  );
  const holiday = await ok(
    api.post('/api/holidays').set(administrator.auth).send({
      code: `zq_${tag}_day`,
      tradition: 'bahai',
      // Far from any meeting a suite schedules: a holiday adds a warning to meetings on its day.
      date: '2031-07-15',
      name: { kk: `Zq мереке ${tag}`, ru: `Zq праздник ${tag}`, en: `Zq holiday ${tag}` },
    }),
    201,
    'create a holiday',
  );
  // A weekly observance of a tradition no scene's community has: it warns of no meeting a suite schedules.
  const observance = await ok(
    api.post('/api/weekly-observances').set(administrator.auth).send({
      code: `zq_${tag}_vigil`,
      tradition: 'bahai',
      weekday: 3,
      startTime: '05:00',
      endWeekday: 3,
      endTime: '06:00',
      name: { kk: `Zq ғибадат ${tag}`, ru: `Zq служба ${tag}`, en: `Zq vigil ${tag}` },
    }),
    201,
    'create a weekly observance',
  );

  const makeCommunity = async (
    key: CommunityKey | 'other',
    prefix: string,
    options: { registered?: boolean; isPublic?: boolean; consent?: boolean },
  ): Promise<Omit<WorldCommunity, 'participationId' | 'facts'>> => {
    const recipe = RECIPE[key];
    const community = await f.newCommunity({
      name: `${prefix} ${recipe.name}`,
      registered: options.registered,
      isPublic: options.isPublic,
      consent: options.consent,
      tradition: recipe.tradition as never,
    });
    const first = recipe.person.split(' ')[1];
    // Scene 0: "<tag>"; scene n: "s<n> <tag>" — no person's name is a substring of another's.
    const scene = prefix.slice(2 + tag.length);
    const suffix = scene ? `${scene} ${tag}` : tag;
    const leaders = `Zq Leader ${first} ${suffix}`;
    const meetingPlace = `Zq Place ${first} ${suffix}`;
    await db.query(`UPDATE communities SET leaders = $2, meeting_place = $3 WHERE id = $1`, [community.id, leaders, meetingPlace]);
    const representative = await f.newUser({ role: 'representative', communityId: community.id, displayName: `Zq ${recipe.person} ${suffix}` });
    return { ...community, representative, leaders, meetingPlace };
  };

  // The other community: an observer of club B only.
  const otherBase = await makeCommunity('other', `Zq${tag}`, {});
  const otherParticipation = await f.newParticipation({ clubId: clubB.id, communityId: otherBase.id, status: 'observer' });
  const other: WorldCommunity = {
    ...otherBase,
    participationId: otherParticipation.id,
    facts: { registered: false, isPublic: false, consent: false, status: 'observer', clubId: clubB.id },
  };
  const clubBMeeting = (
    await ok(
      api
        .post(`/api/clubs/${clubB.id}/meetings`)
        .set(coordinatorB.auth)
        .send(
          meetingBody({
            title: `Club B members' evening ${tag}`,
            startsInMinutes: 3 * 24 * 60,
            visibility: 'club',
            topicIds: [topic.id],
            agenda: [],
            venue: `Riverside library (${tag})`,
          }),
        ),
      201,
      'schedule a club-only meeting of club B',
    )
  )[0].id as string;

  const scenes: Scene[] = [];
  for (let index = 0; index < size; index++) {
    scenes.push(await seedScene({ f, api, db, tag, index, cityA, topicId: topic.id, administrator, officialA, makeCommunity }));
  }
  const first = scenes[0];
  const callers: Record<CallerKind, TestUser | null> = {
    anonymous: null,
    administrator,
    coordinatorOfClub: first.coordinator,
    coordinatorOfOtherClub: coordinatorB,
    representativeOfCommunity: first.hidden.representative,
    representativeOfOtherCommunity: other.representative,
    representativeOfMember: first.member.representative,
    officialOfRegion: officialA,
    officialOfOtherRegion: officialB,
    nationalOfficial,
  };
  return {
    tag,
    size,
    cityA,
    cityB,
    clubA: first.club,
    clubB,
    administrator,
    coordinatorA: first.coordinator,
    coordinatorB,
    officialA,
    officialB,
    nationalOfficial,
    hidden: first.hidden,
    member: first.member,
    candidate: first.candidate,
    publicObserver: first.publicObserver,
    applicant: first.applicant,
    declined: first.declined,
    withdrawn: first.withdrawn,
    claimant: first.claimant,
    other,
    clubBMeeting,
    topicId: topic.id,
    holidayId: holiday.id,
    observanceId: observance.id,
    scenes,
    callers,
    communities: [...scenes.flatMap((scene) => COMMUNITY_KEYS.map((key) => scene[key])), other],
  };
}

/** A meeting as a coordinator schedules it (MeetingInputDto). */
export function meetingBody(options: {
  title: string;
  startsInMinutes: number;
  visibility: 'public' | 'club';
  topicIds: string[];
  agenda: Array<{ title: string; presenter?: string; presenterCommunityId?: string }>;
  /** Free text (unique per world: venues are booked across clubs), or the community whose place it is. */
  venue?: string;
  venueCommunityId?: string;
}) {
  const startsAt = new Date(Date.now() + options.startsInMinutes * 60_000);
  startsAt.setUTCSeconds(0, 0);
  return {
    title: options.title,
    description: 'Reports on the joint projects, then the topic of the month.',
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 120 * 60_000).toISOString(),
    format: 'in_person',
    ...(options.venueCommunityId ? { venueCommunityId: options.venueCommunityId } : { venue: options.venue }),
    visibility: options.visibility,
    topicIds: options.topicIds,
    agenda: options.agenda,
    acknowledgeWarnings: true,
  };
}

interface SceneContext {
  f: Factories;
  api: Api;
  db: Pool;
  tag: string;
  index: number;
  cityA: TestCity;
  topicId: string;
  administrator: TestUser;
  officialA: TestUser;
  makeCommunity: (
    key: CommunityKey | 'other',
    prefix: string,
    options: { registered?: boolean; isPublic?: boolean; consent?: boolean },
  ) => Promise<Omit<WorldCommunity, 'participationId' | 'facts'>>;
}

/** One club of region A, by the recipe (scene 0 is "club A"). */
async function seedScene(ctx: SceneContext): Promise<Scene> {
  const { f, api, tag, index, cityA, topicId, officialA, makeCommunity } = ctx;
  const prefix = index === 0 ? `Zq${tag}` : `Zq${tag}s${index}`;
  const club = await f.newClub({ city: cityA, name: `${prefix} Club A` });
  const coordinator = await f.newUser({ role: 'coordinator', clubId: club.id, displayName: `Zq Staff Coordinator A${index} ${tag}` });
  const co = coordinator.auth;

  const [hiddenBase, memberBase, candidateBase, publicBase, applicantBase, declinedBase, withdrawnBase, claimantBase] = await Promise.all([
    makeCommunity('hidden', prefix, {}),
    makeCommunity('member', prefix, { registered: true }),
    makeCommunity('candidate', prefix, { consent: true }),
    makeCommunity('publicObserver', prefix, { isPublic: true }),
    makeCommunity('applicant', prefix, {}),
    makeCommunity('declined', prefix, {}),
    makeCommunity('withdrawn', prefix, {}),
    makeCommunity('claimant', prefix, {}),
  ]);

  // Applications through the API: the coordinators hear of each (application_received).
  const apply = async (c: { id: string; representative: TestUser }) =>
    (await ok(
      api
        .post(`/api/clubs/${club.id}/applications`)
        .set(c.representative.auth)
        .send({ communityId: c.id, statement: 'We would like to meet our neighbours of other faiths and help with the city.' }),
      201,
      'apply',
    )) as { id: string; version: number };
  const transition = async (participation: { id: string; version: number }, user: TestUser, action: string, reason?: string) =>
    (await ok(
      api.post(`/api/participations/${participation.id}/transitions`).set(user.auth).send({ action, version: participation.version, ...(reason ? { reason } : {}) }),
      200,
      `transition ${action}`,
    )) as { id: string; version: number };

  const hiddenP = await transition(await apply(hiddenBase), coordinator, 'accept');
  const memberApplied = await apply(memberBase);
  await ok(
    api.post(`/api/participations/${memberApplied.id}/decisions`).set(co).send({
      outcome: 'admit',
      reasonCode: 'registered_community',
      reasonText: 'A registered community of the city; welcome to the club.',
      version: memberApplied.version,
    }),
    200,
    'admit the registered community',
  );
  // Nominations tell the region's officials (by name only where the community consents).
  const candidateP = await transition(await transition(await apply(candidateBase), coordinator, 'accept'), coordinator, 'nominate');
  const declinedNominated = await transition(await transition(await apply(declinedBase), coordinator, 'accept'), coordinator, 'nominate');
  const decided = await ok(
    api.post(`/api/participations/${declinedNominated.id}/decisions`).set(co).send({
      outcome: 'decline',
      reasonCode: 'club_charter',
      reasonText: 'The club charter asks for a description of the community’s activities.',
      version: declinedNominated.version,
    }),
    200,
    'decline the nominated community',
  );
  const decisionId: string = decided.decision.id;
  const appealed = await ok(
    api.post(`/api/decisions/${decisionId}/appeal`).set(declinedBase.representative.auth).send({ text: 'We described our activities in the statement; please look again.' }),
    201,
    'appeal the decline',
  );
  const appealId: string = appealed.appeal.id;
  const withdrawnP = await transition(await apply(withdrawnBase), withdrawnBase.representative, 'withdraw', 'We will apply again next year.');
  const applicantP = await apply(applicantBase);
  const publicP = await f.newParticipation({ clubId: club.id, communityId: publicBase.id, status: 'observer' });
  const claimantP = await f.newParticipation({ clubId: club.id, communityId: claimantBase.id, status: 'observer' });

  const community = (
    base: Omit<WorldCommunity, 'participationId' | 'facts'>,
    participationId: string,
    status: string,
    facts: { registered?: boolean; isPublic?: boolean; consent?: boolean },
  ): WorldCommunity => ({
    ...base,
    participationId,
    facts: { registered: !!facts.registered, isPublic: !!facts.isPublic, consent: !!facts.consent, status, clubId: club.id },
  });
  const hidden = community(hiddenBase, hiddenP.id, 'observer', {});
  const member = community(memberBase, memberApplied.id, 'member', { registered: true });
  const candidate = community(candidateBase, candidateP.id, 'candidate', { consent: true });
  const publicObserver = community(publicBase, publicP.id, 'observer', { isPublic: true });
  const applicant = community(applicantBase, applicantP.id, 'applied', {});
  const declined = community(declinedBase, declinedNominated.id, 'declined', {});
  const withdrawn = community(withdrawnBase, withdrawnP.id, 'withdrawn', {});
  const claimant = community(claimantBase, claimantP.id, 'observer', {});

  // K claims to be registered: the verification queue of region A's officials and the administrator.
  const claimed = await ok(
    api.patch(`/api/communities/${claimant.id}`).set(claimant.representative.auth).send({
      version: 1,
      registrationStatus: 'registered',
      registrationNumber: `ZQ-${tag}-${index}`,
      registrationDate: '2026-02-01',
      registrationIssuingBody: 'Department of Justice',
    }),
    200,
    'file a registration claim',
  );
  const claimId: string = claimed.registrationClaim.id;

  // The official's concern on C, and C's answer.
  const review = await ok(
    api.post(`/api/participations/${candidate.participationId}/reviews`).set(officialA.auth).send({
      verdict: 'concern',
      text: 'The community has not yet described its youth work to the club.',
    }),
    201,
    'review the candidacy',
  );
  await ok(
    api.post(`/api/reviews/${review.id}/responses`).set(candidate.representative.auth).send({ text: 'Our youth group meets on Saturdays; the programme is attached.' }),
    201,
    'answer the review',
  );

  // M vouches for P.
  const sponsorship = await ok(
    api.post(`/api/participations/${hidden.participationId}/sponsorships`).set(member.representative.auth).send({
      communityId: member.id,
      statement: 'They carried coats with us all winter and keep their word.',
    }),
    201,
    'sponsor the observer',
  );

  // Meetings: a public one at P's place presented by P, and a club-only one about to start (attendance opens an hour before).
  const [publicMeeting] = await ok(
    api.post(`/api/clubs/${club.id}/meetings`).set(co).send(
      meetingBody({
        title: `Open evening ${tag}`,
        startsInMinutes: 10 * 24 * 60,
        visibility: 'public',
        topicIds: [topicId],
        venueCommunityId: hidden.id,
        agenda: [
          { title: 'What our young people see online', presenterCommunityId: hidden.id },
          { title: 'Welcome', presenter: 'A social worker of the district' },
        ],
      }),
    ),
    201,
    'schedule the public meeting',
  );
  const [clubMeeting] = await ok(
    api.post(`/api/clubs/${club.id}/meetings`).set(co).send(
      meetingBody({
        title: `Working meeting ${tag}`,
        startsInMinutes: 30,
        venue: `Community centre, hall ${index + 1} (${tag})`,
        visibility: 'club',
        topicIds: [topicId],
        agenda: [{ title: 'Report on the clean-up', presenterCommunityId: hidden.id }],
      }),
    ),
    201,
    'schedule the club meeting',
  );
  for (const c of [hidden, member]) {
    await ok(
      api.put(`/api/meetings/${publicMeeting.id}/rsvp`).set(c.representative.auth).send({ communityId: c.id, answer: 'yes', attendees: 3 }),
      200,
      'answer the invitation',
    );
    await ok(api.put(`/api/meetings/${clubMeeting.id}/attendance/${c.id}`).set(co).send({ status: 'present' }), 200, 'record attendance');
  }
  await ok(
    api.put(`/api/meetings/${clubMeeting.id}/minutes`).set(co).send({
      minutes: 'The clean-up went well; the club agreed to hold an open evening.',
      decisions: ['Hold an open evening next month.'],
      publish: true,
      version: 0,
    }),
    200,
    'publish the minutes',
  );
  const actionItem = await ok(
    api.post(`/api/meetings/${clubMeeting.id}/action-items`).set(co).send({ title: 'Find a hall for the open evening', ownerCommunityId: hidden.id, dueDate: almatyDay(20) }),
    201,
    'create the action item',
  );

  // Projects: an active one led by P with M, and a completed public one led by M with P.
  const project = async (lead: WorldCommunity, partner: WorldCommunity, title: string) => {
    const proposed = await ok(
      api.post(`/api/clubs/${club.id}/projects`).set(lead.representative.auth).send({
        communityId: lead.id,
        title,
        description: 'Communities of the club work on it together, each with its own volunteers.',
        category: 'cleanup',
        startsOn: almatyDay(-20),
        visibility: 'public',
      }),
      201,
      'propose a project',
    );
    await ok(api.post(`/api/projects/${proposed.id}/transitions`).set(co).send({ action: 'approve', version: proposed.version }), 200, 'approve the project');
    await ok(api.post(`/api/projects/${proposed.id}/participants`).set(partner.representative.auth).send({ communityId: partner.id }), 201, 'join the project');
    await ok(api.post(`/api/projects/${proposed.id}/participants/${partner.id}/decision`).set(co).send({ decision: 'confirm' }), 200, 'confirm the partner');
    const contributions: Record<string, string> = {};
    for (const [c, role] of [
      [lead, 'lead'],
      [partner, 'partner'],
    ] as const) {
      const line = await ok(
        api.post(`/api/projects/${proposed.id}/contributions`).set(c.representative.auth).send({ communityId: c.id, role, volunteers: 4, hours: 12 }),
        201,
        'enter a contribution',
      );
      await ok(api.post(`/api/projects/${proposed.id}/contributions/${line.id}/review`).set(co).send({ decision: 'confirm', version: line.version }), 200, 'confirm a contribution');
      contributions[c === hidden ? 'hidden' : 'member'] = line.id;
    }
    return { id: proposed.id as string, contributions: contributions as { hidden: string; member: string } };
  };
  const active = await project(hidden, member, `River bank clean-up ${tag}`);
  const milestone = await ok(api.post(`/api/projects/${active.id}/milestones`).set(co).send({ title: 'Permit from the akimat' }), 201, 'add a milestone');
  const completedPublic = await project(member, hidden, `Winter coats drive ${tag}`);
  const { version } = await ok(api.get(`/api/projects/${completedPublic.id}`).set(co), 200, 'read the project');
  await ok(
    api.post(`/api/projects/${completedPublic.id}/complete`).set(co).send({ version, summary: 'Coats sorted and delivered to the night shelter.', figures: [], photoLinks: [] }),
    200,
    'complete the project',
  );

  return {
    index,
    club,
    coordinator,
    hidden,
    member,
    candidate,
    publicObserver,
    applicant,
    declined,
    withdrawn,
    claimant,
    meetings: { publicMeeting: publicMeeting.id, clubMeeting: clubMeeting.id },
    actionItemId: actionItem.id,
    projects: { active: { ...active, milestoneId: milestone.id }, completedPublic },
    decisionId,
    appealId,
    reviewId: review.id,
    sponsorshipId: sponsorship.id,
    claimId,
  };
}
