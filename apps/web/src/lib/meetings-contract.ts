/**
 * TEMPORARY: the meetings API as docs/meetings-contract.md describes it, in the shape
 * openapi-typescript generates, for routes the generated client does not have yet. `api-schema.ts`
 * prefers the generated definitions wherever they exist, so this file only fills gaps and is
 * deleted once the backend's routes have all landed in libs/api-client.
 */
import type { components } from '@dastarkhan/api-client';

type S = components['schemas'];
type Tradition = S['Tradition'];
type CommunityRef = S['CommunityRefDto'];
type LocalizedText = S['LocalizedTextDto'];

interface Json<T> {
  content: { 'application/json': T };
}
type Op<Path, Query, Body, Response> = {
  parameters: { query?: Query; header?: never; cookie?: never } & ([Path] extends [never] ? { path?: never } : { path: Path });
  responses: { 200: { headers: Record<string, unknown> } & Json<Response>; 201: { headers: Record<string, unknown> } & Json<Response> };
} & ([Body] extends [never] ? { requestBody?: never } : { requestBody: Json<Body> });
type Id = { id: string };
type ClubId = { clubId: string };

export interface ContractSchemas {
  TopicDto: { id: string; code: string; name: LocalizedText; archived: boolean };
  CreateTopicDto: { code: string; name: LocalizedText };
  UpdateTopicDto: { name?: LocalizedText; archived?: boolean };
  HolidayDto: { id: string; code: string; tradition: Tradition | null; date: string; days: number; name: LocalizedText };
  CreateHolidayDto: { code: string; tradition?: Tradition | null; date: string; days: number; name: LocalizedText };
  UpdateHolidayDto: { code?: string; tradition?: Tradition | null; date?: string; days?: number; name?: LocalizedText };
  AgendaItemInputDto: { title: string; presenter?: string };
  AgendaItemDto: { id: string; position: number; title: string; presenter: string | null };
  RecurrenceInputDto: { rrule: string };
  MeetingInputDto: {
    title: string;
    description?: string;
    startsAt: string;
    endsAt: string;
    format: 'in_person' | 'online' | 'hybrid';
    onlineLink?: string;
    venue?: string;
    venueCommunityId?: string;
    visibility: 'public' | 'club';
    topicIds: string[];
    agenda: ContractSchemas['AgendaItemInputDto'][];
    recurrence?: ContractSchemas['RecurrenceInputDto'];
    acknowledgeWarnings?: boolean;
  };
  UpdateMeetingDto: Partial<Omit<ContractSchemas['MeetingInputDto'], 'recurrence'>> & { scope: 'occurrence' | 'series'; version: number };
  CancelMeetingDto: { scope: 'occurrence' | 'series'; reason: string; version: number };
  MeetingConflictDto: { kind: 'club' | 'venue'; meetingId: string; title: string; startsAt: string; endsAt: string };
  MeetingWarningDto: { kind: 'friday_prayer' | 'holiday'; date: string; holiday?: ContractSchemas['HolidayDto']; traditions: Tradition[] };
  MeetingCheckDto: { conflicts: ContractSchemas['MeetingConflictDto'][]; warnings: ContractSchemas['MeetingWarningDto'][] };
  MeetingDto: {
    id: string;
    clubId: string;
    clubName: string;
    seriesId: string | null;
    detached: boolean;
    title: string;
    description: string;
    startsAt: string;
    endsAt: string;
    format: 'in_person' | 'online' | 'hybrid';
    onlineLink: string | null;
    venue: string | null;
    venueCommunity: CommunityRef | null;
    visibility: 'public' | 'club';
    status: 'scheduled' | 'cancelled';
    cancelReason: string | null;
    topics: ContractSchemas['TopicDto'][];
    agenda: ContractSchemas['AgendaItemDto'][];
    version: number;
    checkInCode: string | null;
    viewerIsCoordinator: boolean;
    viewerCanRsvp: boolean;
    warnings: ContractSchemas['MeetingWarningDto'][];
  };
  MeetingSummaryDto: {
    id: string;
    clubId: string;
    title: string;
    startsAt: string;
    endsAt: string;
    status: 'scheduled' | 'cancelled';
    visibility: 'public' | 'club';
    format: 'in_person' | 'online' | 'hybrid';
    venue: string | null;
    topics: ContractSchemas['TopicDto'][];
    seriesId: string | null;
  };
  CalendarTokenDto: { url: string };
  RsvpInputDto: { communityId: string; answer: 'yes' | 'no' | 'maybe'; attendees: number };
  RsvpDto: { communityId: string; communityName: string; answer: 'yes' | 'no' | 'maybe'; attendees: number; updatedAt: string };
  RsvpCountsDto: { yes: number; no: number; maybe: number; noAnswer: number; expectedPeople: number };
  RsvpSummaryDto: { counts: ContractSchemas['RsvpCountsDto']; responses: ContractSchemas['RsvpDto'][]; invited: CommunityRef[] };
  AttendanceDto: {
    communityId: string;
    community: CommunityRef;
    status: 'present' | 'absent' | 'excused' | null;
    role: 'member' | 'observer';
    method: string | null;
    version: number;
    updatedAt: string | null;
  };
  AttendanceInputDto: { status: 'present' | 'absent' | 'excused'; version?: number };
  AttendanceEventDto: {
    id: string;
    communityId: string;
    communityName: string;
    fromStatus: 'present' | 'absent' | 'excused' | null;
    toStatus: 'present' | 'absent' | 'excused';
    role: 'member' | 'observer';
    method: string;
    actorName: string;
    at: string;
  };
  CheckInDto: { communityId: string; code: string };
  MinutesInputDto: { minutes: string; decisions: string[]; publish: boolean };
  DecisionDto: { id: string; position: number; text: string };
  MinutesDto: { minutes: string; decisions: ContractSchemas['DecisionDto'][]; publishedAt: string | null };
  ActionItemInputDto: { title: string; ownerCommunityId?: string; ownerName?: string; dueDate: string };
  UpdateActionItemDto: { status?: 'open' | 'done'; title?: string; dueDate?: string; ownerCommunityId?: string; ownerName?: string };
  ActionItemDto: {
    id: string;
    meetingId: string;
    meetingTitle: string;
    meetingStartsAt: string;
    title: string;
    ownerCommunity: CommunityRef | null;
    ownerName: string | null;
    dueDate: string;
    status: 'open' | 'done';
    doneAt: string | null;
    overdue: boolean;
  };
  MeetingActionItemsDto: { created: ContractSchemas['ActionItemDto'][]; carriedOver: ContractSchemas['ActionItemDto'][] };
}

type C = ContractSchemas;

export interface ContractPaths {
  '/api/topics': {
    get: Op<never, { includeArchived?: boolean }, never, C['TopicDto'][]>;
    post: Op<never, never, C['CreateTopicDto'], C['TopicDto']>;
  };
  '/api/topics/{id}': { patch: Op<Id, never, C['UpdateTopicDto'], C['TopicDto']> };
  '/api/holidays': {
    get: Op<never, { year?: number }, never, C['HolidayDto'][]>;
    post: Op<never, never, C['CreateHolidayDto'], C['HolidayDto']>;
  };
  '/api/holidays/{id}': {
    patch: Op<Id, never, C['UpdateHolidayDto'], C['HolidayDto']>;
    delete: Op<Id, never, never, unknown>;
  };
  '/api/clubs/{clubId}/meetings': {
    get: Op<ClubId, { from?: string; to?: string }, never, C['MeetingSummaryDto'][]>;
    post: Op<ClubId, never, C['MeetingInputDto'], C['MeetingDto'][]>;
  };
  '/api/clubs/{clubId}/meetings/check': { post: Op<ClubId, never, C['MeetingInputDto'], C['MeetingCheckDto']> };
  '/api/clubs/{clubId}/calendar-token': {
    post: Op<ClubId, never, never, C['CalendarTokenDto']>;
    delete: Op<ClubId, never, never, unknown>;
  };
  '/api/clubs/{clubId}/action-items': { get: Op<ClubId, { status?: 'open' | 'done' }, never, C['ActionItemDto'][]> };
  '/api/meetings/{id}': {
    get: Op<Id, never, never, C['MeetingDto']>;
    patch: Op<Id, never, C['UpdateMeetingDto'], C['MeetingDto'][]>;
  };
  '/api/meetings/{id}/cancel': { post: Op<Id, never, C['CancelMeetingDto'], C['MeetingDto'][]> };
  '/api/meetings/{id}/rsvp': { put: Op<Id, never, C['RsvpInputDto'], C['RsvpDto']> };
  '/api/meetings/{id}/rsvps': { get: Op<Id, never, never, C['RsvpSummaryDto']> };
  '/api/meetings/{id}/attendance': { get: Op<Id, never, never, C['AttendanceDto'][]> };
  '/api/meetings/{id}/attendance/{communityId}': {
    put: Op<Id & { communityId: string }, never, C['AttendanceInputDto'], C['AttendanceDto']>;
  };
  '/api/meetings/{id}/attendance/history': { get: Op<Id, never, never, C['AttendanceEventDto'][]> };
  '/api/meetings/{id}/check-in': { post: Op<Id, never, C['CheckInDto'], C['AttendanceDto']> };
  '/api/meetings/{id}/minutes': {
    get: Op<Id, never, never, C['MinutesDto']>;
    put: Op<Id, never, C['MinutesInputDto'], C['MinutesDto']>;
  };
  '/api/meetings/{id}/action-items': {
    get: Op<Id, never, never, C['MeetingActionItemsDto']>;
    post: Op<Id, never, C['ActionItemInputDto'], C['ActionItemDto']>;
  };
  '/api/action-items/{id}': { patch: Op<Id, never, C['UpdateActionItemDto'], C['ActionItemDto']> };
}
