#!/usr/bin/env node
/*
 * Proves that the installed Backstage packages are of one release line: every @backstage/* package resolves
 * to exactly one version in yarn.lock (two versions of one package means two release lines are mixed, the
 * kind of mismatch that crashed a generated backend at start), and better-sqlite3 is the one version the
 * root resolution forces (12.x dies under Node 24.19+ with a native assertion).
 */
const fs = require('node:fs');
const path = require('node:path');

const lock = fs.readFileSync(path.resolve(__dirname, '../yarn.lock'), 'utf8');
const versions = new Map();
let current;
for (const line of lock.split('\n')) {
  const header = /^"?((?:@[^@/"\s]+\/)?[^@"\s]+)@/.exec(line);
  if (header && !line.startsWith(' ')) current = header[1];
  const version = /^ {2}version: "?([^"\s]+)"?/.exec(line);
  if (version && current) {
    if (!versions.has(current)) versions.set(current, new Set());
    versions.get(current).add(version[1]);
  }
}

const problems = [];
let backstage = 0;
for (const [name, set] of versions) {
  if (!name.startsWith('@backstage/')) continue;
  backstage++;
  if (set.size > 1)
    problems.push(`${name} resolves to ${[...set].join(' and ')}`);
}
const sqlite = [...(versions.get('better-sqlite3') ?? [])];
if (sqlite.length !== 1 || !sqlite[0].startsWith('13.')) {
  problems.push(
    `better-sqlite3 must resolve to one 13.x version, found ${
      sqlite.join(', ') || 'none'
    }`,
  );
}
if (problems.length) {
  console.error(
    `Backstage packages are not on one release line:\n- ${problems.join(
      '\n- ',
    )}`,
  );
  process.exit(1);
}
const release = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '../backstage.json'), 'utf8'),
).version;
console.log(
  `${backstage} @backstage packages, one version each (release ${release}); better-sqlite3 ${sqlite[0]}`,
);
