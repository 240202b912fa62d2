/* The sentences a page's scripts show, in the handbook's language: the page renders the message
 * catalogue's sentences ({id: text}, with {placeholders}) into a JSON block, and a script reads them
 * through `livretSentences(strings, lang)`:
 *   say(id, {name: value}) fills a sentence's {name} placeholders, numbers written as the language
 *   writes them (« 6 576 » in French);
 *   count(id, n, {…}) says a countable one, whose forms are `id-one`, `id-other`… (one per plural
 *   category of the language, `other` standing in for a missing one), with {n} filled.
 * A sentence the page lacks shows as its id. Loaded before search.js and suivi.js; a classic script
 * (it sets a global), so that it also runs from file://.
 */
(function () {
  "use strict";

  function sentences(strings, lang) {
    var rules = null;
    var numbers = null;
    try { rules = new Intl.PluralRules(lang || undefined); } catch (e) { rules = null; }
    try { numbers = new Intl.NumberFormat(lang || undefined); } catch (e) { numbers = null; }
    var written = function (value) {
      return typeof value === "number" && numbers ? numbers.format(value) : String(value);
    };
    var has = function (id) { return !!strings && typeof strings[id] === "string"; };
    function say(id, args) {
      var text = has(id) ? strings[id] : id;
      return text.replace(/\{(\w+)\}/g, function (whole, name) {
        return args && Object.prototype.hasOwnProperty.call(args, name) ? written(args[name]) : whole;
      });
    }
    function count(id, n, args) {
      var form = id + "-" + (rules ? rules.select(n) : "other");
      var all = { n: n };
      Object.keys(args || {}).forEach(function (name) { all[name] = args[name]; });
      return say(has(form) ? form : id + "-other", all);
    }
    return { say: say, count: count };
  }

  if (typeof module === "object" && module.exports) module.exports = sentences;
  else window.livretSentences = sentences;
})();
