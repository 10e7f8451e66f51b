import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { documentedSettings, generatedSettings } from '../scripts/docs-config';
import { SETTINGS_REFERENCE } from '../src/sms-mfa.settings';

const ROOT = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const PAGES = ['README.md', ...readdirSync(join(ROOT, 'docs')).map((f) => `docs/${f}`)];

describe('the docs', () => {
  it('docs/configuration.md lists every variable the module reads, and no other', () => {
    const page = read('docs/configuration.md').split('\n## Every variable')[1].split('\n## The demo app only')[0];
    const documented = [...page.matchAll(/^\| `([A-Z0-9_<>]+)` \|/gm)].map((m) => m[1]);
    assert.deepEqual([...new Set(documented)].sort(), SETTINGS_REFERENCE.map((s) => s.variable).sort());
    assert.equal(documented.length, new Set(documented).size, 'each variable has one row');
  });

  it('docs/configuration.md is what the settings declarations generate (npm run docs:config)', () => {
    assert.equal(documentedSettings(read('docs/configuration.md')), generatedSettings());
  });

  it('keeps the README within 400 lines', () => {
    assert.ok(read('README.md').split('\n').length <= 400);
  });

  it('links only to files that exist', () => {
    for (const page of PAGES) {
      for (const [, target] of read(page).matchAll(/\]\((?!https?:|#|mailto:)([^)#\s]+)(?:#[^)]*)?\)/g)) {
        assert.ok(existsSync(join(ROOT, dirname(page), target)), `${page} links to ${target}`);
      }
    }
  });

  it("embeds the example host's SMS provider as it is", () => {
    const example = read('examples/nest-host/src/acme-sms.provider.ts');
    assert.ok(read('docs/channels.md').includes(example), 'docs/channels.md embeds examples/nest-host/src/acme-sms.provider.ts');
  });
});

describe('the image', () => {
  it('ships every folder of PL/pgSQL the migrations load', () => {
    const folders = (readdirSync(join(ROOT, 'src'), { recursive: true }) as string[]).filter((p) => p.split('/').pop() === 'sql').map((p) => `src/${p}`);
    assert.ok(folders.length >= 4, `found ${folders.join(', ')}`);
    const dockerfile = read('Dockerfile');
    for (const folder of folders) assert.ok(dockerfile.includes(`COPY --from=build /app/${folder} ./${folder}`), `the Dockerfile copies ${folder}`);
  });
});
