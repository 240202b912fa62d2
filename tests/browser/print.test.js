// The print edition in Chromium: every page of the reading order, in that order, each starting a
// new sheet, without the site's navigation; and Chromium's own PDF of it.
"use strict";

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { serve, launch, open } = require("./support");

let browser, server;
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser?.close(); await server?.close(); });

// The reading order, as readers follow it: from the home page, « Suivant » after « Suivant ».
async function readingOrder(context) {
  const order = [];
  let url = server.base + "index.html";
  while (url) {
    const { page } = await open(context, url);
    order.push(new URL(page.url()).pathname.slice(1));
    const next = await page.$("a[rel=next]");
    url = next ? new URL(await next.getAttribute("href"), page.url()).href : null;
    await page.close();
  }
  return order;
}

test("the print edition holds every chapter in reading order, one sheet each, no navigation", async () => {
  const context = await browser.newContext();
  const order = await readingOrder(context);
  const { page, problems } = await open(context, server.base + "index.html");
  await page.click("footer a[href$='impression.html']");
  await page.waitForLoadState("load");
  const sections = await page.$$eval("section.print-chapter", (s) => s.map((e) => e.dataset.path));
  // The competencies are the référentiel chapter's table; the trainers' page is not for print.
  assert.deepEqual(sections, order.filter((p) => !p.startsWith("competences/") && p !== "couverture.html"));

  await page.emulateMedia({ media: "print" });
  const layout = await page.evaluate(() => ({
    breaks: [...document.querySelectorAll("section.print-chapter")].slice(1)
      .map((s) => getComputedStyle(s).breakBefore),
    hidden: ["nav.site-menu", "header form[role=search]", ".skip-link"].map((sel) => {
      const el = document.querySelector(sel);
      return !el || getComputedStyle(el).display === "none";
    }),
  }));
  assert.ok(layout.breaks.every((b) => b === "page"), `break-before: ${[...new Set(layout.breaks)]}`);
  assert.deepEqual(layout.hidden, [true, true, true], "menu, search and skip link are not printed");
  const paper = await page.evaluate(() => ({
    previews: [...document.querySelectorAll(".preview")].filter((p) => getComputedStyle(p).display !== "none").length,
    // What a link prints after its text: an address, for links outside the site only.
    printed: [...document.querySelectorAll("main a[href]")]
      .map((a) => [a.getAttribute("href"), getComputedStyle(a, "::after").content])
      .filter(([, content]) => content && content !== "none" && content !== "normal"),
  }));
  assert.equal(paper.previews, 0, "fiche previews are not printed");
  const relative = paper.printed.filter(([href]) => !/^https?:/.test(href));
  assert.deepEqual(relative, [], "addresses printed for links inside the site");
  assert.ok(paper.printed.length > 0, "external links print their address");

  const pdf = await page.pdf({ format: "A4" });
  const sheets = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.ok(sheets >= sections.length, `${sheets} sheets for ${sections.length} chapters`);
  assert.ok(sheets <= 40, `${sheets} A4 sheets, more than 40`);
  console.log(`# print edition: ${sections.length} chapters, ${sheets} A4 sheets`);
  assert.deepEqual(problems, []);
  await context.close();
});
