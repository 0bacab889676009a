import { readdirSync } from 'node:fs';
import path from 'node:path';
import { MIGRATIONS } from '../../../../migrations';

describe('migrations/index.ts', () => {
  it('lists every migration file, in timestamp order, so none is silently skipped', () => {
    const folder = path.resolve(__dirname, '../../../../migrations');
    const files = readdirSync(folder).filter((file) => /^\d+-.+\.ts$/.test(file) && !file.endsWith('.spec.ts'));
    const timestamps = files.map((file) => Number(file.split('-')[0])).sort((a, b) => a - b);
    const listed = MIGRATIONS.map((migration) => Number(/(\d+)$/.exec(migration.name)?.[1]));
    expect(listed).toEqual(timestamps);
  });
});
