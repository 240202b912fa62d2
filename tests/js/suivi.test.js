// Unit tests of the « Mon suivi » rule evaluation: node --test tests/js/
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { words, evaluate: evaluateIn, statusMessage, exportState, parseState: parseStateIn, slug } =
  require("../../theme/static/suivi.js");

const NBSP = "\u00a0";
const NNBSP = "\u202f";
const repository = path.join(__dirname, "..", "..");

// The script's sentences as templates/tracker.html hands them over: the `tracker-js-…` messages of
// locales/<lang>/site.ftl, each argument a placeholder (`{ $n }` rendered as `{n}`). They are plain
// one-line messages (the script chooses the plural forms), which is all this reader handles.
function catalogue(lang) {
  const strings = {};
  const ftl = fs.readFileSync(path.join(repository, "locales", lang, "site.ftl"), "utf8");
  for (const line of ftl.split("\n")) {
    const message = /^(tracker-js-[a-z0-9-]+) = (.*)$/.exec(line);
    if (!message) continue;
    strings[message[1]] = message[2]
      .replace(/\{ *\$([A-Za-z][\w-]*) *\}/g, "{$1}")
      .replace(/\{ *"((?:[^"\\]|\\.)*)" *\}/g, (_, literal) =>
        literal.replace(/\\u([0-9a-fA-F]{4})/g, (__, hex) => String.fromCharCode(parseInt(hex, 16))));
  }
  return strings;
}
const fr = words(catalogue("fr"), "fr");
const en = words(catalogue("en"), "en");
const evaluate = (codes, data, w = fr) => evaluateIn(codes, data, w);
const parseState = (text, data, w = fr) => parseStateIn(text, data, w);

// A synthetic framework: 3 domains × 4 competencies, 10 required, at most 1 missing per domain.
const data = {
  site: "Livret d'essai",
  name: "Essai",
  required: 10,
  max: 1,
  domains: ["X", "Y", "Z"].map((d) => ({
    code: d,
    title: "Domaine " + d,
    codes: [1, 2, 3, 4].map((n) => `${d}.${n}`),
  })),
  activities: [{ slug: "projet", title: "Projet", codes: ["X.1", "Y.1", "Z.1"] }],
};
const all = data.domains.flatMap((d) => d.codes);
const except = (...codes) => all.filter((c) => !codes.includes(c));
const domain = (r, code) => r.domains.find((d) => d.code === code);

test("none validated", () => {
  const r = evaluate([], data);
  assert.equal(r.validated, 0);
  assert.equal(r.required, 10);
  assert.equal(r.missingTotal, 10);
  assert.equal(r.met, false);
  assert.ok(r.domains.every((d) => d.notValidated === 4 && d.over && d.max === 1 && d.total === 4));
  assert.equal(
    r.message,
    `Aucune compétence cochée pour l’instant${NBSP}: il vous en faut 10, avec au maximum 1 non validée par domaine.`
  );
});

test("all validated", () => {
  const r = evaluate(all, data);
  assert.equal(r.validated, 12);
  assert.equal(r.missingTotal, 0);
  assert.equal(r.met, true);
  assert.ok(r.domains.every((d) => d.notValidated === 0 && !d.over));
  assert.equal(
    r.message,
    `Règle atteinte${NBSP}: 12 compétences validées, pour 10 requises, aucun domaine au-delà de 1 non validée.`
  );
});

test("exactly the required total, spread within the limit", () => {
  const r = evaluate(except("X.1", "Y.2"), data);
  assert.equal(r.validated, 10);
  assert.equal(r.missingTotal, 0);
  assert.equal(r.met, true);
  assert.deepEqual(r.domains.map((d) => d.notValidated), [1, 1, 0]);
  assert.match(r.message, /^Règle atteinte\u00a0: 10 compétences validées, pour 10 requises/);
});

test("one short of the required total", () => {
  const r = evaluate(except("X.1", "Y.2", "Z.3"), data);
  assert.equal(r.validated, 9);
  assert.equal(r.missingTotal, 1);
  assert.equal(r.met, false);
  assert.ok(r.domains.every((d) => !d.over));
  assert.equal(r.message, "Il vous manque 1 compétence.");
});

test("required total met but a domain over the limit", () => {
  const r = evaluate(except("X.1", "X.2"), data);
  assert.equal(r.validated, 10);
  assert.equal(r.missingTotal, 0);
  assert.equal(r.met, false);
  assert.equal(domain(r, "X").over, true);
  assert.equal(domain(r, "X").notValidated, 2);
  assert.equal(
    r.message,
    `10 compétences validées, pour 10 requises, mais domaine X${NBSP}: 2 non validées, maximum 1.`
  );
});

test("3 missing in one domain when the maximum is 2", () => {
  const rule = { ...data, required: 8, max: 2 };
  const r = evaluate(except("Y.1", "Y.2", "Y.3", "X.4"), rule);
  assert.equal(r.validated, 8);
  assert.equal(r.met, false);
  assert.deepEqual(domain(r, "Y"), {
    code: "Y", title: "Domaine Y", total: 4, validated: 1, notValidated: 3, max: 2, over: true,
    min: 0, under: false,
  });
  assert.equal(r.message, `8 compétences validées, pour 8 requises, mais domaine Y${NBSP}: 3 non validées, maximum 2.`);

  // The example: missing in total and over the limit in one domain.
  const short = evaluate(except("Y.1", "Y.2", "Y.3", "X.4", "Z.4"), { ...rule, required: 9 });
  assert.equal(short.missingTotal, 2);
  assert.equal(short.message, `Il vous manque 2 compétences${NNBSP}; domaine Y${NBSP}: 3 non validées, maximum 2.`);
});

test("several domains over the limit are all named", () => {
  const r = evaluate(["X.1", "X.2", "X.3", "X.4", "Y.1", "Y.2"], data);
  assert.equal(r.missingTotal, 4);
  assert.equal(
    r.message,
    `Il vous manque 4 compétences${NNBSP}; domaine Y${NBSP}: 2 non validées, maximum 1${NNBSP}; ` +
      `domaine Z${NBSP}: 4 non validées, maximum 1.`
  );
});

test("more than two domains over the limit are listed briefly", () => {
  const r = evaluate(["X.1", "Y.1", "Z.1", "Z.2"], data);
  assert.equal(
    r.message,
    `Il vous manque 6 compétences${NNBSP}; 3 domaines dépassent le maximum de 1 non validée${NBSP}: X (3), Y (3), Z (2).`
  );
});

test("unknown and repeated codes are not counted", () => {
  const r = evaluate(["X.1", "X.1", "Q.9", "", "x.2"], data);
  assert.equal(r.validated, 1);
  assert.equal(r.missingTotal, 9);
});

test("statusMessage works on a hand-made result", () => {
  const message = statusMessage({
    validated: 1, required: 1, max: 0, missingTotal: 0, met: true, domains: [],
  }, fr);
  assert.equal(message, `Règle atteinte${NBSP}: 1 compétence validée, pour 1 requise, aucun domaine au-delà de 0 non validée.`);
});

test("export: known codes in référentiel order", () => {
  assert.deepEqual(exportState(["Z.1", "Q.1", "X.2", "X.1", "X.2"], data), {
    format: "livret-suivi",
    version: 1,
    validated: ["X.1", "X.2", "Z.1"],
  });
});

test("import: round trip, unknown codes ignored and counted", () => {
  const text = JSON.stringify({ format: "livret-suivi", version: 1, validated: ["Y.3", "A.1.1", "X.1", 42, "B.9"] });
  assert.deepEqual(parseState(text, data), { validated: ["X.1", "Y.3"], levels: {}, ignored: 3 });
  const back = JSON.stringify(exportState(["X.1", "Y.3"], data));
  assert.deepEqual(parseState(back, data), { validated: ["X.1", "Y.3"], levels: {}, ignored: 0 });
});

test("import: wrong files are refused with a French message", () => {
  assert.throws(() => parseState("pas du json", data), /n’est pas un fichier JSON valide/);
  assert.throws(() => parseState("null", data), /n’est pas un export/);
  assert.throws(() => parseState('{"validated": ["X.1"]}', data), /n’est pas un export/);
  assert.throws(() => parseState('{"format": "livret-suivi", "version": 1, "validated": "X.1"}', data), /n’est pas un export/);
  assert.throws(() => parseState('{"format": "livret-suivi", "version": 2, "validated": []}', data), /version de fichier/);
});

test("helpers: French plural and storage slug", () => {
  assert.equal(fr.count("tracker-js-missing", 0), "Il vous manque 0 compétence");
  assert.equal(fr.count("tracker-js-missing", 1), "Il vous manque 1 compétence");
  assert.equal(fr.count("tracker-js-missing", 2), "Il vous manque 2 compétences");
  assert.equal(fr.count("tracker-js-ignored", 3), "3 codes inconnus ignorés");
  assert.equal(fr.say("tracker-js-imported-ignored", {
    ticked: fr.count("tracker-js-ticked", 1), ignored: fr.count("tracker-js-ignored", 2),
  }), `Suivi importé${NBSP}: 1 compétence cochée, 2 codes inconnus ignorés.`);
  assert.equal(fr.count("tracker-js-legend", 1, { required: fr.count("tracker-js-required", 23) }),
    "compétence validée (23 requises)");
  assert.equal(fr.say("tracker-js-file-name", { name: "essai" }), "suivi-essai.json");
  assert.equal(slug("Certification informatique et internet – Mode d'emploi"), "certification-informatique-et-internet-mode-d-emploi");
});

test("English: its own plural forms, zero plural", () => {
  assert.equal(en.count("tracker-js-missing", 0), "You still need 0 competencies");
  assert.equal(en.count("tracker-js-missing", 1), "You still need 1 competency");
  assert.equal(
    evaluate(all, data, en).message,
    "Rule met: 12 competencies validated, 10 required, and no domain has more than 1 not validated."
  );
  assert.equal(
    evaluate(except("Y.1", "Y.2", "Y.3", "X.4", "Z.4"), { ...data, required: 9, max: 2 }, en).message,
    "You still need 2 competencies; domain Y: 3 not validated, at most 2."
  );
  assert.throws(() => parseState("null", data, en), /is not an export/);
});

test("a missing sentence shows its id; a missing plural form falls back to `other`", () => {
  const partial = words({ "x-other": "{n} things", "y": "{a} and {b}" }, "fr");
  assert.equal(partial.count("x", 1), "1 things");
  assert.equal(partial.say("y", { a: 1 }), "1 and {b}");
  assert.equal(partial.say("z"), "z");
  assert.equal(words({ "x-other": "{n}" }, "").count("x", 1), "1");
});

test("every sentence the script says is rendered by the tracker's template", () => {
  const script = fs.readFileSync(path.join(repository, "theme", "static", "suivi.js"), "utf8");
  const template = fs.readFileSync(path.join(repository, "templates", "tracker.html"), "utf8");
  const ids = new Set();
  for (const [, kind, id] of script.matchAll(/\b(say|count)\("(tracker-js-[a-z0-9-]+)"/g)) {
    if (kind === "say") ids.add(id);
    else for (const form of ["one", "other"]) ids.add(`${id}-${form}`);
  }
  assert.ok(ids.size > 20, `${ids.size} sentences`);
  const strings = { fr: catalogue("fr"), en: catalogue("en") };
  for (const id of ids) {
    assert.ok(template.includes(`"${id}": t("${id}"`), `${id} is not in templates/tracker.html`);
    assert.ok(id in strings.fr && id in strings.en, `${id} is not a one-line message in both catalogues`);
  }
});

// Rules of other shapes: no maximum per domain, a minimum per domain.
const minimums = {
  ...data,
  required: 6,
  max: null,
  domains: data.domains.map((d, i) => ({ ...d, min: [3, 2, 1][i] })),
};

test("without a maximum, only the total and the minimums count", () => {
  const r = evaluate(["X.1", "X.2", "X.3", "Y.1", "Y.2", "Z.1"], minimums);
  assert.equal(r.met, true);
  assert.ok(r.domains.every((d) => !d.over && !d.under));
  assert.equal(r.message, `Règle atteinte${NBSP}: 6 compétences validées, pour 6 requises.`);
  assert.equal(
    evaluate([], minimums).message,
    `Aucune compétence validée pour l’instant${NBSP}: il vous en faut 6.`
  );
});

test("a domain under its minimum fails the rule and is named", () => {
  const r = evaluate(["X.1", "X.2", "Y.1", "Y.2", "Y.3", "Z.1"], minimums);
  assert.equal(r.validated, 6);
  assert.equal(r.met, false);
  const x = domain(r, "X");
  assert.equal(x.under, true);
  assert.equal(x.min, 3);
  assert.equal(
    r.message,
    `6 compétences validées, pour 6 requises, mais domaine X${NBSP}: 2 compétences validées, minimum 3.`
  );
  assert.equal(
    evaluate(["X.1", "X.2", "Y.1", "Y.2", "Y.3", "Z.1"], minimums, en).message,
    "6 competencies validated, 6 required, but domain X: 2 competencies validated, minimum 3."
  );
});

test("with levels, the state keeps each competency's level and only known levels", () => {
  const levelled = { ...data, levels: [{ code: "A", counts: false }, { code: "B", counts: true }] };
  const state = exportState(["X.1"], levelled, { "X.1": "B", "Y.2": "A", "Q.9": "B" });
  assert.deepEqual(state.levels, { "X.1": "B", "Y.2": "A" });
  const back = parseState(JSON.stringify({ ...state, levels: { ...state.levels, "Z.1": "Z" } }), levelled);
  assert.deepEqual(back.levels, { "X.1": "B", "Y.2": "A" });
  assert.deepEqual(back.validated, ["X.1"]);
});
