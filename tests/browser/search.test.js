// The search, as a reader uses it: typed in the header of any page, over HTTP and from file://,
// without accents or apostrophes, with another word ending, then browsed with the keyboard.
"use strict";

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { serve, fileBase, launch, open, pages, site } = require("./support");

let browser, server;
before(async () => { browser = await launch(); server = await serve(); texts = await mainTexts(); });
after(async () => { await browser?.close(); await server?.close(); });

// The text of every content page's main part, apostrophes and no-break spaces made plain, read
// from the built files with the browser's own HTML parser.
let texts;
async function mainTexts() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const files = pages().filter((p) => !["recherche.html", "impression.html", "404.html"].includes(p))
    .map((p) => [p, fs.readFileSync(path.join(site, p), "utf8")]);
  const found = await page.evaluate((files) => files.map(([p, html]) => {
    const main = new DOMParser().parseFromString(html, "text/html").querySelector("main");
    return [p, (main ? main.textContent : "").replace(/[\u00a0\u202f]/g, " ").replace(/[’']/g, "'")];
  }), files);
  await context.close();
  return new Map(found);
}

// Pages (not the search or print pages) whose text holds `phrase`.
function pagesHolding(phrase) {
  return [...texts].filter(([, text]) => text.includes(phrase)).map(([p]) => p);
}

// Types `query` in the header search of the home page, submits it, and returns the results.
async function searchFromHeader(context, base, query) {
  const { page, problems } = await open(context, base + "index.html");
  await page.fill("header form[role=search] input[name=q]", query);
  await page.press("header form[role=search] input[name=q]", "Enter");
  await page.waitForSelector("[data-search-results] > li > a");
  const results = await page.$$eval("[data-search-results] > li > a", (links) =>
    links.map((a) => a.getAttribute("href")));
  const status = await page.textContent("[data-search-status]");
  return { page, problems, results, status };
}

const target = (href) => href.split("#")[0].replace(/^(\.\.\/)+/, "");

for (const [name, base] of [["HTTP", () => server.base], ["file://", fileBase]]) {
  test(`"droit a l image" finds « droit à l'image » from the header (${name})`, async () => {
    const expected = pagesHolding("droit à l'image");
    assert.ok(expected.length > 0, "the handbook speaks of « droit à l'image »");
    const context = await browser.newContext();
    const { results, status, problems } = await searchFromHeader(context, base(), "droit a l image");
    assert.ok(expected.includes(target(results[0])), `first result ${results[0]} is one of ${expected}`);
    assert.match(status, new RegExp(String(results.length)), "the status announces the count");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`"evaluer" finds « évaluation » (${name})`, async () => {
    const expected = pagesHolding("évaluation");
    assert.ok(expected.length > 0, "the handbook speaks of « évaluation »");
    const context = await browser.newContext();
    const { page, results } = await searchFromHeader(context, base(), "evaluer");
    assert.ok(results.some((href) => expected.includes(target(href))), `results ${results} reach ${expected}`);
    const marked = await page.$$eval("[data-search-results] mark", (marks) => marks.map((m) => m.textContent.toLowerCase()));
    assert.ok(marked.some((m) => m.startsWith("évaluation")), `highlighted: ${marked}`);
    await context.close();
  });
}

test("a code finds its competency first, whatever its dots and case", async () => {
  const context = await browser.newContext();
  for (const query of ["A.1.3", "a13", "a.1.3"]) {
    const { page, results, problems } = await searchFromHeader(context, server.base, query);
    assert.equal(target(results[0]), "competences/a-1-3.html", `${query}: ${results}`);
    // The reordered codes that came along when dots split the words.
    for (const other of ["a-3-1", "b-1-3", "b-3-1"]) {
      assert.ok(!results.some((href) => href.includes(other)), `${query}: ${other} in ${results}`);
    }
    const marks = await page.$$eval("[data-search-results] mark", (ms) => ms.map((m) => m.textContent));
    assert.ok(marks.length > 0 && marks.every((m) => m === "A.1.3"), `${query}: ${marks}`);
    assert.deepEqual(problems, []);
    await page.close();
  }
  await context.close();
});

test("no two results share a section, and a result's other places are listed under it", async () => {
  const context = await browser.newContext();
  for (const query of ["evaluation", "competence", "A.1.3"]) {
    const { page, results } = await searchFromHeader(context, server.base, query);
    const pagesShown = results.map(target);
    assert.equal(new Set(pagesShown).size, pagesShown.length, `${query}: ${pagesShown}`);
    const excerpts = await page.$$eval("[data-search-results] .search-excerpt", (ps) => ps.map((p) => p.textContent));
    assert.equal(new Set(excerpts).size, excerpts.length, `${query}: an excerpt twice`);
    await page.close();
  }
  const { page } = await searchFromHeader(context, server.base, "evaluation");
  const also = await page.$$eval("[data-search-results] .search-also a", (links) => links.length);
  assert.ok(also > 0, "the grouped places are links");
  const titles = await page.$$eval("[data-search-results] .search-result-title", (ts) => ts.map((t) => t.textContent));
  assert.ok(titles.every((t) => !t.includes("'")), `straight apostrophes in ${titles}`);
  await context.close();
});

test("the results are reached with Tab and opened with Enter", async () => {
  const context = await browser.newContext();
  const { page, results } = await searchFromHeader(context, server.base, "competence");
  await page.focus("[data-search-form] input[name=q]");
  let focused = null;
  for (let i = 0; i < 10 && !focused?.inResults; i++) {
    await page.keyboard.press("Tab");
    focused = await page.evaluate(() => ({
      inResults: !!document.activeElement.closest("[data-search-results]"),
      href: document.activeElement.getAttribute("href"),
    }));
  }
  assert.ok(focused.inResults, "Tab from the field reaches the results");
  assert.equal(focused.href, results[0], "the first result comes first");
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
  assert.equal(new URL(page.url()).pathname.endsWith(target(results[0])), true);
  await context.close();
});
