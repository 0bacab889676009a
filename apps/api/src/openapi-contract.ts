import type { OpenAPIObject, OperationObject, ReferenceObject, ResponsesObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

/**
 * Makes the OpenAPI document say what the server does, for every route at once (the rest comes
 * from `@Access`, which writes each route's security and its 401/403/404):
 * - what every write may answer before its handler runs: 400 (malformed JSON), 403 CROSS_SITE and
 *   415 (common/cross-site.ts); what every route with input may answer: 400 VALIDATION_FAILED;
 * - request bodies refuse unknown properties (`additionalProperties: false`), as the validation
 *   pipe does (whitelist, forbidNonWhitelisted);
 * - the class-validator rules of each DTO (lengths, integers, ranges, patterns, formats, enums)
 *   appear in its schema, where `@ApiProperty` did not state them already;
 * - a nullable enum names its type (OpenAPI 3.0 has no `nullable` without `type`).
 */
export function completeContract(document: OpenAPIObject): OpenAPIObject {
  const schemas = (document.components?.schemas ?? {}) as Record<string, SchemaObject>;
  addValidationRules(schemas);
  for (const schema of Object.values(schemas)) typeNullables(schema, schemas);
  const inputs = new Set<string>();
  for (const path of Object.values(document.paths)) {
    for (const [method, operation] of Object.entries(path) as Array<[string, OperationObject]>) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      addCommonAnswers(method, operation);
      const body = (operation.requestBody as { content?: Record<string, { schema?: SchemaObject | ReferenceObject }> } | undefined)?.content;
      for (const media of Object.values(body ?? {})) collectRefs(media.schema, schemas, inputs);
    }
  }
  for (const name of inputs) schemas[name].additionalProperties = false;
  return document;
}

const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponseDto' } } } });

/** Appends to an answer's description, or adds the answer. */
function answer(responses: ResponsesObject, status: string, description: string): void {
  const existing = responses[status] as { description?: string } | undefined;
  if (!existing) responses[status] = error(description);
  else if (!existing.description?.includes(description.split(':')[0])) existing.description = `${existing.description ?? ''}; ${description}`.replace(/^; /, '');
}

function addCommonAnswers(method: string, operation: OperationObject): void {
  const responses = operation.responses;
  const write = method !== 'get';
  if (write || (operation.parameters?.length ?? 0) > 0) {
    answer(responses, '400', write ? 'VALIDATION_FAILED or BAD_REQUEST: invalid fields (named in `fields`) or malformed JSON' : 'VALIDATION_FAILED: invalid parameters (named in `fields`)');
  }
  if (write) {
    answer(responses, '403', 'CROSS_SITE: a write from another site’s page');
    answer(responses, '415', 'UNSUPPORTED_MEDIA_TYPE: a body that is not application/json');
  }
}

function collectRefs(node: unknown, schemas: Record<string, SchemaObject>, found: Set<string>): void {
  if (!node || typeof node !== 'object') return;
  const ref = (node as ReferenceObject).$ref;
  if (typeof ref === 'string') {
    const name = ref.replace('#/components/schemas/', '');
    if (found.has(name) || !schemas[name]) return;
    if (schemas[name].type === 'object' || schemas[name].properties) found.add(name);
    collectRefs(schemas[name], schemas, found);
    return;
  }
  for (const value of Object.values(node)) collectRefs(value, schemas, found);
}

/** `{ nullable, allOf: [$ref enum] }` without a type: the enum's type is written beside it. */
function typeNullables(node: unknown, schemas: Record<string, SchemaObject>): void {
  if (!node || typeof node !== 'object') return;
  const schema = node as SchemaObject;
  if (schema.nullable && !schema.type) {
    const ref = (schema.allOf?.[0] as ReferenceObject | undefined)?.$ref ?? (schema as ReferenceObject).$ref;
    const target = ref ? schemas[ref.replace('#/components/schemas/', '')] : undefined;
    if (target?.type) schema.type = target.type;
  }
  for (const value of Object.values(node)) typeNullables(value, schemas);
}

/** Every class class-validator knows, by name (Nest names component schemas after their DTO class). */
type DtoClass = abstract new (...args: never[]) => unknown;

function validatedClasses(): Map<string, DtoClass> {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<DtoClass, unknown> };
  const classes = new Map<string, DtoClass>();
  for (const target of storage.validationMetadatas.keys()) classes.set(target.name, target);
  return classes;
}

function addValidationRules(schemas: Record<string, SchemaObject>): void {
  const classes = validatedClasses();
  for (const [name, schema] of Object.entries(schemas)) {
    const target = classes.get(name);
    if (!target || !schema.properties) continue;
    const rules = getMetadataStorage().getTargetValidationMetadatas(target, '', true, false);
    for (const rule of rules) {
      const property = schema.properties[rule.propertyName] as SchemaObject | undefined;
      if (!property || '$ref' in property) continue;
      const at = rule.each && property.type === 'array' ? (property.items as SchemaObject) : property;
      if (at && !('$ref' in at)) applyRule(at, rule);
    }
  }
}

const setIfAbsent = <K extends keyof SchemaObject>(schema: SchemaObject, key: K, value: SchemaObject[K]) => {
  if (schema[key] === undefined && value !== undefined) schema[key] = value;
};

function applyRule(schema: SchemaObject, rule: ValidationMetadata): void {
  const [first, second] = (rule.constraints ?? []) as unknown[];
  switch (rule.name) {
    case 'isLength':
      setIfAbsent(schema, 'minLength', first as number);
      setIfAbsent(schema, 'maxLength', second as number | undefined);
      break;
    case 'minLength':
      setIfAbsent(schema, 'minLength', first as number);
      break;
    case 'maxLength':
      setIfAbsent(schema, 'maxLength', first as number);
      break;
    case 'min':
      setIfAbsent(schema, 'minimum', first as number);
      break;
    case 'max':
      setIfAbsent(schema, 'maximum', first as number);
      break;
    case 'arrayMinSize':
      setIfAbsent(schema, 'minItems', first as number);
      break;
    case 'arrayMaxSize':
      setIfAbsent(schema, 'maxItems', first as number);
      break;
    case 'isInt':
      if (schema.type === 'number' || schema.type === undefined) schema.type = 'integer';
      break;
    case 'isBoolean':
      setIfAbsent(schema, 'type', 'boolean');
      break;
    case 'matches':
      if (first instanceof RegExp && (first.flags === '' || first.flags === 'u')) setIfAbsent(schema, 'pattern', first.source);
      break;
    case 'isUuid':
      setIfAbsent(schema, 'format', 'uuid');
      break;
    case 'isEmail':
      setIfAbsent(schema, 'format', 'email');
      break;
    case 'isIn':
      if (!schema.allOf && Array.isArray(first)) setIfAbsent(schema, 'enum', first as unknown[]);
      break;
  }
}
