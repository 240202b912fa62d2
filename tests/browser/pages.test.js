// Every page loads cleanly over HTTP and from file://, and passes axe-core's WCAG 2.1 A/AA rules.
"use strict";

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { pages, serve, fileBase, launch, open, eachLimited, axe } = require("./support");

const VIEWPORTS = [{ width: 1280, height: 900 }, { width: 360, height: 740 }]; // desktop, phone
let browser, server;

before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser?.close(); await server?.close(); });

for (const [name, base] of [["HTTP", () => server.base], ["file://", fileBase]]) {
  test(`every page loads without console error or failed request (${name})`, async () => {
    const context = await browser.newContext();
    const report = [];
    // A server shows the 404 page (tested in notfound.test.js); a folder never does.
    const opened = name === "file://" ? pages().filter((p) => p !== "404.html") : pages();
    await eachLimited(opened, 4, async (path) => {
      const { page, problems } = await open(context, base() + path);
      await page.waitForLoadState("networkidle");
      if (problems.length) report.push(`${path}:\n  ${problems.join("\n  ")}`);
      await page.close();
    });
    await context.close();
    assert.equal(report.sort().join("\n"), "", `${report.length} pages with problems`);
    console.log(`# ${opened.length} pages loaded cleanly (${name})`);
  });
}

test("axe-core finds no WCAG 2.1 A/AA violation on any page, desktop and phone", async () => {
  const report = [];
  let checked = 0;
  for (const viewport of VIEWPORTS) {
    const context = await browser.newContext({ viewport });
    await eachLimited(pages(), 3, async (path) => {
      const { page } = await open(context, server.base + path);
      for (const v of await axe(page)) {
        const targets = v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ");
        report.push(`${path} @${viewport.width}px: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.length} node(s): ${targets}`);
      }
      checked++;
      await page.close();
    });
    await context.close();
  }
  console.log(`# axe-core: ${checked} page views checked (${pages().length} pages × ${VIEWPORTS.length} viewports), ${report.length} violations`);
  assert.equal(report.sort().join("\n"), "", `${report.length} violations`);
});

test("the axe-core harness does report a violation (control)", async () => {
  // Without this, a harness that never ran the rules would pass every page.
  const context = await browser.newContext();
  const { page } = await open(context, server.base + "index.html");
  await page.evaluate(() => {
    const input = document.createElement("input"); // a form field without a label
    document.querySelector("main").append(input);
  });
  const ids = (await axe(page)).map((v) => v.id);
  await context.close();
  assert.ok(ids.includes("label"), `expected a "label" violation, got ${JSON.stringify(ids)}`);
});
