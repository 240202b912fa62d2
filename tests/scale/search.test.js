// The search of a large site in Chromium: on the 10,000-page corpus (scripts/check-real-apps.sh
// builds it with `cargo run --example corpus` and sets LIVRET_SITE), typical one- and two-word
// queries find results over HTTP and from file://, loading at most 1 MB of the index (manifest,
// word shards, text parts, as the browser received them); the whole index is at most 15 MB.
"use strict";

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { serve, fileBase, launch, open, pages, site } = require("../browser/support");

const QUERIES = ["citoyenneté", "tablette", "evaluer", "grille critique", "enseignant numérique"];
const MB = 1024 * 1024;

let browser, server;
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser?.close(); await server?.close(); });

test("the site is the 10,000-page corpus", () => {
  assert.ok(pages().length >= 10000, `${pages().length} pages`);
});

test("the index's files hold at most 15 MB", () => {
  const dir = path.join(site, "assets", "search");
  const total = fs.readdirSync(dir).reduce((sum, name) => sum + fs.statSync(path.join(dir, name)).size, 0);
  console.log(`index: ${(total / MB).toFixed(1)} MB in ${fs.readdirSync(dir).length} files`);
  assert.ok(total <= 15 * MB, `${(total / MB).toFixed(1)} MB`);
});

// Opens the search page at `base` with `query` and returns the results shown, the status and the
// bytes of the index's files the page received.
async function searchFor(base, query) {
  const context = await browser.newContext();
  const { page, problems } = await open(context, `${base}recherche.html`);
  const received = [];
  page.on("response", async (response) => {
    if (!response.url().includes("/assets/search/")) return;
    received.push((await response.body()).length);
  });
  const start = Date.now();
  await page.fill("[data-search-form] input[name=q]", query);
  await page.press("[data-search-form] input[name=q]", "Enter");
  await page.waitForSelector("[data-search-results] > li > a");
  const millis = Date.now() - start;
  const results = await page.$$eval("[data-search-results] > li", (items) => items.length);
  const status = await page.textContent("[data-search-status]");
  // The manifest came with the page, before the listener.
  const manifest = fs.statSync(path.join(site, "assets", "search", "index.js")).size;
  const bytes = manifest + received.reduce((a, b) => a + b, 0);
  await context.close();
  return { results, status, bytes, parts: received.length, millis, problems };
}

for (const query of QUERIES) {
  test(`"${query}" finds results loading at most 1 MB of the index`, async () => {
    const found = await searchFor(server.base, query);
    console.log(`${query}: ${found.results} shown, ${found.parts} parts, ${(found.bytes / 1024).toFixed(0)} KB, ${found.millis} ms`);
    assert.ok(found.results > 0, found.status);
    assert.ok(found.bytes <= MB, `${(found.bytes / 1024).toFixed(0)} KB loaded`);
    assert.deepEqual(found.problems, []);
  });
}

test("the search works from file:// too", async () => {
  const found = await searchFor(fileBase(), QUERIES[3]);
  assert.ok(found.results > 0, found.status);
  assert.deepEqual(found.problems, []);
});
