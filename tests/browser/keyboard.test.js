// Keyboard-only readers: Tab reaches the skip link, the menu, the search field and the tracker's
// boxes, every focused element shows a visible focus indicator, and Space ticks a box.
"use strict";

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { serve, launch, open, pages, pageWith } = require("./support");

let browser, server;
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser?.close(); await server?.close(); });

// Presses Tab until focus leaves the page or `limit` presses, describing each focused element.
async function tabThrough(page, limit) {
  const seen = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const info = await page.evaluate(async () => {
      // Measure where the element ends up, after any focus transition (the skip link slides in).
      await Promise.all(document.getAnimations().map((a) => a.finished));
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      return {
        tag: el.tagName.toLowerCase(),
        type: el.getAttribute("type"),
        id: el.id,
        href: el.getAttribute("href"),
        text: (el.textContent || "").trim().slice(0, 60),
        region: el.closest("nav, header, main, footer, form[role=search]")?.getAttribute("aria-label") ||
          el.closest("nav, header, main, footer, form")?.tagName.toLowerCase(),
        outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
        shadow: style.boxShadow !== "none",
        onScreen: box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0 &&
          box.left < window.innerWidth,
      };
    });
    if (!info) break;
    seen.push(info);
  }
  return seen;
}

function invisibleFocus(seen) {
  return seen.filter((f) => !(f.outline || f.shadow) || !f.onScreen)
    .map((f) => `${f.tag}${f.id ? "#" + f.id : ""} ${f.href || ""} «${f.text}»`);
}

test("Tab reaches the skip link, every menu entry and the search field, with visible focus", async () => {
  const context = await browser.newContext();
  const { page } = await open(context, server.base + "index.html");
  // The entries of the menu's row: its links, and the buttons of its parts.
  const entries = await page.$$eval("nav.site-menu > ul > li > a, nav.site-menu .menu-part > summary",
    (els) => els.map((el) => el.getAttribute("href") || el.textContent.trim()));
  assert.ok(entries.length > 3, "the home page has a menu");
  const seen = await tabThrough(page, 400);
  assert.equal(seen[0]?.href, "#contenu", "the first Tab stop is the skip link");
  const reached = new Set(seen.map((f) => f.href || f.text));
  assert.deepEqual(entries.filter((e) => !reached.has(e)), [], "menu entries never reached by Tab");
  assert.ok(seen.some((f) => f.tag === "input" && f.region !== undefined && f.type === "search"),
    "Tab reaches the search field");
  assert.deepEqual(invisibleFocus(seen), [], "focused elements without a visible focus indicator");
  await context.close();
});

test("a part of the menu opens with Enter, its pages follow with Tab, and Escape closes it", async () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    const context = await browser.newContext({ viewport });
    const { page } = await open(context, server.base + "index.html");
    if (viewport.width < 600) {
      // On a phone the menu itself waits behind its button.
      assert.equal(await page.isVisible("nav.site-menu"), false, "the phone's menu starts closed");
      await page.focus(".site-nav-toggle");
      await page.keyboard.press("Enter");
      assert.equal(await page.isVisible("nav.site-menu"), true, "Enter opens the phone's menu");
    }
    // The first part: its button, then its pages.
    const links = await page.$eval("nav.site-menu .menu-part",
      (part) => Array.from(part.querySelectorAll("ul a")).map((a) => a.getAttribute("href")));
    assert.ok(links.length > 1, `${links}`);
    await page.focus("nav.site-menu .menu-part > summary");
    await page.keyboard.press("Enter");
    for (const href of links) {
      await page.keyboard.press("Tab");
      assert.equal(await page.evaluate(() => document.activeElement.getAttribute("href")), href);
    }
    await page.keyboard.press("Escape");
    assert.equal(await page.$eval(".menu-part", (d) => d.open), false, "Escape closes the part");
    assert.equal(await page.evaluate(() => document.activeElement.tagName), "SUMMARY", "focus back on its button");
    await context.close();
  }
});

test("on a phone the page's title starts within the first 160 pixels", async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const report = [];
  for (const path of pages().filter((p) => p !== "impression.html")) {
    const { page } = await open(context, server.base + path);
    const top = await page.$eval("h1", (h) => h.getBoundingClientRect().top);
    if (top > 160) report.push(`${path}: ${Math.round(top)} px`);
    await page.close();
  }
  await context.close();
  assert.deepEqual(report, []);
});

test("the skip link moves focus to the main content", async () => {
  const context = await browser.newContext();
  const { page } = await open(context, server.base + pages().find((p) => p !== "index.html"));
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement.id), "contenu");
  await context.close();
});

test("Tab reaches every box of the tracker, and Space ticks it", async () => {
  const context = await browser.newContext();
  const tracker = pageWith('id="suivi-liste"');
  assert.ok(tracker, "a page holds the tracker");
  const { page } = await open(context, server.base + tracker);
  const boxes = await page.$$eval("#suivi-liste input[type=checkbox]", (inputs) => inputs.map((i) => i.id));
  const seen = await tabThrough(page, 600);
  const reached = new Set(seen.filter((f) => f.type === "checkbox").map((f) => f.id));
  assert.deepEqual(boxes.filter((id) => !reached.has(id)), [], "boxes never reached by Tab");
  assert.deepEqual(invisibleFocus(seen), [], "focused elements without a visible focus indicator");
  await page.focus(`#${boxes[0]}`);
  await page.keyboard.press("Space");
  assert.equal(await page.isChecked(`#${boxes[0]}`), true, "Space ticks the focused box");
  await context.close();
});

