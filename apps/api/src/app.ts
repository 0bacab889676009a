import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { SESSION_SECURITY } from './access/access.decorator';
import { ReadLog, readLogs } from './access/read-log';
import { tracedRequests } from './database/sql-trace';
import { AppModule } from './app.module';
import { AppConfig } from './config/app-config';
import { crossSiteGuard } from './common/cross-site';
import { methodNotAllowed } from './common/method-not-allowed';
import { parseStrictJson } from './common/strict-json';
import { validationPipe } from './common/validation';
import { PinoNestLogger } from './logger';
import { completeContract } from './openapi-contract';

export interface CreateAppOptions {
  config: AppConfig;
  databaseUrl: string;
  logger: Logger;
  /** Build the module graph without instantiating providers (no database): for the OpenAPI export. */
  preview?: boolean;
}

/** The HTTP application, configured but not listening: main.ts and the integration tests share it. */
export async function createApp({ config, databaseUrl, logger, preview = false }: CreateAppOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    logController: new CompactRequestLog(),
    // Forwarded headers are believed only from the proxies named in TRUST_PROXY (default: none):
    // otherwise any client picks its own address (and defeats per-address limits).
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 1024 * 1024,
    genReqId: (request: IncomingMessage) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, databaseUrl), adapter, {
    logger: new PinoNestLogger(logger),
    preview,
    // JSON is parsed by our strict parser (below), not Nest's default one.
    bodyParser: false,
  });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(validationPipe);

  const fastify = app.getHttpAdapter().getInstance();
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, body === '' ? undefined : parseStrictJson(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  fastify.addHook('onRequest', crossSiteGuard(config.PUBLIC_URL));
  // Each request runs with its own read log (access/read-log.ts), from the access guard to the answer.
  fastify.addHook('onRequest', (_request, _reply, done) => readLogs.run(new ReadLog(), done));
  // The bench's statement capture traces only the requests that name themselves (x-request-id), not its load.
  if (config.SQL_TRACE_FILE) {
    fastify.addHook('onRequest', (request, _reply, done) => (request.headers['x-request-id'] ? tracedRequests.run(String(request.id), done) : done()));
  }
  fastify.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-request-id', request.id);
    // Answers carry personal data: no shared or browser cache keeps them, unless a route says otherwise (the iCal feed).
    if (request.url.startsWith('/api') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    done(null, payload);
  });
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        // Behind TLS the proxy sets HSTS; on plain http://localhost an upgrade would break every asset.
        upgradeInsecureRequests: null,
      },
    },
  });

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  fastify.addHook('onRequest', methodNotAllowed(document));
  serveWebApp(app, config.WEB_DIST);
  return app;
}

/** One compact line per finished request (STACK.md: logging whole header sets costs ~25 % throughput). */
class CompactRequestLog extends LogController {
  constructor() {
    super({ disableRequestLogging: false });
  }

  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    request.log.info(
      { method: request.method, route: request.routeOptions.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime), err: error ?? undefined },
      'request',
    );
  }
}

export function buildOpenApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const document = new DocumentBuilder()
    .setTitle('Dastarkhan API')
    .setDescription('Multi-faith clubs and the observer-to-member pathway')
    .setVersion('0.1.0')
    .addServer('/', 'This server')
    .addCookieAuth(
      'dastarkhan_session',
      {
        type: 'apiKey',
        in: 'cookie',
        name: 'dastarkhan_session',
        description:
          'The session cookie set by POST /api/auth/login (httpOnly; named `__Host-dastarkhan_session` behind TLS). ' +
          'API clients keep it in a cookie jar; no token is ever returned in a body.',
      },
      SESSION_SECURITY,
    )
    .build();
  return completeContract(
    SwaggerModule.createDocument(app, document, {
      operationIdFactory: (controllerKey, methodKey) => `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
    }),
  );
}

/** The built web app at `/`, with every non-API path falling back to index.html (client routing). */
function serveWebApp(app: NestFastifyApplication, webDist: string): void {
  const root = path.resolve(webDist);
  if (!webDist || !existsSync(path.join(root, 'index.html'))) return;
  void app.register(fastifyStatic, { root, wildcard: false, index: ['index.html'] });
  app
    .getHttpAdapter()
    .getInstance()
    .get('/*', (request, reply) => {
      if (request.url.startsWith('/api/') || request.url === '/api') {
        return reply.status(404).send({ statusCode: 404, code: 'NOT_FOUND', message: 'No such endpoint' });
      }
      return reply.sendFile('index.html');
    });
}
