// Tests of themes/default/static/search.js, run with `node --test` (the Go
// test TestJavaScript in package search runs them too). The tokenizer
// vectors are the same file the Go tests read, so the browser and the
// index builder cannot disagree; the index queried is the Go fixture's
// golden index, search/testdata/index/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const s = require('../../themes/default/static/search.js');
const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const vectors = JSON.parse(readFileSync(here('../testdata/tokenizer_vectors.json'), 'utf8'));

test('tokens match the shared vectors', () => {
  assert.ok(vectors.tokenize.length > 10);
  for (const v of vectors.tokenize) {
    assert.deepEqual(s.tokens(v.text), v.tokens, `tokens(${JSON.stringify(v.text)})`);
  }
});

test('hash matches the shared vectors', () => {
  for (const v of vectors.hash) {
    assert.equal(s.hash(v.token), v.hash, `hash(${JSON.stringify(v.token)})`);
  }
});

test('numbers decode as the shared vectors encode', () => {
  for (const v of vectors.number) {
    assert.deepEqual(s.decodeNumbers(v.text), [v.n], v.text);
  }
  for (const v of vectors.postings) {
    assert.deepEqual(s.decodePostings(v.text), new Map(v.records), v.text);
  }
});

test('expand applies synonyms both ways', () => {
  const groups = [['计生', '计划生育'], ['人口计生局', '人口和计划生育局'], ['B超', 'B型超声']];
  const cases = [
    ['计生', ['计生', '计划生育']],
    ['计划生育', ['计划生育', '计生']],
    ['县人口计生局', ['县人口计生局', '县人口计划生育局', '县人口和计划生育局']],
    ['Ｂ超  检查', ['b超 检查', 'b型超声 检查']],
    ['婚育证明', ['婚育证明']],
  ];
  for (const [q, want] of cases) {
    assert.deepEqual(s.expand(q, groups), want, q);
  }
});

test('required tokens ignore lone characters unless nothing else', () => {
  assert.deepEqual(s.required('流动人口 证明'), ['流动', '动人', '人口', '证明']);
  assert.deepEqual(s.required('计划 局'), ['计划']);
  assert.deepEqual(s.required('站'), ['站']);
  assert.deepEqual(s.required('B超'), ['b', 'b超']);
});

test('segments highlight the phrase, or else each word', () => {
  const cases = [
    ['流动人口婚育证明', ['流动人口'], 0, [['流动人口', true], ['婚育证明', false]]],
    ['电话：7631779', ['7631779'], 0, [['电话：', false], ['7631779', true]]],
    ['作出 8000 元以上', ['8000元'], 0, [['作出 ', false], ['8000 元', true], ['以上', false]]],
    ['流动人口婚育证明', ['流动人口 证明'], 0, [['流动人口', true], ['婚育', false], ['证明', true]]],
    ['ＡＢＣ计划', ['abc'], 0, [['ＡＢＣ', true], ['计划', false]]],
    ['一二三四五六七八九十计划', ['计划'], 8, [['…', false], ['九十', false], ['计划', true]]],
    ['𠀀字𠀀字', ['𠀀字'], 0, [['𠀀字𠀀字', true]]],
  ];
  for (const [text, alts, size, want] of cases) {
    assert.deepEqual(s.segments(text, alts, size), want, text);
  }
});

function fixture() {
  const fetched = [];
  const index = new s.Index(async (name) => {
    fetched.push(name);
    return readFile(here('../testdata/index/' + name), 'utf8');
  });
  return { index, fetched };
}

async function urls(query, filter) {
  const { index } = fixture();
  await index.open();
  const { docs } = await index.search(query, filter);
  return (await index.records(docs)).map((r) => r.url);
}

test('search finds and ranks the fixture', async () => {
  const cases = [
    // Phrase in the title before the body, shorter titles first.
    ['流动人口', ['/services/13/', '/units/ldrk/', '/duties/04/#item-04-02']],
    ['7631779', ['/services/09/', '/units/zcfg/']],
    ['B超', ['/boundaries/03/#roles']],
    ['b型超声', ['/boundaries/03/#roles']],
    ['8000', ['/supervision/04/#三查处流程']],
    ['8000元', ['/supervision/04/#三查处流程']],
    ['奖扶', ['/duties/01/#item-01-04']],
    ['计生', ['/duties/04/#item-04-02', '/duties/01/#item-01-04', '/services/09/', '/supervision/04/#三查处流程']],
    ['流动人口 证明', ['/services/13/']],
    ['火车站', []],
    ['', []],
  ];
  for (const [q, want] of cases) {
    assert.deepEqual(await urls(q), want, q);
  }
});

test('filters by part and unit', async () => {
  assert.deepEqual(await urls('流动人口', { part: 1 }), ['/services/13/']);
  assert.deepEqual(await urls('流动人口', { unit: 2 }), ['/services/13/', '/units/ldrk/', '/duties/04/#item-04-02']);
  // A unit's filter finds the records of the units under it.
  assert.deepEqual(await urls('流动人口', { unit: 1 }), ['/services/13/', '/units/ldrk/', '/duties/04/#item-04-02']);
  assert.deepEqual(await urls('流动人口', { part: 0, unit: 1 }), ['/duties/04/#item-04-02']);
  assert.deepEqual(await urls('流动人口', { unit: 0 }), []);
  assert.deepEqual(await urls('流动人口', { part: 3 }), []);
});

test('records carry part and unit names', async () => {
  const { index } = fixture();
  await index.open();
  const { docs } = await index.search('生育政策咨询');
  const [r] = await index.records(docs.slice(0, 1));
  assert.equal(r.url, '/services/09/');
  assert.equal(r.part, '服务');
  assert.deepEqual(r.units, ['政策法规股（信访室）']);
});

test('a query fetches only the shards of its tokens', async () => {
  const { index, fetched } = fixture();
  const m = await index.open();
  assert.ok(m.shardBits > 0);
  await index.search('7631779');
  assert.deepEqual(fetched, ['index.json', index.shardName('7631779') + '.json']);
});
