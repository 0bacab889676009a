import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { accessRequirementsOf, type AccessRequirement } from '../../../apps/api/src/access/access.decorator';
import { CALLER_KINDS, CALLER_LABELS, type CallerKind } from '../support/world';

/** One route of the running app, read from the metadata Nest routes by. */
export interface AppRoute {
  /** `METHOD /api/path/{param}`: the matrix's row key. */
  key: string;
  method: string;
  /** `/api/path/{param}` */
  path: string;
  controller: string;
  handlerName: string;
  requirements: AccessRequirement[];
}

const GLOBAL_PREFIX = 'api';

const joinPath = (...parts: string[]) =>
  `/${parts
    .flatMap((part) => part.split('/'))
    .filter(Boolean)
    .map((segment) => (segment.startsWith(':') ? `{${segment.slice(1)}}` : segment))
    .join('/')}`;

/**
 * Every controller handler the application registered, from the module graph (the same
 * PATH_METADATA / METHOD_METADATA Nest's router reads), prefixed with the global `/api`.
 */
export function routesOf(app: INestApplication): AppRoute[] {
  const routes: AppRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      const bases: string[] = [Reflect.getMetadata(PATH_METADATA, controller) ?? '/'].flat();
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const own: string | string[] | undefined = Reflect.getMetadata(PATH_METADATA, handler);
        if (own === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        for (const base of bases) {
          for (const sub of [own].flat()) {
            const routePath = joinPath(GLOBAL_PREFIX, base, sub);
            routes.push({
              key: `${method} ${routePath}`,
              method,
              path: routePath,
              controller: controller.name,
              handlerName: name,
              requirements: accessRequirementsOf(handler),
            });
          }
        }
      }
    }
  }
  return routes.sort((a, b) => a.key.localeCompare(b.key));
}

/** A cell of the matrix: what the route answers that caller. */
export type Verdict = 'pass' | '401' | '403' | '404';
export const VERDICTS: readonly Verdict[] = ['pass', '401', '403', '404'];

/** The status of an answer as the matrix writes it: any status but 401/403/404 reached the use case. */
export const verdictOf = (status: number): Verdict => (status === 401 || status === 403 || status === 404 ? (String(status) as Verdict) : 'pass');

export interface MatrixRow {
  route: string;
  cells: Record<CallerKind, Verdict>;
  /** Cells the table marks with `*`: the app disagrees (see the disagreements in the .md). */
  disputed: CallerKind[];
}

export const MATRIX_FILE = path.join(__dirname, 'access-matrix.md');

/** The column headers of access-matrix.md, in CALLER_KINDS order. */
export const MATRIX_HEADERS: Record<CallerKind, string> = CALLER_LABELS;

/** Reads the table under `## Matrix` in access-matrix.md: one row per route, one cell per caller kind. */
export function readMatrix(file = MATRIX_FILE): MatrixRow[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const start = lines.findIndex((line) => line.trim() === '## Matrix');
  if (start < 0) throw new Error(`${file}: no "## Matrix" section`);
  const after = lines.slice(start + 1);
  const first = after.findIndex((line) => line.startsWith('|'));
  const end = after.findIndex((line, index) => index > first && !line.startsWith('|'));
  const table = after.slice(first, end < 0 ? after.length : end);
  const cellsOf = (line: string) => line.split('|').slice(1, -1).map((cell) => cell.trim());
  const [header, separator, ...body] = table;
  const headers = cellsOf(header);
  const expected = ['route', ...CALLER_KINDS.map((kind) => MATRIX_HEADERS[kind])];
  if (JSON.stringify(headers) !== JSON.stringify(expected)) {
    throw new Error(`${file}: the matrix's columns must be ${expected.join(' | ')}, found ${headers.join(' | ')}`);
  }
  if (!/^\|[\s:|-]+\|$/.test(separator.trim())) throw new Error(`${file}: the matrix has no header separator`);
  const rows: MatrixRow[] = [];
  for (const line of body) {
    const [route, ...values] = cellsOf(line);
    const cells = {} as Record<CallerKind, Verdict>;
    const disputed: CallerKind[] = [];
    CALLER_KINDS.forEach((kind, index) => {
      const raw = values[index] ?? '';
      const value = raw.replace(/\*$/, '') as Verdict;
      if (!VERDICTS.includes(value)) throw new Error(`${file}: ${route} / ${MATRIX_HEADERS[kind]}: "${raw}" is not one of ${VERDICTS.join(', ')}`);
      cells[kind] = value;
      if (raw.endsWith('*')) disputed.push(kind);
    });
    rows.push({ route: route.replace(/`/g, ''), cells, disputed });
  }
  return rows;
}
