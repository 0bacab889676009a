import { Session } from '../auth/entities/session.entity';
import { LoginAttempt } from '../auth/entities/login-attempt.entity';
import { City } from '../cities/entities/city.entity';
import { Club } from '../clubs/entities/club.entity';
import { Community } from '../communities/entities/community.entity';
import { SensitiveRead } from '../communities/entities/sensitive-read.entity';
import { Participation } from '../participation/entities/participation.entity';
import { ParticipationEvent } from '../participation/entities/participation-event.entity';
import { RoleAssignment } from '../users/entities/role-assignment.entity';
import { User } from '../users/entities/user.entity';

export const ENTITIES = [
  User,
  RoleAssignment,
  Session,
  LoginAttempt,
  City,
  Club,
  Community,
  SensitiveRead,
  Participation,
  ParticipationEvent,
];
