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
const search = require("../../theme/static/search.js");
const { openIndex, wholeIndex } = require("./site-index.js");

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
// The index as search.js opens it (parts loaded when a query needs them), and all of it at once,
// for assertions.
const index = openIndex(site);
let whole;
test.before(async () => { whole = await wholeIndex(site); });

// The results of `query`.
async function find(query) {
  return (await search.search(index, query)).results;
}

// The text of a result's section, for assertions.
function sectionText(result) {
  const [page, anchor] = result.url.split("#");
  const doc = whole.docs.find((d) => whole.pages[d[0]][0] === page && d[1] === (anchor || ""));
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
  const stop = new Set(whole.stopwords);
  const fromJs = new Set();
  for (const page of whole.pages) search.words(page[1]).forEach((w) => fromJs.add(w));
  for (const doc of whole.docs) {
    search.words(doc[2] + " " + doc[3]).forEach((w) => fromJs.add(w));
  }
  stop.forEach((w) => fromJs.delete(w));
  assert.deepEqual([...fromJs].sort(), [...whole.words].sort());
});

test("the vocabulary is sorted in JavaScript's string order", () => {
  for (let i = 1; i < whole.words.length; i++) assert.ok(whole.words[i - 1] < whole.words[i], whole.words[i]);
});

test("« droit a l image » finds the page saying « droit à l’image »", async () => {
  const results = await find("droit a l image");
  assert.ok(results.length > 0);
  for (const r of results) assert.match(sectionText(r), /droit à l[’']image/i);
  assert.deepEqual(marked(results[0]).map((t) => t.toLowerCase()), ["droit", "image"]);
});

test("« evaluer » and « évaluer » find « évaluation »", async () => {
  const plain = await find("evaluer");
  const accented = await find("évaluer");
  assert.deepEqual(plain, accented);
  assert.ok(plain.some((r) => /évaluation/i.test(sectionText(r))));
  assert.ok(plain.some((r) => marked(r).some((t) => /^évaluation/i.test(t))));
});

test("« competence » finds « Compétences », titles first", async () => {
  const results = await find("competence");
  assert.ok(results.some((r) => /Compétences/.test(sectionText(r))));
  const titled = results.map((r) => /compétence/i.test(r.title + " " + r.heading));
  // Every result whose title or heading holds the word comes before those where only the text does.
  assert.ok(titled.indexOf(false) < 0 || titled.lastIndexOf(true) < titled.indexOf(false), titled.join());
});

test("words side by side rank before scattered ones", async () => {
  const results = await find("propriété intellectuelle");
  assert.ok(results.length > 0);
  assert.match(sectionText(results[0]), /propriété intellectuelle/i);
});

test("an empty or stopword-only query finds nothing, without error", async () => {
  for (const query of ["", "   ", "le la les", "l’", "de, à ; et !"]) {
    assert.deepEqual(await find(query), [], JSON.stringify(query));
  }
});

test("excerpts are short, and their marks are hits", async () => {
  for (const r of await find("activité")) {
    const text = r.excerpt.map((p) => p.text).join("");
    assert.ok(text.length <= 170, text);
    for (const m of marked(r)) assert.match(search.words(m)[0], /^activ/);
  }
});

test("query words take the stems livret wrote, the same Snowball rules as the pages", async () => {
  // A word of the handbook: its stem is the one livret's Snowball stemmer gave it.
  const stemOf = (word) => whole.stems[whole.words.indexOf(word)];
  assert.deepEqual(await search.stemsOfQueryWord(index, "evaluation"), [stemOf("evaluation")]);
  assert.equal(stemOf("evaluation"), "evalu");
  assert.equal(stemOf("competences"), stemOf("competence"));
  // A word the handbook lacks takes every indexed stem it begins with.
  assert.ok(!whole.words.includes("evaluer"));
  assert.ok((await search.stemsOfQueryWord(index, "evaluer")).includes("evalu"));
  assert.deepEqual(await search.stemsOfQueryWord(index, "zzzzzz"), []);
});

test("« évaluations », a form the handbook lacks, finds « évaluation »", async () => {
  assert.ok(!whole.words.includes("evaluations"));
  const results = await find("évaluations");
  assert.ok(results.some((r) => /évaluation/i.test(sectionText(r))));
});

test("a code, however written, finds its competency first, then only the sections holding it", async () => {
  const code = whole.codes.find(([c]) => /^[A-Z]\.\d\.\d$/.test(c))[0]; // e.g. A.1.3
  const page = `competences/${code.toLowerCase().replace(/\./g, "-")}.html`;
  const [letter, a, b] = code.split(".");
  // A reordered code (A.3.1 for A.1.3) must not come along, as it did when the dots split words.
  const swapped = [letter, b, a].join(".");
  for (const query of [code, code.toLowerCase(), code.replace(/\./g, ""), code.toLowerCase().replace(/\./g, " ")]) {
    const results = await find(query);
    assert.equal(results[0].url, page, `${query}: ${results[0].url}`);
    for (const r of results.slice(1)) {
      assert.match(sectionText(r), new RegExp(code.replace(/\./g, "\\.")), `${query}: ${r.url}`);
      if (a !== b) assert.ok(!r.url.includes(swapped.toLowerCase().replace(/\./g, "-")), r.url);
    }
    const marks = results.slice(1).flatMap(marked);
    assert.ok(marks.length > 0 && marks.every((m) => m === code), `${query}: ${marks}`);
  }
});

test("one result per page and per excerpt: the others are listed under it", async () => {
  for (const query of ["evaluation", "competence", "activite", "plateforme"]) {
    const results = await find(query);
    const pagesSeen = results.map((r) => r.url.split("#")[0]);
    assert.equal(new Set(pagesSeen).size, pagesSeen.length, `${query}: a page twice`);
    const excerpts = results.map((r) => r.excerpt.map((p) => p.text).join(""));
    assert.equal(new Set(excerpts).size, excerpts.length, `${query}: an excerpt twice`);
    assert.ok(results.some((r) => r.also.length > 0), `${query}: nothing grouped`);
  }
});

test("an excerpt is centred on its first hit", async () => {
  let checked = 0;
  for (const r of await find("evaluation")) {
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
  const titles = whole.pages.map((p) => p[1]);
  assert.ok(titles.some((t) => t.includes("’")), "a typographic apostrophe");
  assert.ok(titles.every((t) => !t.includes("'")), `straight apostrophes: ${titles.filter((t) => t.includes("'"))}`);
});

test("a query loads only the parts its words need, and each part once", async () => {
  const fresh = openIndex(site);
  await search.search(fresh, "propriété intellectuelle");
  const loaded = fresh.loadedParts;
  assert.equal(new Set(loaded).size, loaded.length, `a part loaded twice: ${loaded}`);
  assert.ok(loaded.some((name) => name.startsWith("w")) && loaded.some((name) => name.startsWith("t")), `${loaded}`);
  await search.search(fresh, "propriété intellectuelle");
  assert.equal(fresh.loadedParts.length, loaded.length, "the same query again loads nothing");
});

test("the postings' numbers read back as livret wrote them (base64 VLQ)", () => {
  // "A" 0, "f" 31, "gB" 32, "//D" 4,095: five bits a digit, low bits first.
  assert.deepEqual(search.vlq("AfgB//D"), [0, 31, 32, 31 + 32 * 31 + 1024 * 3]);
});

test("a part that failed to load is loaded again by the next query", async () => {
  const { part, inflate } = require("./site-index.js");
  let failures = 1;
  const flaky = new search.Index(part(site, "index"), (name) => {
    if (name.startsWith("w") && failures > 0) {
      failures--;
      return Promise.reject(new Error(`${name}: network`));
    }
    return Promise.resolve(part(site, name));
  }, inflate);
  await assert.rejects(search.search(flaky, "évaluation"));
  const { results } = await search.search(flaky, "évaluation");
  assert.ok(results.length > 0);
});
