import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../../../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

describe('the example catalog', () => {
  it('holds every user app-config.yaml names, the guest sign-in included, so no page load gets a 404 for one', () => {
    // The guest sign-in resolves to user:development/guest, which the config names as a portal admin.
    const named = read('app-config.yaml').match(/\buser:[\w-]+\/[\w-]+/g) ?? [];
    expect(named).toContain('user:development/guest');
    // The example files are flat, one entity per document, so their fields are read line by line.
    const field = (doc: string, key: string) =>
      doc.match(new RegExp(`^\\s+${key}: (\\S+)$`, 'm'))?.[1];
    const users = new Set(
      ['examples/org.yaml', 'examples/entities.yaml']
        .flatMap(f => read(f).split(/^---$/m))
        .filter(doc => /^kind: User$/m.test(doc))
        .map(
          doc =>
            `user:${field(doc, 'namespace') ?? 'default'}/${field(
              doc,
              'name',
            )}`,
        ),
    );
    expect(users).toContain('user:default/alice');
    expect(named.filter(ref => !users.has(ref))).toEqual([]);
  });
});
