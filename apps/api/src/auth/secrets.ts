import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

/** A fresh unguessable secret for a link, a device or a sign-in step (256 bits, URL-safe). */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** How a secret is kept in the database: its SHA-256 (the secrets are random, so no salt or slow hash is needed). */
export const digest = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/**
 * Encrypts a value kept at rest (a TOTP secret) with AES-256-GCM under a key derived from
 * JWT_SECRET: a copy of the database alone does not give away anyone's second factor.
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(masterSecret: string) {
    this.key = Buffer.from(hkdfSync('sha256', masterSecret, 'dastarkhan', 'totp-secret', 32));
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [iv, cipher.getAuthTag(), sealed].map((part) => part.toString('base64url')).join('.');
  }

  open(sealed: string): string {
    const [iv, tag, data] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
  }
}
