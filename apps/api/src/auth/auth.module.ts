import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { createSecretKey } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { CommunitiesModule } from '../communities/communities.module';
import { AccountController } from './account.controller';
import { AccountMailService } from './account-mail.service';
import { AccountTokensService } from './account-tokens.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { Cookies } from './cookies';
import { JwtStrategy } from './jwt.strategy';
import { LocalStrategy } from './local.strategy';
import { SecondFactorService } from './second-factor.service';
import { SessionsService } from './sessions.service';

@Module({
  imports: [
    PassportModule,
    CommunitiesModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: createSecretKey(Buffer.from(config.JWT_SECRET)) as unknown as string,
        signOptions: { algorithm: 'HS256' },
      }),
    }),
  ],
  controllers: [AuthController, AccountController],
  providers: [
    AuthService,
    SessionsService,
    AccountTokensService,
    AccountMailService,
    SecondFactorService,
    Cookies,
    LocalStrategy,
    JwtStrategy,
  ],
  exports: [SessionsService, AccountMailService],
})
export class AuthModule {}
