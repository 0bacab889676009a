import { SensitiveEvent } from '../access/entities/sensitive-event.entity';
import { Session } from '../auth/entities/session.entity';
import { AccountToken, RecoveryCode, TrustedDevice } from '../auth/entities/account-token.entity';
import { LoginAttempt } from '../auth/entities/login-attempt.entity';
import { City } from '../cities/entities/city.entity';
import { Club } from '../clubs/entities/club.entity';
import { Community } from '../communities/entities/community.entity';
import { RegistrationClaim } from '../communities/entities/registration-claim.entity';
import { ActionItem } from '../meetings/entities/action-item.entity';
import { Attendance, AttendanceEvent } from '../meetings/entities/attendance.entity';
import { CalendarToken } from '../meetings/entities/calendar-token.entity';
import { Holiday } from '../meetings/entities/holiday.entity';
import { WeeklyObservance } from '../meetings/entities/observance.entity';
import { ScheduledNotice } from '../notifications/entities/scheduled-notice.entity';
import { AgendaItem, MeetingDecision, MeetingTopic } from '../meetings/entities/meeting-parts.entity';
import { MeetingSeries } from '../meetings/entities/meeting-series.entity';
import { Meeting } from '../meetings/entities/meeting.entity';
import { Rsvp } from '../meetings/entities/rsvp.entity';
import { Topic } from '../meetings/entities/topic.entity';
import { Participation } from '../participation/entities/participation.entity';
import { ParticipationEvent } from '../participation/entities/participation-event.entity';
import { PathwayPolicy } from '../pathway/entities/pathway-policy.entity';
import { Sponsorship } from '../pathway/entities/sponsorship.entity';
import { DecisionAppeal, ParticipationDecision } from '../decisions/entities/decision.entity';
import { EmailOutboxMessage, Notification } from '../notifications/entities/notification.entity';
import { ParticipationReview, ReviewResponse } from '../reviews/entities/review.entity';
import { Contribution, ContributionRevision } from '../projects/entities/contribution.entity';
import { ProjectEvent } from '../projects/entities/project-event.entity';
import { ProjectMilestone } from '../projects/entities/project-milestone.entity';
import { ProjectPartner } from '../projects/entities/project-partner.entity';
import { Project } from '../projects/entities/project.entity';
import { RoleAssignment } from '../users/entities/role-assignment.entity';
import { Invitation } from '../people/entities/invitation.entity';
import { User } from '../users/entities/user.entity';

export const ENTITIES = [
  User,
  RoleAssignment,
  Invitation,
  Session,
  LoginAttempt,
  AccountToken,
  TrustedDevice,
  RecoveryCode,
  City,
  Club,
  Community,
  RegistrationClaim,
  SensitiveEvent,
  Participation,
  ParticipationEvent,
  Topic,
  Holiday,
  WeeklyObservance,
  ScheduledNotice,
  MeetingSeries,
  Meeting,
  MeetingTopic,
  AgendaItem,
  MeetingDecision,
  Rsvp,
  Attendance,
  AttendanceEvent,
  ActionItem,
  CalendarToken,
  Project,
  ProjectEvent,
  ProjectPartner,
  Contribution,
  ContributionRevision,
  ProjectMilestone,
  PathwayPolicy,
  Sponsorship,
  ParticipationReview,
  ReviewResponse,
  ParticipationDecision,
  DecisionAppeal,
  Notification,
  EmailOutboxMessage,
];
