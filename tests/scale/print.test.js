// The print edition of a large site in Chromium: on the 10,000-page corpus (see search.test.js),
// the edition comes as a contents page and volumes; both load cleanly and pass axe-core's WCAG 2.1
// A/AA rules, the contents page leads to every volume, and a link to a page of another volume
// lands on that page's section there.
"use strict";

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { serve, launch, open, axe } = require("../browser/support");

let browser, server;
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser?.close(); await server?.close(); });

// The violations on `path`, as "rule (impact): target" lines.
async function violations(context, path) {
  const { page, problems } = await open(context, server.base + path);
  const found = (await axe(page)).map((v) => `${v.id} (${v.impact}): ${v.nodes[0].target.join(" ")}`);
  await page.close();
  return { found, problems };
}

test("the contents page lists the volumes, and each opens with its sections", async () => {
  const context = await browser.newContext();
  const { page, problems } = await open(context, server.base + "impression.html");
  const volumes = await page.$$eval("main ol.print-volumes a", (links) => links.map((a) => a.getAttribute("href")));
  assert.ok(volumes.length >= 10, `${volumes}`);
  assert.deepEqual(problems, []);
  for (const volume of [volumes[0], volumes[volumes.length - 1]]) {
    const opened = await open(context, server.base + volume);
    const sections = await opened.page.$$eval("section.print-chapter", (s) => s.length);
    assert.ok(sections > 0 && sections <= 1000, `${volume}: ${sections} sections`);
    assert.deepEqual(opened.problems, []);
  }
  await context.close();
});

test("the contents page and a volume pass axe-core, desktop and phone", async () => {
  const context = await browser.newContext();
  const { page } = await open(context, server.base + "impression.html");
  const last = await page.$$eval("main ol.print-volumes a", (links) => links.pop().getAttribute("href"));
  await context.close();
  for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 740 }]) {
    const context = await browser.newContext({ viewport });
    for (const path of ["impression.html", last]) {
      const { found, problems } = await violations(context, path);
      assert.deepEqual(found, [], `${path} @${viewport.width}px`);
      assert.deepEqual(problems, []);
    }
    await context.close();
  }
});

test("a link to a page of another volume lands on its section there", async () => {
  const context = await browser.newContext();
  const { page } = await open(context, server.base + "impression-1.html");
  const href = await page.$eval("section.print-chapter a[href^='impression-']", (a) => a.getAttribute("href"));
  const [file, anchor] = href.split("#");
  assert.notEqual(file, "impression-1.html");
  const { page: other } = await open(context, server.base + href);
  assert.equal(await other.$$eval(`[id="${anchor}"]`, (found) => found.length), 1, href);
  await context.close();
});
