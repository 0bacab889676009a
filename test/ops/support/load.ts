import { setTimeout as sleep } from 'node:timers/promises';

export const DEMO_PASSWORD = 'dastarkhan-demo';

export interface Answer {
  status: number;
  body: unknown;
  ms: number;
  /** Set when no HTTP answer came at all (connection refused or reset, client timeout). */
  error?: string;
}

/** A signed-in (or anonymous) API client with its own cookie jar, like one browser. */
export class Client {
  private readonly cookies = new Map<string, string>();

  constructor(
    public baseUrl: string,
    private readonly timeoutMs = 20_000,
  ) {}

  static async signIn(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<Client> {
    const client = new Client(baseUrl);
    const answer = await client.send('POST', '/api/auth/login', { email, password });
    if (answer.status !== 200) throw new Error(`sign-in of ${email} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return client;
  }

  /** The same cookies against another address (another replica). */
  at(baseUrl: string): Client {
    const other = new Client(baseUrl, this.timeoutMs);
    for (const [name, value] of this.cookies) other.cookies.set(name, value);
    return other;
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  async send(method: string, path: string, body?: unknown): Promise<Answer> {
    const started = performance.now();
    try {
      const response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(this.cookies.size ? { cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ') } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      for (const line of response.headers.getSetCookie()) {
        const [pair, ...attributes] = line.split(';');
        const [name, value] = [pair.slice(0, pair.indexOf('=')).trim(), pair.slice(pair.indexOf('=') + 1).trim()];
        const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
        if (expired) this.cookies.delete(name);
        else this.cookies.set(name, value);
      }
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        /* not JSON (e.g. an HTML error page): kept as text */
      }
      return { status: response.status, body: parsed, ms: performance.now() - started };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      return { status: 0, body: null, ms: performance.now() - started, error: cause ?? (error as Error).name };
    }
  }
}

export interface Operation {
  name: string;
  write: boolean;
  run(): Promise<Answer>;
  /** For a write: what to log when it was acknowledged (e.g. the created row's id). */
  acknowledged?(answer: Answer): string;
}

export interface LoadRecord {
  at: number;
  name: string;
  write: boolean;
  status: number;
  ms: number;
  error?: string;
  code?: string;
}

/** What a load run saw: every request's outcome, and the acknowledged (2xx) writes. */
export class LoadLog {
  readonly records: LoadRecord[] = [];
  readonly acknowledged: string[] = [];

  failures(accept: (record: LoadRecord) => boolean = () => false): LoadRecord[] {
    return this.records.filter((record) => (record.status < 200 || record.status >= 400) && !accept(record));
  }

  get writes(): number {
    return this.records.filter((record) => record.write).length;
  }
}

/**
 * `workers` concurrent loops, each picking the next operation round-robin (a fixed mix, no
 * randomness), until `stop()` resolves; a short pause between requests keeps this 2-core machine usable.
 */
export async function runLoad(
  operations: Operation[],
  options: { workers: number; pauseMs?: number; until: Promise<unknown>; /** filled as it runs (the soak reads it each minute) */ log?: LoadLog },
): Promise<LoadLog> {
  const log = options.log ?? new LoadLog();
  let running = true;
  void options.until.finally(() => (running = false));
  let next = 0;
  await Promise.all(
    Array.from({ length: options.workers }, async () => {
      while (running) {
        const operation = operations[next++ % operations.length];
        const answer = await operation.run();
        const code = (answer.body as { code?: string } | null)?.code;
        log.records.push({ at: Date.now(), name: operation.name, write: operation.write, status: answer.status, ms: answer.ms, error: answer.error, code });
        if (operation.write && answer.status >= 200 && answer.status < 300 && operation.acknowledged) log.acknowledged.push(operation.acknowledged(answer));
        if (options.pauseMs) await sleep(options.pauseMs);
      }
    }),
  );
  return log;
}

/** Percentile of a list of numbers (nearest rank). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
