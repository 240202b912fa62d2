// « Mon suivi » in a real browser: the rule is reported as the embedded référentiel data says, and
// the ticks survive a reload, over HTTP and from file://.
"use strict";

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { serve, fileBase, launch, open, pageWith } = require("./support");

let browser, server;
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser?.close(); await server?.close(); });

const trackerPath = pageWith('id="suivi-liste"');

// The rule as the handbook states it, computed here from the page's data, independently of suivi.js.
function ruleMet(data, ticked) {
  const set = new Set(ticked);
  return set.size >= data.required && data.domains.every((d) => d.codes.filter((c) => !set.has(c)).length <= data.max);
}

async function state(page) {
  return page.evaluate(() => ({
    ticked: [...document.querySelectorAll("#suivi-liste input:checked")].map((i) => i.value),
    total: document.getElementById("suivi-total").textContent,
    legend: document.getElementById("suivi-total-legende").textContent,
    states: [...document.querySelectorAll("#suivi-domaines tbody td:last-child")].map((td) => td.textContent),
    met: document.getElementById("suivi-etat").classList.contains("is-met"),
    unmet: document.getElementById("suivi-etat").classList.contains("is-unmet"),
    over: [...document.querySelectorAll("#suivi-domaines tbody tr.is-over th")].map((th) => th.textContent),
    sentence: document.getElementById("suivi-phrase").textContent,
  }));
}

async function tick(page, codes) {
  for (const code of codes) await page.check(`#suivi-liste input[value="${code}"]`);
}

for (const [name, base] of [["HTTP", () => server.base], ["file://", fileBase]]) {
  test(`the tracker reports the rule and keeps its ticks after a reload (${name})`, async () => {
    assert.ok(trackerPath, "a page holds the tracker");
    const context = await browser.newContext();
    const { page, problems } = await open(context, base() + trackerPath);
    const data = JSON.parse(await page.textContent("#suivi-donnees"));

    // Every domain but the first left exactly at its maximum of unticked competencies, the first one
    // over it by one: the rule must fail on that domain alone.
    const keep = (d, missing) => d.codes.slice(0, Math.max(0, d.codes.length - missing));
    const over = data.domains.flatMap((d, i) => keep(d, i === 0 ? data.max + 1 : data.max));
    await tick(page, over);
    let s = await state(page);
    assert.equal(s.total, String(over.length));
    assert.equal(s.legend, `compétences validées (${data.required} requises)`);
    assert.equal(s.states[0], "1 à valider en plus");
    assert.ok(s.states.slice(1).every((state) => state === "Dans la limite"), `${s.states}`);
    assert.equal(s.met, false);
    assert.equal(s.unmet, true);
    assert.deepEqual(s.over, [data.domains[0].code]);
    assert.match(s.sentence, new RegExp(data.domains[0].code.replace(/\./g, "\\.")));

    // One more box in the first domain brings it back within the limit.
    const last = data.domains[0].codes[data.domains[0].codes.length - data.max - 1];
    await tick(page, [last]);
    const within = [...over, last];
    s = await state(page);
    assert.deepEqual(s.over, []);
    assert.equal(s.met, ruleMet(data, within), `rule met with ${within.length} of ${data.required} required`);

    await page.reload({ waitUntil: "load" });
    const after = await state(page);
    assert.deepEqual(after.ticked.sort(), within.sort(), "the ticks survive a reload");
    assert.equal(after.met, s.met);
    assert.equal(after.total, s.total);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("the tracker's summary fits its column and each activity's buttons stay side by side", async () => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
    const context = await browser.newContext({ viewport });
    const { page } = await open(context, server.base + trackerPath);
    const data = JSON.parse(await page.textContent("#suivi-donnees"));
    // Every domain within the limit: the longest state, « Dans la limite », in every row.
    await tick(page, data.domains.flatMap((d) => d.codes));
    const layout = await page.evaluate(() => {
      const wrapper = document.querySelector("#suivi-domaines").closest(".table-wrapper");
      return {
        clipped: wrapper.scrollWidth > wrapper.clientWidth + 1,
        apart: [...document.querySelectorAll(".tracker-activity-buttons")].filter((group) => {
          const [a, b] = group.querySelectorAll("button");
          return a.getBoundingClientRect().top !== b.getBoundingClientRect().top;
        }).length,
      };
    });
    assert.equal(layout.clipped, false, `the summary table is cut at ${viewport.width} px`);
    assert.equal(layout.apart, 0, `buttons apart at ${viewport.width} px`);
    await context.close();
  }
});
