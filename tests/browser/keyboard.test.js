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

test("Tab reaches the skip link, every menu item and the search field, with visible focus", async () => {
  const context = await browser.newContext();
  const { page } = await open(context, server.base + "index.html");
  const menu = await page.$$eval("nav.site-menu a", (links) => links.map((a) => a.getAttribute("href")));
  assert.ok(menu.length > 0, "the home page has a menu");
  const seen = await tabThrough(page, 400);
  assert.equal(seen[0]?.href, "#contenu", "the first Tab stop is the skip link");
  const reached = new Set(seen.map((f) => f.href));
  assert.deepEqual(menu.filter((href) => !reached.has(href)), [], "menu links never reached by Tab");
  assert.ok(seen.some((f) => f.tag === "input" && f.region !== undefined && f.type === "search"),
    "Tab reaches the search field");
  assert.deepEqual(invisibleFocus(seen), [], "focused elements without a visible focus indicator");
  await context.close();
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

