// The 404 page on an ordinary web server, two folders below the site's root: styled, and every
// link of it leads to a page — for the site at the server's root (no base_url) and for the site
// built with a base_url and served under that path (LIVRET_SUBSITE, built by check-real-apps.sh).
"use strict";

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const { site, serve, launch } = require("./support");

const subsite = process.env.LIVRET_SUBSITE;
if (!subsite || !fs.existsSync(subsite)) {
  throw new Error("LIVRET_SUBSITE must name the site built with a base_url (check-real-apps.sh)");
}
let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const [name, dir, mount] of [["no base_url", site, "/"], ["base_url", subsite, "/espe/c2i2e/"]]) {
  test(`the 404 page is styled and its links work two folders deep (${name})`, async () => {
    const server = await serve(dir, mount);
    const page = await browser.newPage();
    try {
      const response = await page.goto(server.base + "activites/nope/deeper.html");
      assert.equal(response.status(), 404);
      const styled = await page.evaluate(() => Array.from(document.styleSheets)
        .some((s) => s.href && s.href.endsWith("/assets/style.css") && s.cssRules.length > 50));
      assert.ok(styled, "the stylesheet did not load");
      const links = await page.evaluate(() => Array.from(document.querySelectorAll("a[href]"))
        .map((a) => a.href).filter((href) => href.startsWith(location.origin) && !href.includes("#")));
      assert.ok(links.length > 10, `${links.length} links`);
      for (const href of new Set(links)) {
        const status = await page.evaluate((url) => fetch(url).then((r) => r.status), href);
        assert.equal(status, 200, href);
      }
    } finally {
      await page.close();
      await server.close();
    }
  });
}
