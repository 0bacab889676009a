import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { generateSecret, generateURI, verifySync } from 'otplib';
import { toDataURL } from 'qrcode';
import { randomInt } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { digest, SecretBox } from './secrets';

const ISSUER = 'Dastarkhan';
const RECOVERY_CODES = 10;
const RECOVERY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** A code from the previous or the next 30-second step is accepted too (clock drift). */
const TOLERANCE_SECONDS = 30;

/** The TOTP time step a valid code matched (otplib types the result for HOTP and TOTP alike). */
const timeStepOf = (result: object): number => (result as { timeStep: number }).timeStep;

/** Recovery codes are compared without case, blanks or dashes. */
const normalise = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');

/**
 * TOTP (RFC 6238) second factor with recovery codes (ASVS V2.8): secrets encrypted at rest,
 * a code accepted once only, recovery codes kept as digests and used once.
 */
@Injectable()
export class SecondFactorService {
  private readonly box: SecretBox;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    config: AppConfig,
  ) {
    this.box = new SecretBox(config.JWT_SECRET);
  }

  /** A new secret waiting for its first code; the one in force (if any) stays until then. */
  async startEnrolment(userId: string, email: string): Promise<{ secret: string; uri: string; qrCode: string }> {
    const secret = generateSecret();
    await this.db.query(`UPDATE users SET totp_pending_secret = $2 WHERE id = $1`, [userId, this.box.seal(secret)]);
    const uri = generateURI({ issuer: ISSUER, label: email, secret });
    return { secret, uri, qrCode: await toDataURL(uri, { margin: 2, width: 240 }) };
  }

  /**
   * Puts the enrolled secret in force when `code` comes from it, with fresh recovery codes;
   * `null` when the code is wrong, `undefined` when no enrolment was started.
   */
  async confirmEnrolment(manager: EntityManager, userId: string, code: string): Promise<string[] | null | undefined> {
    const [user]: Array<{ pending: string | null }> = await manager.query(
      `SELECT totp_pending_secret AS pending FROM users WHERE id = $1 FOR UPDATE`,
      [userId],
    );
    if (!user?.pending) return undefined;
    const result = verifySync({ secret: this.box.open(user.pending), token: code, epochTolerance: TOLERANCE_SECONDS });
    if (!result.valid) return null;
    await manager.query(
      `UPDATE users SET totp_secret = totp_pending_secret, totp_pending_secret = NULL, totp_enabled_at = now(), totp_last_step = $2 WHERE id = $1`,
      [userId, timeStepOf(result)],
    );
    return this.newRecoveryCodes(manager, userId);
  }

  /** Replaces the recovery codes; the old ones stop working. */
  async newRecoveryCodes(manager: EntityManager, userId: string): Promise<string[]> {
    const codes = Array.from({ length: RECOVERY_CODES }, () => {
      const raw = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
      return `${raw.slice(0, 5)}-${raw.slice(5)}`;
    });
    await manager.query(`DELETE FROM recovery_codes WHERE user_id = $1`, [userId]);
    await manager.query(`INSERT INTO recovery_codes (user_id, code_hash) SELECT $1, unnest($2::text[])`, [
      userId,
      codes.map((code) => digest(normalise(code))),
    ]);
    return codes;
  }

  async disable(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(
      `UPDATE users SET totp_secret = NULL, totp_pending_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL WHERE id = $1`,
      [userId],
    );
    await manager.query(`DELETE FROM recovery_codes WHERE user_id = $1`, [userId]);
  }

  async status(userId: string): Promise<{ enabled: boolean; recoveryCodesLeft: number }> {
    const [row] = await this.db.query(
      `SELECT (u.totp_enabled_at IS NOT NULL) AS enabled,
              (SELECT count(*)::int FROM recovery_codes r WHERE r.user_id = u.id AND r.used_at IS NULL) AS "recoveryCodesLeft"
         FROM users u WHERE u.id = $1`,
      [userId],
    );
    return row;
  }

  /**
   * Checks a code from the app (never the same time step twice) or an unused recovery code
   * (used up by this); returns which one matched, or null.
   */
  async verify(manager: EntityManager, userId: string, code: string): Promise<'totp' | 'recovery' | null> {
    const [user]: Array<{ secret: string | null; lastStep: string | null }> = await manager.query(
      `SELECT totp_secret AS secret, totp_last_step AS "lastStep" FROM users WHERE id = $1 AND totp_enabled_at IS NOT NULL FOR UPDATE`,
      [userId],
    );
    if (!user?.secret) return null;
    const given = code.trim();
    if (/^\d{6}$/.test(given)) {
      const result = verifySync({
        secret: this.box.open(user.secret),
        token: given,
        epochTolerance: TOLERANCE_SECONDS,
        ...(user.lastStep === null ? {} : { afterTimeStep: Number(user.lastStep) }),
      });
      if (!result.valid) return null;
      await manager.query(`UPDATE users SET totp_last_step = $2 WHERE id = $1`, [userId, timeStepOf(result)]);
      return 'totp';
    }
    const [, used]: [unknown[], number] = await manager.query(
      `UPDATE recovery_codes SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL`,
      [userId, digest(normalise(given))],
    );
    return used > 0 ? 'recovery' : null;
  }
}
