import type { EntityManager } from 'typeorm';
import {
  isListed,
  reportScope,
  parsePeriod,
  periodCode,
  periodRange,
  reportThreshold,
  type CommunityClass,
  type PeriodRange,
  type Selection,
  type Tradition,
  type ViewerContext,
} from '@dastarkhan/domain';
import { notFound } from '../common/errors/app-error';
import type { LocalizedText } from '../common/localized-text';

export interface ScopeClub {
  id: string;
  name: string;
  cityId: string;
  cityName: LocalizedText;
  regionCode: string;
}

export interface ReportFilters {
  period?: string;
  cityId?: string;
  clubId?: string;
  tradition?: Tradition;
}

/** Who reads, over which clubs, with which threshold, and what the filters select. */
export interface ReportContext {
  viewer: ViewerContext | null;
  scopeKind: 'national' | 'regional' | 'clubs' | 'public';
  threshold: number;
  scope: ScopeClub[];
  clubsById: Map<string, ScopeClub>;
  selection: Selection;
  period: string;
  range: PeriodRange;
  filters: { cityId: string | null; clubId: string | null; tradition: Tradition | null };
}

/** The community's class for listing (open / consenting / closed), for a row aliased `c`. */
export const COMMUNITY_CLASS_SQL = `CASE WHEN c.registration_status = 'registered' OR c.is_public THEN 'open'
                                         WHEN c.official_consent_at IS NOT NULL THEN 'consenting' ELSE 'closed' END`;

const CLUBS_SQL = `SELECT cl.id, cl.name, ci.id AS "cityId", ci.name AS "cityName", ci.region_code AS "regionCode"
                     FROM clubs cl JOIN cities ci ON ci.id = cl.city_id`;

/**
 * The clubs a reader's reports cover: every club for the administrator and national officials, the
 * regions' clubs for a regional official, a coordinator's own clubs; `cityId` for the public.
 */
export async function reportContext(
  db: EntityManager,
  viewer: ViewerContext | null,
  filters: ReportFilters,
  now: Date,
  publicCityId?: string,
): Promise<ReportContext> {
  let scope: ScopeClub[];
  let scopeKind: ReportContext['scopeKind'];
  if (publicCityId) {
    scope = await db.query(`${CLUBS_SQL} WHERE ci.id = $1 ORDER BY cl.name`, [publicCityId]);
    scopeKind = 'public';
  } else {
    // Which clubs the reader's report covers is the access module's answer (libs/domain reportScope).
    const reach = reportScope(viewer);
    scopeKind = reach.kind;
    scope =
      reach.kind === 'national'
        ? await db.query(`${CLUBS_SQL} ORDER BY cl.name`)
        : reach.kind === 'regional'
          ? await db.query(`${CLUBS_SQL} WHERE ci.region_code = ANY($1) ORDER BY cl.name`, [reach.regions])
          : await db.query(`${CLUBS_SQL} WHERE cl.id = ANY($1) ORDER BY cl.name`, [reach.clubIds]);
  }
  const clubsById = new Map(scope.map((club) => [club.id, club]));
  const threshold = publicCityId ? 10 : reportThreshold(viewer, scope.map((club) => club.id));

  let selected = scope;
  if (filters.cityId) {
    selected = selected.filter((club) => club.cityId === filters.cityId);
    if (selected.length === 0) throw notFound('City');
  }
  if (filters.clubId) {
    selected = selected.filter((club) => club.id === filters.clubId);
    if (selected.length === 0) throw notFound('Club');
  }
  const period = parsePeriod(filters.period);
  return {
    viewer,
    scopeKind,
    threshold,
    scope,
    clubsById,
    selection: { clubIds: new Set(selected.map((club) => club.id)), tradition: filters.tradition ?? null },
    period: periodCode(period),
    range: periodRange(period, now),
    filters: { cityId: filters.cityId ?? null, clubId: filters.clubId ?? null, tradition: filters.tradition ?? null },
  };
}

/** Whether the reader counts a community of this class in this club by name. */
export function listedIn(ctx: ReportContext, clubId: string, kind: CommunityClass): boolean {
  const club = ctx.clubsById.get(clubId);
  if (!club) return false;
  return isListed(ctx.viewer, { clubId, regionCode: club.regionCode }, kind, ctx.threshold);
}

/** The clubs of the scope in the cities of these clubs. */
export function citiesOf(ctx: ReportContext, clubIds: ReadonlySet<string>): Set<string> {
  const cities = new Set([...clubIds].map((id) => ctx.clubsById.get(id)?.cityId));
  return new Set(ctx.scope.filter((club) => cities.has(club.cityId)).map((club) => club.id));
}

/**
 * Every coarser view a selection could be subtracted from: its clubs, their cities' clubs and the
 * whole scope, with and without its tradition — except the selection itself.
 */
export function coarserSelections(ctx: ReportContext, selection: Selection): Selection[] {
  const clubSets = [selection.clubIds, citiesOf(ctx, selection.clubIds), new Set(ctx.scope.map((club) => club.id))];
  const key = (ids: ReadonlySet<string>) => [...ids].sort().join(',');
  const unique = [...new Map(clubSets.map((ids) => [key(ids), ids])).values()];
  const traditions = selection.tradition === null ? [null] : [selection.tradition, null];
  const out: Selection[] = [];
  for (const clubIds of unique) {
    for (const tradition of traditions) {
      if (key(clubIds) === key(selection.clubIds) && tradition === selection.tradition) continue;
      out.push({ clubIds, tradition });
    }
  }
  return out;
}

export interface ParticipationFact {
  id: string;
  clubId: string;
  tradition: Tradition;
  registrationStatus: 'registered' | 'not_registered' | 'registration_pending';
  listed: boolean;
  events: Array<{ action: string; to: string; at: Date }>;
}

/** A participation's status at an instant (null: not yet applied). */
export function statusAt(fact: ParticipationFact, instant: Date): string | null {
  let status: string | null = null;
  for (const event of fact.events) {
    if (event.at.getTime() >= instant.getTime()) break;
    status = event.to;
  }
  return status;
}
