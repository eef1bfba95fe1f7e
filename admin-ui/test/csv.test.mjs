// lib/csv.ts without a browser: the file is compiled with the project's own TypeScript and imported as a module.
// Run: cd admin-ui && node --test test/csv.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { ADMIN_UI } from './harness.mjs';

const source = readFileSync(path.join(ADMIN_UI, 'lib', 'csv.ts'), 'utf8');
const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2020 } }).outputText;
const { csv, csvCell } = await import(`data:text/javascript;base64,${Buffer.from(js).toString('base64')}`);

test('fields with commas, quotes or line breaks are quoted with the quotes doubled (RFC 4180)', () => {
  assert.equal(csvCell('plain'), 'plain');
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell('two\nlines'), '"two\nlines"');
  assert.equal(csvCell('cr\rhere'), '"cr\rhere"');
  assert.equal(csvCell(null), '');
  assert.equal(csvCell(undefined), '');
  assert.equal(csvCell(20), '20');
  assert.equal(csvCell(false), 'false');
});

test('a cell a spreadsheet would run as a formula starts with a single quote', () => {
  for (const formula of ['=1+1', '+254712345678', '-2+3', '@SUM(A1)', '\tx'])
    assert.equal(csvCell(formula).replace(/^"|"$/g, '').charAt(0), "'", `${JSON.stringify(formula)} is defused`);
  assert.equal(csvCell('=HYPERLINK("http://x","y")'), '"\'=HYPERLINK(""http://x"",""y"")"', 'defused and then quoted');
  assert.equal(csvCell('a=b'), 'a=b', 'only a leading sign matters');
});

test('a file is the header row and one CRLF-ended row per record', () => {
  assert.equal(csv(['id', 'note'], [[1, 'ok'], [2, 'x,y']]), 'id,note\r\n1,ok\r\n2,"x,y"\r\n');
  assert.equal(csv(['id'], []), 'id\r\n');
});
