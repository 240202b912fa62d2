// Unit tests of the « Mon suivi » rule evaluation: node --test tests/js/
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { evaluate, statusMessage, exportState, parseState, slug, plural } = require("../../theme/static/suivi.js");

const NBSP = "\u00a0";
const NNBSP = "\u202f";

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
  });
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
  assert.deepEqual(parseState(text, data), { validated: ["X.1", "Y.3"], ignored: 3 });
  const back = JSON.stringify(exportState(["X.1", "Y.3"], data));
  assert.deepEqual(parseState(back, data), { validated: ["X.1", "Y.3"], ignored: 0 });
});

test("import: wrong files are refused with a French message", () => {
  assert.throws(() => parseState("pas du json", data), /n’est pas un fichier JSON valide/);
  assert.throws(() => parseState("null", data), /n’est pas un export/);
  assert.throws(() => parseState('{"validated": ["X.1"]}', data), /n’est pas un export/);
  assert.throws(() => parseState('{"format": "livret-suivi", "version": 1, "validated": "X.1"}', data), /n’est pas un export/);
  assert.throws(() => parseState('{"format": "livret-suivi", "version": 2, "validated": []}', data), /version de fichier/);
});

test("helpers: French plural and storage slug", () => {
  assert.equal(plural(0, "compétence"), "0 compétence");
  assert.equal(plural(1, "compétence"), "1 compétence");
  assert.equal(plural(2, "compétence"), "2 compétences");
  assert.equal(plural(3, "code inconnu ignoré", "codes inconnus ignorés"), "3 codes inconnus ignorés");
  assert.equal(slug("Certification informatique et internet – Mode d'emploi"), "certification-informatique-et-internet-mode-d-emploi");
});
