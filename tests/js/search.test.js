// The search page's query side (theme/static/search.js) on the index the real binary builds from
// the real content: node --test tests/js/
// The site is built with `cargo run` into a temporary folder, or read from $LIVRET_SITE when the
// caller has built it (scripts/check-real-apps.sh does).
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const vm = require("node:vm");
const search = require("../../theme/static/search.js");

const repository = path.join(__dirname, "..", "..");

function buildSite() {
  if (process.env.LIVRET_SITE) return process.env.LIVRET_SITE;
  const output = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "livret-search-")), "site");
  execFileSync("cargo", ["run", "--quiet", "--", "build", "--root", repository, "--output", output], {
    cwd: repository,
    stdio: ["ignore", "ignore", "inherit"],
  });
  return output;
}

const site = buildSite();
// The index script as the browser runs it: it sets a global on `window`.
const window = {};
vm.runInNewContext(fs.readFileSync(path.join(site, "assets", "search-index.js"), "utf8"), { window });
const index = window.livretSearchIndex;

// The text of a result's section, for assertions.
function sectionText(result) {
  const [page, anchor] = result.url.split("#");
  const doc = index.docs.find((d) => index.pages[d[0]][0] === page && d[1] === (anchor || ""));
  return [result.title, doc[2], doc[3]].join(" ");
}

function marked(result) {
  return result.excerpt.filter((p) => p.mark).map((p) => p.text);
}

test("folds the tricky words as livret does (same cases as the Rust unit test)", () => {
  const cases = [
    ["Œuvre", ["oeuvre"]],
    ["Ça", ["ca"]],
    ["l’image", ["l", "image"]],
    ["l'image", ["l", "image"]],
    ["élève", ["eleve"]],
    ["FORMATION", ["formation"]],
    ["ex æquo", ["ex", "aequo"]],
    ["Compétences", ["competences"]],
    ["e\u0301cole", ["ecole"]],
    ["ﬁche 1ᵉʳ", ["fiche", "1er"]],
  ];
  for (const [text, expected] of cases) assert.deepEqual(search.words(text), expected, text);
});

test("every word livret indexed is a word search.js finds in the same text, and back", () => {
  const stop = new Set(index.stopwords);
  const fromJs = new Set();
  for (const page of index.pages) search.words(page[1]).forEach((w) => fromJs.add(w));
  for (const doc of index.docs) {
    search.words(doc[2] + " " + doc[3]).forEach((w) => fromJs.add(w));
  }
  stop.forEach((w) => fromJs.delete(w));
  assert.deepEqual([...fromJs].sort(), [...index.words].sort());
});

test("the vocabulary is sorted in JavaScript's string order", () => {
  for (let i = 1; i < index.words.length; i++) assert.ok(index.words[i - 1] < index.words[i], index.words[i]);
});

test("« droit a l image » finds the page saying « droit à l’image »", () => {
  const results = search.search(index, "droit a l image");
  assert.ok(results.length > 0);
  for (const r of results) assert.match(sectionText(r), /droit à l[’']image/i);
  assert.deepEqual(marked(results[0]).map((t) => t.toLowerCase()), ["droit", "image"]);
});

test("« evaluer » and « évaluer » find « évaluation »", () => {
  const plain = search.search(index, "evaluer");
  const accented = search.search(index, "évaluer");
  assert.deepEqual(plain, accented);
  assert.ok(plain.some((r) => /évaluation/i.test(sectionText(r))));
  assert.ok(plain.some((r) => marked(r).some((t) => /^évaluation/i.test(t))));
});

test("« competence » finds « Compétences », titles first", () => {
  const results = search.search(index, "competence");
  assert.ok(results.some((r) => /Compétences/.test(sectionText(r))));
  const titled = results.map((r) => /compétence/i.test(r.title + " " + r.heading));
  // Every result whose title or heading holds the word comes before those where only the text does.
  assert.ok(titled.indexOf(false) < 0 || titled.lastIndexOf(true) < titled.indexOf(false), titled.join());
});

test("words side by side rank before scattered ones", () => {
  const results = search.search(index, "propriété intellectuelle");
  assert.ok(results.length > 0);
  assert.match(sectionText(results[0]), /propriété intellectuelle/i);
});

test("an empty or stopword-only query finds nothing, without error", () => {
  for (const query of ["", "   ", "le la les", "l’", "de, à ; et !"]) {
    assert.deepEqual(search.search(index, query), [], JSON.stringify(query));
  }
});

test("excerpts are short, and their marks are hits", () => {
  for (const r of search.search(index, "activité")) {
    const text = r.excerpt.map((p) => p.text).join("");
    assert.ok(text.length <= 170, text);
    for (const m of marked(r)) assert.match(search.words(m)[0], /^activ/);
  }
});

test("query words take the stems livret wrote, the same Snowball rules as the pages", () => {
  // A word of the handbook: its stem is the one livret's Snowball stemmer gave it.
  const stemOf = (word) => index.stems[index.word_stems[index.words.indexOf(word)]];
  assert.deepEqual(search.stemsOfQueryWord(index, "evaluation"), [stemOf("evaluation")]);
  assert.equal(stemOf("evaluation"), "evalu");
  assert.equal(stemOf("competences"), stemOf("competence"));
  // A word the handbook lacks takes every indexed stem it begins with.
  assert.ok(!index.words.includes("evaluer"));
  assert.ok(search.stemsOfQueryWord(index, "evaluer").includes("evalu"));
  assert.deepEqual(search.stemsOfQueryWord(index, "zzzzzz"), []);
});

test("« évaluations », a form the handbook lacks, finds « évaluation »", () => {
  assert.ok(!index.words.includes("evaluations"));
  const results = search.search(index, "évaluations");
  assert.ok(results.some((r) => /évaluation/i.test(sectionText(r))));
});

test("a code, however written, finds its competency first, then only the sections holding it", () => {
  const code = index.codes.find(([c]) => /^[A-Z]\.\d\.\d$/.test(c))[0]; // e.g. A.1.3
  const page = `competences/${code.toLowerCase().replace(/\./g, "-")}.html`;
  const [letter, a, b] = code.split(".");
  // A reordered code (A.3.1 for A.1.3) must not come along, as it did when the dots split words.
  const swapped = [letter, b, a].join(".");
  for (const query of [code, code.toLowerCase(), code.replace(/\./g, ""), code.toLowerCase().replace(/\./g, " ")]) {
    const results = search.search(index, query);
    assert.equal(results[0].url, page, `${query}: ${results[0].url}`);
    for (const r of results.slice(1)) {
      assert.match(sectionText(r), new RegExp(code.replace(/\./g, "\\.")), `${query}: ${r.url}`);
      if (a !== b) assert.ok(!r.url.includes(swapped.toLowerCase().replace(/\./g, "-")), r.url);
    }
    const marks = results.slice(1).flatMap(marked);
    assert.ok(marks.length > 0 && marks.every((m) => m === code), `${query}: ${marks}`);
  }
});

test("one result per page and per excerpt: the others are listed under it", () => {
  for (const query of ["evaluation", "competence", "activite", "plateforme"]) {
    const results = search.search(index, query);
    const pagesSeen = results.map((r) => r.url.split("#")[0]);
    assert.equal(new Set(pagesSeen).size, pagesSeen.length, `${query}: a page twice`);
    const excerpts = results.map((r) => r.excerpt.map((p) => p.text).join(""));
    assert.equal(new Set(excerpts).size, excerpts.length, `${query}: an excerpt twice`);
    assert.ok(results.some((r) => r.also.length > 0), `${query}: nothing grouped`);
  }
});

test("an excerpt is centred on its first hit", () => {
  let checked = 0;
  for (const r of search.search(index, "evaluation")) {
    const text = r.excerpt.map((p) => p.text).join("");
    const at = r.excerpt.findIndex((p) => p.mark);
    // Only where the text had to be cut before its first hit.
    if (at < 0 || r.excerpt[0].text !== "…" || text.length < 150) continue;
    const before = r.excerpt.slice(0, at).map((p) => p.text).join("").length;
    assert.ok(before > 30 && before < 110, `${before} characters before the hit: ${text}`);
    checked++;
  }
  assert.ok(checked > 2, `${checked} excerpts checked`);
});

test("titles carry the site's typography", () => {
  const titles = index.pages.map((p) => p[1]);
  assert.ok(titles.some((t) => t.includes("’")), "a typographic apostrophe");
  assert.ok(titles.every((t) => !t.includes("'")), `straight apostrophes: ${titles.filter((t) => t.includes("'"))}`);
});
