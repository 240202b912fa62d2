// The scripts' sentences (theme/static/sentences.js): placeholders filled, plural forms chosen and
// numbers written as the page's language writes them: node --test tests/js/
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const sentences = require("../../theme/static/sentences.js");

const strings = {
  "first": "Les {shown} premiers de {total} résultats pour « {query} ».",
  "found-one": "{n} résultat",
  "found-other": "{n} résultats",
};

test("numbers are grouped as the language groups them", () => {
  const french = sentences(strings, "fr");
  assert.equal(french.say("first", { shown: 50, total: 6576, query: "grille" }),
    "Les 50 premiers de 6\u202f576 résultats pour « grille ».");
  assert.equal(sentences({ total: "{total} results" }, "en").say("total", { total: 6576 }), "6,576 results");
  // A number given as text is left as written (a code, a year).
  assert.equal(french.say("first", { shown: "50", total: "2027", query: "x" }).includes("2027"), true);
});

test("a countable sentence takes the language's plural form", () => {
  const french = sentences(strings, "fr");
  assert.equal(french.count("found", 1), "1 résultat");
  assert.equal(french.count("found", 0), "0 résultat", "French says « 0 résultat »");
  assert.equal(french.count("found", 1200), "1\u202f200 résultats");
  assert.equal(sentences(strings, "en").count("found", 0), "0 résultats", "English: 0 is plural");
});

test("a sentence the page lacks shows as its id", () => {
  assert.equal(sentences({}, "fr").say("missing", { n: 1 }), "missing");
});
