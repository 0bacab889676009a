import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { normaliseRegistrationNumber, readRoster, ROSTER_LIMITS, type RosterRow } from '@dastarkhan/domain';
import { AccessService } from '../access/access.service';
import { SensitiveEventsService } from '../access/sensitive-events.service';
import type { Viewer } from '../auth/viewer';
import { AppError } from '../common/errors/app-error';
import type { RosterImportDto, RosterReportDto, RosterRowReportDto } from './dto/on-behalf.dto';
import { InvitationsService } from './invitations.service';
import { OnBehalfService, type OnBehalfEntry, type OnBehalfPlace } from './on-behalf.service';

/**
 * A club's roster from a CSV file (issue 12, item 5). The dry run reports each row — new, matched
 * (a *registered* community already on the platform, so a match never reveals a protected one) or
 * an error with its reasons — and writes nothing. The commit re-checks the file and, in one
 * transaction, creates the new rows' communities on their behalf (OnBehalfService: a pending
 * claim each) and invites their contacts as representatives through the outbox; error rows are
 * skipped (the report says which), matched rows are left as they are (the community applies
 * itself). The import is one `roster.imported` change in the audit log, with counts only.
 */
@Injectable()
export class RosterImportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly onBehalf: OnBehalfService,
    private readonly invitations: InvitationsService,
    private readonly access: AccessService,
    private readonly events: SensitiveEventsService,
  ) {}

  async import(viewer: Viewer, clubId: string, input: RosterImportDto): Promise<RosterReportDto> {
    const rows = parse(input.csv);
    if (!input.commit) {
      const place = await this.onBehalf.placeOf(this.db.manager, clubId, null);
      return (await this.check(this.db.manager, viewer, place, rows)).report;
    }
    // Set-based, so the number of statements does not grow with the file: the communities, their
    // claims, the invitations, their emails and each kind of audit row are one statement each.
    return this.db.transaction(async (manager) => {
      const place = await this.onBehalf.placeOf(manager, clubId, null);
      await this.onBehalf.lockRegistrationNumbers(manager);
      const { report, entries } = await this.check(manager, viewer, place, rows);
      const ids = await this.onBehalf.createCommunities(manager, viewer, entries.map(({ entry }) => entry), place);
      entries.forEach(({ row }, i) => (row.communityId = ids[i]));
      await this.invitations.inviteNewRepresentatives(
        manager,
        viewer,
        entries.map(({ entry }, i) => ({ email: entry.contactEmail as string, communityId: ids[i] })),
        place.clubId,
      );
      await this.events.change(manager, {
        actor: viewer,
        action: 'roster.imported',
        resource: 'club',
        recordId: clubId,
        clubId,
        communityIds: ids,
        // Counts only: the file's names and contacts stay out of the log.
        details: { rows: rows.length, ...report.counts },
      });
      return { ...report, committed: true };
    });
  }

  /** Classifies every row against the database (read-only): the report, and the new rows' entries to create. */
  private async check(manager: EntityManager, viewer: Viewer, place: OnBehalfPlace, rows: RosterRow[]): Promise<{ report: RosterReportDto; entries: NewRow[] }> {
    const taken = await this.onBehalf.takenNumbers(manager, rows.filter((row) => row.registrationNumber).map((row) => row.registrationNumber));
    const names = await this.access.communities(viewer, [...taken.values()], { resource: 'people.roster', clubId: place.clubId ?? undefined, manager });
    const out: RosterRowReportDto[] = [];
    const entries: NewRow[] = [];
    for (const row of rows) {
      const base = { line: row.line, name: row.name, registrationNumber: row.registrationNumber };
      const number = normaliseRegistrationNumber(row.registrationNumber);
      const reasons: string[] = [...row.reasons];
      const holder = taken.get(number);
      const match = holder ? names.ref(holder) : null;
      if (reasons.length === 0 && match) {
        out.push({ ...base, name: match.name, outcome: 'matched', reasons: [], communityId: match.id });
        continue;
      }
      // Held by a pending claim (or by a community the caller may not see): the holder stays unnamed.
      if (reasons.length === 0 && taken.has(number)) reasons.push('REGISTRATION_NUMBER_TAKEN');
      // (A row without reasons has its tradition: the parser gives an unknown one its reason.)
      if (reasons.length > 0 || !row.tradition) {
        out.push({ ...base, outcome: 'error', reasons, communityId: null });
        continue;
      }
      const reported: RosterRowReportDto = { ...base, outcome: 'new', reasons: [], communityId: null };
      out.push(reported);
      entries.push({
        row: reported,
        entry: {
          name: row.name,
          tradition: row.tradition,
          // Date and issuing body are optional: the verifying official reads them off the register (P7).
          registration: { number: row.registrationNumber, date: row.registrationDate, issuingBody: row.issuingBody || null },
          contactEmail: row.contact,
          representativeEmail: row.contact,
        },
      });
    }
    const count = (outcome: RosterRowReportDto['outcome']) => out.filter((row) => row.outcome === outcome).length;
    return { report: { committed: false, counts: { new: count('new'), matched: count('matched'), error: count('error') }, rows: out }, entries };
  }
}

/** A new row: its line of the report (given its community's id once created) and what to create. */
interface NewRow {
  row: RosterRowReportDto;
  entry: OnBehalfEntry;
}

/** The file's rows, or a clear refusal of the whole file. */
function parse(csv: string): RosterRow[] {
  const parsed = readRoster(csv);
  if (parsed.ok) return parsed.rows;
  switch (parsed.error) {
    case 'TOO_LARGE':
    case 'TOO_MANY_ROWS':
      throw new AppError('ROSTER.TOO_LARGE', `A roster file holds at most ${ROSTER_LIMITS.maxRows} rows and ${ROSTER_LIMITS.maxCharacters} characters; split it`, {
        csv: parsed.error === 'TOO_LARGE' ? 'too large' : 'too many rows',
      });
    case 'MISSING_COLUMNS':
      throw new AppError(
        'ROSTER.INVALID_FILE',
        'The file needs the columns name, tradition, registration number and contact',
        Object.fromEntries((parsed.missing ?? []).map((column) => [column, 'column missing'])),
      );
    case 'EMPTY':
      throw new AppError('ROSTER.INVALID_FILE', 'The file has no rows under its header', { csv: 'empty' });
  }
}
