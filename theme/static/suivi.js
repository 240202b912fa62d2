/* « Mon suivi »: the students' certification-rule tracker.
 *
 * The page's checklist works without this script (print it and tick by hand). With it, the page
 * evaluates the certification rule as boxes are ticked, keeps the ticks in localStorage (nothing
 * leaves the browser), and offers export/import as a small JSON file and printing.
 *
 * Everything about the référentiel and the rule comes from the JSON embedded in the page
 * (<script type="application/json" id="suivi-donnees">): {site, name, required, max (null: no
 * limit), domains: [{code, title, codes, min}], activities: [{slug, title, codes}], levels:
 * [{code, title, counts}] (empty without a scale)}. With levels, each competency has a level to
 * choose rather than a box to tick, and counts from the levels marked `counts`. Its sentences too, in the
 * handbook's language (<script type="application/json" id="suivi-textes">): the catalogue's
 * `tracker-js-…` messages by id, with {placeholders} this script fills in (see `words`).
 * Classic script (not a module) so that it also runs from file://.
 */
(function () {
  "use strict";

  var FORMAT = "livret-suivi";
  var VERSION = 1;

  // ---- Pure functions (unit-tested with node) ----

  // The sentences of `strings` ({id: text}, as the page renders the catalogue's messages) in the
  // language `lang`: `say` and `count` (see sentences.js, loaded before this script).
  var words = typeof module === "object" && module.exports
    ? require("./sentences.js") : window.livretSentences;

  // Every competency code of the référentiel, in référentiel order.
  function allCodes(data) {
    var codes = [];
    data.domains.forEach(function (d) { codes.push.apply(codes, d.codes); });
    return codes;
  }

  // Keeps the known codes of `codes`, once each, in référentiel order.
  function knownCodes(codes, data) {
    var wanted = new Set(codes);
    return allCodes(data).filter(function (c) { return wanted.has(c); });
  }

  // The rule: at least `required` validated in total, AND per domain at most `max` not validated
  // (when `max` is not null) and at least the domain's `min` validated.
  // `w`: the sentences (`words`), for the result's `message`.
  function evaluate(validatedCodes, data, w) {
    var ticked = new Set(knownCodes(validatedCodes, data));
    var limited = data.max !== null && data.max !== undefined;
    var domains = data.domains.map(function (d) {
      var notValidated = d.codes.filter(function (c) { return !ticked.has(c); }).length;
      var validated = d.codes.length - notValidated;
      var min = d.min || 0;
      return {
        code: d.code, title: d.title, total: d.codes.length,
        validated: validated, notValidated: notValidated,
        max: data.max, over: limited && notValidated > data.max,
        min: min, under: validated < min
      };
    });
    var result = {
      validated: ticked.size,
      required: data.required,
      max: data.max,
      total: allCodes(data).length,
      missingTotal: Math.max(0, data.required - ticked.size),
      domains: domains,
      met: false
    };
    result.met = result.missingTotal === 0 &&
      domains.every(function (d) { return !d.over && !d.under; });
    result.message = statusMessage(result, w);
    return result;
  }

  // "27 compétences validées, pour 23 requises".
  function summary(validated, required, w) {
    return w.say("tracker-js-summary", {
      validated: w.count("tracker-js-validated", validated),
      required: w.count("tracker-js-required", required)
    });
  }

  // One domain over the limit: "domaine B.3 : 3 non validées, maximum 2"; or under its minimum:
  // "domaine B.3 : 1 validée, minimum 2".
  function domainProblem(d, w) {
    if (!d.over) {
      return w.say("tracker-js-domain-short", {
        code: d.code, count: w.count("tracker-js-validated", d.validated), min: d.min
      });
    }
    return w.say("tracker-js-domain-problem", {
      code: d.code, count: w.count("tracker-js-not-validated", d.notValidated), max: d.max
    });
  }

  // The plain sentence describing an evaluation, in the words of `w`.
  function statusMessage(r, w) {
    var validated = summary(r.validated, r.required, w);
    var limited = r.max !== null && r.max !== undefined;
    var max = limited ? w.count("tracker-js-not-validated", r.max) : "";
    if (r.met) {
      return limited ? w.say("tracker-js-met", { summary: validated, max: max })
        : w.say("tracker-js-met-plain", { summary: validated });
    }
    if (r.validated === 0) {
      return limited ? w.say("tracker-js-none", { required: r.required, max: max })
        : w.say("tracker-js-none-plain", { required: r.required });
    }
    var over = r.domains.filter(function (d) { return d.over || d.under; });
    // Up to two domains are spelled out; more are listed briefly.
    var parts = over.length <= 2 ? over.map(function (d) { return domainProblem(d, w); }) : [
      over.every(function (d) { return d.over; }) ? w.say("tracker-js-domains-over", {
        n: over.length,
        max: max,
        list: over.map(function (d) { return d.code + " (" + d.notValidated + ")"; }).join(", ")
      }) : w.say("tracker-js-domains-short", {
        n: over.length,
        list: over.map(function (d) { return d.code; }).join(", ")
      })
    ];
    if (r.missingTotal > 0) {
      parts.unshift(w.count("tracker-js-missing", r.missingTotal));
    } else {
      parts[0] = w.say("tracker-js-but", { summary: validated, problem: parts[0] });
    }
    return w.say("tracker-js-sentence", { text: parts.join(w.say("tracker-js-separator")) });
  }

  // The state as saved and exported: {"format", "version", "validated": [codes]}, and with
  // levels, "levels": {code: level} (`validated` then lists the codes whose level counts).
  function exportState(codes, data, levels) {
    var state = { format: FORMAT, version: VERSION, validated: knownCodes(codes, data) };
    if (levels) {
      var known = new Set(allCodes(data));
      var scale = new Set((data.levels || []).map(function (l) { return l.code; }));
      state.levels = {};
      allCodes(data).forEach(function (c) {
        if (known.has(c) && scale.has(levels[c])) state.levels[c] = levels[c];
      });
    }
    return state;
  }

  // Reads an exported (or saved) state. Returns {validated, ignored} where `ignored` counts the
  // entries that are not codes of this référentiel; throws an Error with a message in the words
  // of `w`.
  function parseState(text, data, w) {
    var state;
    try { state = JSON.parse(text); } catch (e) {
      throw new Error(w.say("tracker-js-error-json"));
    }
    if (!state || state.format !== FORMAT || !Array.isArray(state.validated)) {
      throw new Error(w.say("tracker-js-error-format"));
    }
    if (state.version !== VERSION) {
      throw new Error(w.say("tracker-js-error-version", { version: state.version }));
    }
    var validated = knownCodes(state.validated.filter(function (c) { return typeof c === "string"; }), data);
    var levels = {};
    var scale = new Set((data.levels || []).map(function (l) { return l.code; }));
    if (state.levels && typeof state.levels === "object") {
      Object.keys(state.levels).forEach(function (c) {
        if (scale.has(state.levels[c])) levels[c] = state.levels[c];
      });
    }
    return {
      validated: validated, levels: levels,
      ignored: new Set(state.validated).size - validated.length
    };
  }

  // "Certification informatique – Mode d'emploi" -> "certification-informatique-mode-d-emploi".
  function slug(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  }

  if (typeof module === "object" && module.exports) {
    module.exports = {
      words: words, evaluate: evaluate, statusMessage: statusMessage, exportState: exportState,
      parseState: parseState, slug: slug
    };
  }
  if (typeof document === "undefined") return;

  // ---- Page behaviour ----

  var source = document.getElementById("suivi-donnees");
  var form = document.getElementById("suivi-liste");
  if (!source || !form) return;
  var data = JSON.parse(source.textContent);
  var texts = document.getElementById("suivi-textes");
  var strings = {};
  try { strings = texts ? JSON.parse(texts.textContent) : {}; } catch (e) { strings = {}; }
  var w = words(strings, document.documentElement.lang);
  var key = "livret-suivi:" + slug(data.site);
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox][name=competence]"));
  // With levels: one choice per competency, and the levels that count for the certificate.
  var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-code]"));
  var counting = (data.levels || []).filter(function (l) { return l.counts; }).map(function (l) { return l.code; });
  var $ = function (id) { return document.getElementById(id); };

  // localStorage may be missing or refuse writes (private mode, some browsers from file://).
  var storage = null;
  try {
    window.localStorage.setItem(key + ":test", "1");
    window.localStorage.removeItem(key + ":test");
    storage = window.localStorage;
  } catch (e) { storage = null; }

  // The codes that count: ticked, or at a level that counts.
  function ticked() {
    return boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; })
      .concat(selects.filter(function (s) { return counting.indexOf(s.value) >= 0; })
        .map(function (s) { return s.dataset.code; }));
  }

  // Each competency's chosen level, with levels.
  function chosenLevels() {
    if (!selects.length) return null;
    var levels = {};
    selects.forEach(function (s) { if (s.value) levels[s.dataset.code] = s.value; });
    return levels;
  }

  // Ticks `codes`; with levels, sets each competency's level from `levels`, else a code of `codes`
  // to the first level that counts.
  function setTicked(codes, levels) {
    var wanted = new Set(codes);
    boxes.forEach(function (b) { b.checked = wanted.has(b.value); });
    selects.forEach(function (s) {
      var code = s.dataset.code;
      s.value = (levels && levels[code]) || (wanted.has(code) ? counting[0] || "" : "");
    });
  }

  function say(text) { $("suivi-message").textContent = text; }

  function cell(row, tag, text, scope) {
    var c = document.createElement(tag);
    c.textContent = text;
    if (scope) c.scope = scope;
    row.appendChild(c);
    return c;
  }

  // Shows the evaluation and saves the ticks.
  function update() {
    var codes = ticked();
    var r = evaluate(codes, data, w);
    // « 27 compétences validées (23 requises) »: the count, then what it is measured against.
    $("suivi-total").textContent = String(r.validated);
    $("suivi-total-legende").textContent = w.count("tracker-js-legend", r.validated, {
      required: w.count("tracker-js-required", r.required)
    });
    $("suivi-total-texte").textContent = w.say("tracker-js-sentence", { text: summary(r.validated, r.required, w) });
    $("suivi-phrase").textContent = r.message;
    $("suivi-etat").className = "tracker-status " + (r.met ? "is-met" : "is-unmet");
    var body = $("suivi-domaines").tBodies[0];
    body.textContent = "";
    r.domains.forEach(function (d) {
      var row = body.insertRow();
      row.className = d.over || d.under ? "is-over" : "";
      cell(row, "th", d.code, "row");
      cell(row, "td", d.validated + " / " + d.total).className = "num";
      cell(row, "td", String(d.notValidated)).className = "num";
      cell(row, "td", d.over ? w.count("tracker-js-over", d.notValidated - d.max)
        : d.under ? w.count("tracker-js-over", d.min - d.validated)
          : w.say("tracker-js-within-limit"));
    });
    if (storage) {
      try { storage.setItem(key, JSON.stringify(exportState(codes, data, chosenLevels()))); } catch (e) { /* full */ }
    }
  }

  // Restore the saved ticks, then show the JavaScript-only parts.
  if (storage) {
    try {
      var saved = storage.getItem(key);
      if (saved) {
        var restored = parseState(saved, data, w);
        setTicked(restored.validated, restored.levels);
      }
    } catch (e) { /* a damaged saved state is dropped */ }
  } else {
    $("suivi-stockage").textContent = w.say("tracker-js-no-storage");
  }
  Array.prototype.forEach.call(document.querySelectorAll("[data-suivi-js]"), function (el) {
    el.hidden = false;
  });
  Array.prototype.forEach.call(document.querySelectorAll("[data-suivi-sans-js]"), function (el) {
    el.hidden = true;
  });
  update();

  form.addEventListener("change", update);
  form.addEventListener("submit", function (e) { e.preventDefault(); });

  // Tick or untick every competency of one activity.
  document.addEventListener("click", function (e) {
    var button = e.target.closest && e.target.closest("button[data-activite]");
    if (!button) return;
    var activity = data.activities.filter(function (a) { return a.slug === button.dataset.activite; })[0];
    if (!activity) return;
    var on = button.dataset.action === "cocher";
    var codes = new Set(activity.codes);
    boxes.forEach(function (b) { if (codes.has(b.value)) b.checked = on; });
    selects.forEach(function (s) {
      if (!codes.has(s.dataset.code)) return;
      if (!on) s.value = "";
      else if (counting.indexOf(s.value) < 0) s.value = counting[0] || "";
    });
    update();
  });

  $("suivi-exporter").addEventListener("click", function () {
    var json = JSON.stringify(exportState(ticked(), data, chosenLevels()), null, 2) + "\n";
    var url = URL.createObjectURL(new Blob([json], { type: "application/json" }));
    var a = document.createElement("a");
    a.href = url;
    a.download = w.say("tracker-js-file-name", { name: slug(data.name || data.site) });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    say(w.say("tracker-js-exported", { ticked: w.count("tracker-js-ticked", ticked().length) }));
  });

  $("suivi-importer").addEventListener("change", function () {
    var input = this;
    var file = input.files && input.files[0];
    if (!file) return;
    var reader = new FileReader();
    reader.onload = function () {
      try {
        var state = parseState(String(reader.result), data, w);
        setTicked(state.validated, state.levels);
        update();
        var imported = w.count("tracker-js-ticked", state.validated.length);
        say(state.ignored
          ? w.say("tracker-js-imported-ignored", { ticked: imported, ignored: w.count("tracker-js-ignored", state.ignored) })
          : w.say("tracker-js-imported", { ticked: imported }));
      } catch (err) {
        say(w.say("tracker-js-import-failed", { reason: err.message }));
      }
      input.value = "";
    };
    reader.onerror = function () {
      say(w.say("tracker-js-import-failed", { reason: w.say("tracker-js-read-error") }));
    };
    reader.readAsText(file);
  });

  $("suivi-effacer").addEventListener("click", function () {
    if (!window.confirm(w.say("tracker-js-confirm-clear"))) return;
    setTicked([]);
    update();
    say(w.say("tracker-js-cleared"));
  });

  $("suivi-imprimer").addEventListener("click", function () { window.print(); });
})();
