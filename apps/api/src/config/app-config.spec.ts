import { ConfigError, loadConfig } from './app-config';

describe('configuration', () => {
  it('starts with defaults for a developer with nothing set', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.DATA_DIR).toBe('.data');
  });

  it('reads values from the environment, converting types', () => {
    const config = loadConfig({ PORT: '8080', COOKIE_SECURE: 'true', DEMO_DATA: 'false', DATABASE_URL: 'postgres://x' });
    expect(config).toMatchObject({ PORT: 8080, COOKIE_SECURE: true, DEMO_DATA: false, DATABASE_URL: 'postgres://x' });
  });

  it('names the variable and the problem for a bad value', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT: .*integer/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });

  it('refuses the development JWT secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }).NODE_ENV).toBe('production');
  });

  it('marks cookies Secure in production unless told otherwise, and keeps sessions within 12 hours and 30 idle minutes', () => {
    const secret = { JWT_SECRET: 'x'.repeat(40) };
    expect(loadConfig({}).COOKIE_SECURE).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', ...secret }).COOKIE_SECURE).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', COOKIE_SECURE: 'false', ...secret }).COOKIE_SECURE).toBe(false);
    expect(loadConfig({}).SESSION_IDLE_MINUTES).toBe(30);
    expect(() => loadConfig({ SESSION_HOURS: '24' })).toThrow(/SESSION_HOURS/);
    expect(() => loadConfig({ SESSION_IDLE_MINUTES: '60' })).toThrow(/SESSION_IDLE_MINUTES/);
  });

  it('refuses a JWT secret shorter than 32 characters', () => {
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
  });

  it('sends no email unless SMTP_URL is set, and refuses one that is not an SMTP URL', () => {
    expect(loadConfig({}).SMTP_URL).toBeUndefined();
    expect(loadConfig({}).PUBLIC_URL).toBe('http://localhost:3000');
    expect(loadConfig({ SMTP_URL: 'smtps://user:secret@mail.example.kz:465' }).SMTP_URL).toBe('smtps://user:secret@mail.example.kz:465');
    expect(() => loadConfig({ SMTP_URL: 'mail.example.kz' })).toThrow(/SMTP_URL/);
    expect(() => loadConfig({ PUBLIC_URL: 'dastarkhan' })).toThrow(/PUBLIC_URL/);
  });
});

describe('TRUST_PROXY', () => {
  it('believes no forwarded header by default', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
  });

  it('takes a number of hops or a list of proxy addresses and ranges', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).TRUST_PROXY).toEqual(['10.0.0.0/8', '127.0.0.1']);
  });

  it('refuses anything else, naming the variable', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY/);
  });
});
