import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(full);
    else if (entry.name.endsWith('.dto.ts')) yield full;
  }
}

describe('DTO class names', () => {
  it('are unique across modules, because the OpenAPI document (and so the web client) names schemas by class', () => {
    const seen = new Map<string, string[]>();
    for (const file of sourceFiles(path.resolve(__dirname, '..'))) {
      for (const [, name] of readFileSync(file, 'utf8').matchAll(/export class (\w+)/g)) {
        seen.set(name, [...(seen.get(name) ?? []), path.relative(path.resolve(__dirname, '..'), file)]);
      }
    }
    const clashes = [...seen].filter(([, files]) => files.length > 1);
    expect(clashes).toEqual([]);
  });
});
