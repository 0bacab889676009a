import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError } from '../common/errors/app-error';
import { isUniqueViolation } from '../database/postgres-errors';
import { CommunitiesService } from '../communities/communities.service';
import { User } from '../users/entities/user.entity';
import { RoleAssignment } from '../users/entities/role-assignment.entity';
import { SignupDto } from './dto/auth.dto';
import { LoginThrottleService } from './login-throttle.service';
import { hashPassword, verifyPassword } from './passwords';
import { OpenedSession, SessionsService } from './sessions.service';

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly throttle: LoginThrottleService,
    private readonly sessions: SessionsService,
    private readonly communities: CommunitiesService,
  ) {}

  async verifyCredentials(rawEmail: string, password: string, address: string): Promise<{ userId: string }> {
    const email = rawEmail.trim().toLowerCase();
    await this.throttle.assertAllowed(email, address);
    const user = await this.db.getRepository(User).findOne({ where: { email }, select: { id: true, passwordHash: true } });
    if (!(await verifyPassword(user?.passwordHash, password)) || !user) {
      await this.throttle.recordFailure(email, address);
      throw new AppError('AUTH.INVALID_CREDENTIALS', 'Email or password is wrong');
    }
    await this.throttle.clear(email);
    return { userId: user.id };
  }

  /** Self-service sign-up: an account, its community and the representative role, all or nothing. */
  async signup(input: SignupDto): Promise<OpenedSession> {
    const passwordHash = await hashPassword(input.password);
    try {
      const userId = await this.db.transaction(async (manager) => {
        const user = await manager.getRepository(User).save({
          email: input.email.trim().toLowerCase(),
          passwordHash,
          displayName: input.displayName,
          locale: input.locale,
        });
        const community = await this.communities.create(manager, input.community, { userId: user.id, roles: [], participations: [] });
        await manager
          .getRepository(RoleAssignment)
          .insert({ userId: user.id, role: 'representative', communityId: community.id });
        return user.id;
      });
      return this.sessions.open(userId);
    } catch (error) {
      if (isUniqueViolation(error, 'users')) {
        throw new AppError('AUTH.EMAIL_TAKEN', 'An account with this email exists', { email: 'taken' });
      }
      throw error;
    }
  }
}
