import fc from 'fast-check';
import type { OpenAPIObject } from '@nestjs/swagger';
import { buildOpenApiDocument } from '../../apps/api/src/app';
import { createFactories, Factories, TestUser } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The OpenAPI document is the contract: for every operation it describes, fast-check generates input
 * the document forbids (a wrong type, a length or range outside the bounds, a value outside an enum,
 * a malformed id, a missing required field, an unknown property, a body that is not JSON) and the
 * server must answer 4xx with the error body, writing nothing.
 */
let t: TestApp;
let f: Factories;
let document: OpenAPIObject;

type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  additionalProperties?: boolean | Schema;
};

interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  parameters: Array<{ in: 'path' | 'query'; name: string; required?: boolean; schema: Schema }>;
  body?: Schema;
  anonymousOnly: boolean;
}

interface World {
  admin: TestUser;
  coordinator: TestUser;
  representative: TestUser;
  ids: Record<string, string>;
}
let world: World;

beforeAll(async () => {
  t = await startTestApp();
  f = createFactories(t);
  document = buildOpenApiDocument(t.app);
  const club = await f.newClub();
  const community = await f.newCommunity({ registered: true });
  const participation = await f.newParticipation({ clubId: club.id, communityId: community.id, status: 'member' });
  const [admin, coordinator, representative] = await Promise.all([
    f.newUser({ role: 'administrator' }),
    f.newUser({ role: 'coordinator', clubId: club.id }),
    f.newUser({ role: 'representative', communityId: community.id }),
  ]);
  const { rows: [meeting] } = await t.db.query<{ id: string }>(
    `INSERT INTO meetings (club_id, title, starts_at, ends_at, format, visibility, status, check_in_code, created_by_id)
     VALUES ($1, 'Contract meeting', now() - interval '30 minutes', now() + interval '90 minutes', 'in_person', 'club', 'scheduled', 'K7Q2', $2) RETURNING id`,
    [club.id, coordinator.id],
  );
  const { rows: [topic] } = await t.db.query<{ id: string }>(`SELECT id FROM topics LIMIT 1`);
  const { rows: [holiday] } = await t.db.query<{ id: string }>(`SELECT id FROM holidays LIMIT 1`);
  world = {
    admin,
    coordinator,
    representative,
    ids: { club: club.id, community: community.id, participation: participation.id, meeting: meeting.id, topic: topic.id, holiday: holiday.id },
  };
});
afterAll(() => t?.close());

const resolve = (schema: Schema | undefined): Schema | undefined => {
  if (!schema) return undefined;
  const ref = schema.$ref ?? (schema.allOf?.length === 1 ? schema.allOf[0].$ref : undefined);
  if (!ref) return schema;
  const target = (document.components?.schemas as Record<string, Schema>)[ref.replace('#/components/schemas/', '')];
  return { ...target, nullable: schema.nullable ?? target.nullable };
};

function operations(): Operation[] {
  const list: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const operation = item[method];
      if (!operation) continue;
      const body = (operation.requestBody as { content?: Record<string, { schema: Schema }> } | undefined)?.content?.['application/json']?.schema;
      list.push({
        method,
        path,
        parameters: (operation.parameters ?? []) as Operation['parameters'],
        body: resolve(body),
        anonymousOnly: JSON.stringify(operation.security) === '[{}]',
      });
    }
  }
  return list;
}

/** A real record for a path's id where the callers have one (so that the checks past the access guard run too). */
function idFor(path: string, name: string): string {
  if (name === 'clubId') return world.ids.club;
  if (name === 'communityId') return world.ids.community;
  if (name !== 'id') return '00000000-0000-4000-8000-000000000000';
  const noun = path.split('/')[2];
  const byNoun: Record<string, string | undefined> = {
    meetings: world.ids.meeting,
    participations: world.ids.participation,
    communities: world.ids.community,
    topics: world.ids.topic,
    holidays: world.ids.holiday,
  };
  return byNoun[noun] ?? '00000000-0000-4000-8000-000000000000';
}

function callerFor(operation: Operation): TestUser | null {
  if (operation.anonymousOnly) return null;
  const { path } = operation;
  if (/^\/api\/(topics|holidays|pathway-policy|admin|appeals)/.test(path)) return world.admin;
  if (/\/communities\/|applications|check-in|rsvp|sponsorships|nomination-request|\/appeal$/.test(path)) return world.representative;
  return world.coordinator;
}

/** A value the schema refuses (never null where null is allowed, never a number the server would round). */
function invalidValue(raw: Schema | undefined): fc.Arbitrary<unknown> {
  const schema = resolve(raw) ?? {};
  const options: Array<fc.Arbitrary<unknown>> = [];
  if (schema.enum) options.push(fc.constantFrom('not-a-member-of-the-enum', 'ZZZ'));
  switch (schema.type) {
    case 'string':
      options.push(fc.constantFrom(42, true, { nested: 'object' }, ['array']));
      if (schema.maxLength !== undefined) options.push(fc.constant('x'.repeat(schema.maxLength + 1)));
      if (schema.minLength !== undefined && schema.minLength > 1) options.push(fc.constant('x'.repeat(schema.minLength - 1)));
      if (schema.format === 'uuid') options.push(fc.constantFrom('not-a-uuid', '1234'));
      if (schema.format === 'email') options.push(fc.constantFrom('not-an-email', 'a@'));
      if (schema.format === 'date' || schema.format === 'date-time') options.push(fc.constantFrom('yesterday', '2027-02-30'));
      break;
    case 'integer':
      options.push(fc.constantFrom('7', 1.5, true, {}));
      if (schema.minimum !== undefined) options.push(fc.constant(schema.minimum - 1));
      if (schema.maximum !== undefined) options.push(fc.constant(schema.maximum + 1));
      break;
    case 'number':
      options.push(fc.constantFrom('7', true, {}));
      if (schema.minimum !== undefined) options.push(fc.constant(schema.minimum - 1));
      if (schema.maximum !== undefined) options.push(fc.constant(schema.maximum + 1));
      break;
    case 'boolean':
      options.push(fc.constantFrom('yes', 1, {}));
      break;
    case 'array':
      options.push(fc.constantFrom('not-an-array', 7, { not: 'an array' }));
      break;
    case 'object':
      options.push(fc.constantFrom('not-an-object', 7, ['x']));
      break;
  }
  return options.length ? fc.oneof(...options) : fc.constant(Symbol('no invalid value'));
}

/** A query value the parameter refuses. */
function invalidQueryValue(raw: Schema): string | undefined {
  const schema = resolve(raw) ?? {};
  if (schema.enum) return 'not-a-member-of-the-enum';
  if (schema.type === 'integer' || schema.type === 'number') return 'seven';
  if (schema.type === 'boolean') return 'maybe';
  if (schema.format === 'uuid') return 'not-a-uuid';
  if (schema.format === 'email') return 'not-an-email';
  if (schema.format === 'date-time' || schema.pattern) return 'yesterday at noon';
  if (schema.maxLength !== undefined) return 'x'.repeat(schema.maxLength + 1);
  return undefined;
}

/** A plausible valid body (only to carry one invalid part): required fields with values of the right type. */
function skeleton(raw: Schema | undefined): Record<string, unknown> {
  const schema = resolve(raw);
  const body: Record<string, unknown> = {};
  for (const name of schema?.required ?? []) {
    const property = resolve(schema?.properties?.[name]) ?? {};
    body[name] = property.enum?.[0] ?? (property.type === 'integer' || property.type === 'number' ? (property.minimum ?? 1) : property.type === 'boolean' ? false : property.type === 'array' ? [] : property.type === 'object' ? {} : 'x'.repeat(Math.max(property.minLength ?? 1, 1)));
  }
  return body;
}

type Mutation =
  | { kind: 'unknown-property' }
  | { kind: 'missing'; property: string }
  | { kind: 'invalid'; property: string; value: unknown }
  | { kind: 'not-json' }
  | { kind: 'malformed-json' }
  | { kind: 'path'; name: string }
  | { kind: 'query'; name: string; value: string };

function mutations(operation: Operation): fc.Arbitrary<Mutation> {
  const options: Array<fc.Arbitrary<Mutation>> = [];
  for (const parameter of operation.parameters) {
    if (parameter.in === 'path') options.push(fc.constant({ kind: 'path', name: parameter.name }));
    const value = parameter.in === 'query' ? invalidQueryValue(parameter.schema) : undefined;
    if (value !== undefined) options.push(fc.constant({ kind: 'query', name: parameter.name, value }));
  }
  if (operation.method !== 'get') {
    options.push(fc.constant({ kind: 'not-json' }), fc.constant({ kind: 'malformed-json' }));
  }
  const body = operation.body;
  if (body?.properties) {
    options.push(fc.constant({ kind: 'unknown-property' }));
    for (const property of body.required ?? []) options.push(fc.constant({ kind: 'missing', property }));
    for (const [property, schema] of Object.entries(body.properties)) {
      const value = invalidValue(schema).filter((v) => typeof v !== 'symbol');
      options.push(value.map((v): Mutation => ({ kind: 'invalid', property, value: v })));
    }
  }
  return fc.oneof(...options);
}

const TRACKED = `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                  WHERE c.relkind = 'r' AND n.nspname = 'public' AND c.relname NOT IN ('sensitive_events', 'migrations', 'sessions')`;

/** Every table's rows (content included), so that an insert, update or delete shows. */
async function snapshot(): Promise<string> {
  const { rows: tables } = await t.db.query<{ name: string }>(TRACKED);
  const parts = await Promise.all(
    tables.map(async ({ name }) => {
      const { rows } = await t.db.query(`SELECT count(*) AS n, coalesce(sum(hashtext(x::text)::bigint), 0) AS h FROM "${name}" x`);
      return `${name}:${rows[0].n}:${rows[0].h}`;
    }),
  );
  const { rows: sessions } = await t.db.query(`SELECT count(*) AS n, count(revoked_at) AS r FROM sessions`);
  return [...parts.sort(), `sessions:${sessions[0].n}:${sessions[0].r}`].join('|');
}

async function send(operation: Operation, mutation: Mutation) {
  let path = operation.path.replace(/\{(\w+)\}/g, (_all, name: string) => (mutation.kind === 'path' && mutation.name === name ? 'not-a-uuid' : idFor(operation.path, name)));
  if (mutation.kind === 'query') path += `?${mutation.name}=${encodeURIComponent(mutation.value)}`;
  const caller = callerFor(operation);
  let request = t.api[operation.method](path);
  if (caller) request = request.set(caller.auth);
  if (operation.method === 'get') return request;
  if (mutation.kind === 'not-json') return request.set('content-type', 'text/plain').send('email=x');
  if (mutation.kind === 'malformed-json') return request.set('content-type', 'application/json').send('{"unterminated": ');
  const body = skeleton(operation.body);
  if (mutation.kind === 'unknown-property') body.notInTheContract = 'x';
  if (mutation.kind === 'missing') delete body[mutation.property];
  if (mutation.kind === 'invalid') body[mutation.property] = mutation.value;
  return request.send(body);
}

describe('every operation refuses input its contract forbids', () => {
  it('has operations to check', () => {
    expect(operations().length).toBeGreaterThan(90);
  });

  // A GET without parameters takes no input, so nothing it could refuse.
  const candidates = () => operations().filter((operation) => operation.method !== 'get' || operation.parameters.length > 0);

  it.each(
    // Listed at collection time from the committed document (the same as the running app's: openapi:check).
    Object.entries((require('../../libs/api-client/openapi.json') as OpenAPIObject).paths).flatMap(([path, item]) =>
      (['get', 'post', 'put', 'patch', 'delete'] as const).filter((method) => item[method]).map((method) => `${method.toUpperCase()} ${path}`),
    ),
  )('%s', async (name) => {
    const [method, path] = name.split(' ');
    const operation = candidates().find((o) => o.method === method.toLowerCase() && o.path === path);
    if (!operation) return;
    await fc.assert(
      fc.asyncProperty(mutations(operation), async (mutation) => {
        const before = await snapshot();
        const response = await send(operation, mutation);
        expect({ mutation, status: response.status >= 400 && response.status < 500 ? '4xx' : response.status, body: response.body }).toMatchObject({
          status: '4xx',
          body: { statusCode: response.status, code: expect.any(String), message: expect.any(String) },
        });
        expect(await snapshot()).toBe(before);
      }),
      { numRuns: 6, seed: 20261203 },
    );
  });
});
