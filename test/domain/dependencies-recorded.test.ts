// Every direct dependency of package.json has its row in docs/security.md ("依赖与已知漏洞"), with the advisories
// checked for it: adding a dependency without recording it fails here.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
const doc = fs.readFileSync('docs/security.md', 'utf8');
const section = doc.slice(doc.indexOf('## 依赖与已知漏洞'));

describe('the dependency table of docs/security.md', () => {
  it('exists', () => {
    expect(doc).toContain('## 依赖与已知漏洞 / Dependencies and known advisories');
  });

  it.each([...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)])('lists %s with what was checked', (name) => {
    const row = section.split('\n').find((line) => line.startsWith(`| \`${name}\` |`));
    expect(row, `no row for ${name}: run node scripts/deps-report.mjs and add it`).toBeDefined();
    // package | kind | wanted | installed | license | advisories checked
    const cells = row!.split('|').slice(1, -1).map((c) => c.trim());
    expect(cells).toHaveLength(6);
    expect(cells[5]!.length, `${name}: say which advisories were checked`).toBeGreaterThan(5);
  });
});
