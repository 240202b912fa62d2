// « Mon suivi » for a framework with proficiency levels (tests/fixtures/levels-en, which
// scripts/check-real-apps.sh builds and names in LIVRET_LEVELS_SITE): a level is chosen per competency,
// only the levels the rule counts count, an activity's button sets its competencies to the first
// counting level, and the levels survive a reload.
"use strict";

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { serve, launch, open } = require("./support");

const levelsSite = process.env.LIVRET_LEVELS_SITE;
if (!levelsSite) throw new Error("LIVRET_LEVELS_SITE must name a build of tests/fixtures/levels-en");
// The fixture's tracker page (content/pages/tracker.md).
const trackerPath = "tracker.html";

let browser, server;
before(async () => { browser = await launch(); server = await serve(levelsSite); });
after(async () => { await browser?.close(); await server?.close(); });

async function state(page) {
  return page.evaluate(() => ({
    levels: Object.fromEntries([...document.querySelectorAll("select.tracker-level")].map((s) => [s.dataset.code, s.value])),
    total: document.getElementById("suivi-total").textContent,
    rows: [...document.querySelectorAll("#suivi-domaines tbody tr")].map((tr) => tr.children[1].textContent),
    met: document.getElementById("suivi-etat").classList.contains("is-met"),
  }));
}

test("levels are chosen, counted from the rule's level, and kept after a reload", async () => {
  const context = await browser.newContext();
  const { page, problems } = await open(context, server.base + trackerPath);
  const data = JSON.parse(await page.textContent("#suivi-donnees"));
  const counting = data.levels.filter((l) => l.counts).map((l) => l.code);
  const below = data.levels.filter((l) => !l.counts).map((l) => l.code);
  assert.ok(counting.length > 0 && below.length > 0, JSON.stringify(data.levels));
  const [first, second] = data.domains[0].codes;

  // A level below the rule's does not count; the rule's level does.
  await page.selectOption(`select[data-code="${first}"]`, below[below.length - 1]);
  assert.equal((await state(page)).total, "0");
  await page.selectOption(`select[data-code="${first}"]`, counting[0]);
  let s = await state(page);
  assert.equal(s.total, "1");
  assert.equal(s.rows[0], `1 / ${data.domains[0].codes.length}`);

  // An activity's button raises its competencies to the first counting level, keeping a higher one.
  await page.selectOption(`select[data-code="${second}"]`, counting[counting.length - 1]);
  const activity = data.activities.find((a) => a.codes.includes(first));
  await page.click(`button[data-activite="${activity.slug}"][data-action="cocher"]`);
  s = await state(page);
  for (const code of activity.codes) {
    assert.ok(counting.includes(s.levels[code]), `${code}: ${s.levels[code]}`);
  }
  assert.equal(s.levels[second], counting[counting.length - 1]);
  const counted = new Set([...activity.codes, second]).size;
  assert.equal(s.total, String(counted));

  // After a reload, every level is back.
  const before = s.levels;
  await page.reload({ waitUntil: "load" });
  s = await state(page);
  assert.deepEqual(s.levels, before);
  assert.equal(s.total, String(counted));
  assert.equal(s.met, false, "the fixture's rule cannot be met with one activity");
  assert.deepEqual(problems, []);
  await context.close();
});
