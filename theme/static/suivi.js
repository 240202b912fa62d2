/* « Mon suivi »: the students' certification-rule tracker.
 *
 * The page's checklist works without this script (print it and tick by hand). With it, the page
 * evaluates the certification rule as boxes are ticked, keeps the ticks in localStorage (nothing
 * leaves the browser), and offers export/import as a small JSON file and printing.
 *
 * Everything about the référentiel and the rule comes from the JSON embedded in the page
 * (<script type="application/json" id="suivi-donnees">): {site, name, required, max,
 * domains: [{code, title, codes}], activities: [{slug, title, codes}]}.
 * Classic script (not a module) so that it also runs from file://.
 */
(function () {
  "use strict";

  var NBSP = "\u00a0"; // before « : »
  var NNBSP = "\u202f"; // before « ; ! ? »
  var FORMAT = "livret-suivi";
  var VERSION = 1;

  // ---- Pure functions (unit-tested with node) ----

  // "2 compétences", "1 compétence", "0 compétence" (French: singular below 2).
  function plural(n, singular, pluralForm) {
    return n + " " + (n >= 2 ? pluralForm || singular + "s" : singular);
  }

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

  // The rule: at least `required` validated in total AND at most `max` not validated per domain.
  function evaluate(validatedCodes, data) {
    var ticked = new Set(knownCodes(validatedCodes, data));
    var domains = data.domains.map(function (d) {
      var notValidated = d.codes.filter(function (c) { return !ticked.has(c); }).length;
      return {
        code: d.code, title: d.title, total: d.codes.length,
        validated: d.codes.length - notValidated, notValidated: notValidated,
        max: data.max, over: notValidated > data.max
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
    result.met = result.missingTotal === 0 && domains.every(function (d) { return !d.over; });
    result.message = statusMessage(result);
    return result;
  }

  // One domain over the limit: "domaine B.3 : 3 non validées, maximum 2".
  function domainProblem(d) {
    return "domaine " + d.code + NBSP + ": " + plural(d.notValidated, "non validée") +
      ", maximum " + d.max;
  }

  // The plain French sentence describing an evaluation.
  function statusMessage(r) {
    var validated = plural(r.validated, "compétence validée", "compétences validées") +
      ", pour " + plural(r.required, "requise");
    if (r.met) {
      return "Règle atteinte" + NBSP + ": " + validated + ", aucun domaine au-delà de " +
        plural(r.max, "non validée") + ".";
    }
    if (r.validated === 0) {
      return "Aucune compétence cochée pour l’instant" + NBSP + ": il vous en faut " + r.required +
        ", avec au maximum " + plural(r.max, "non validée") + " par domaine.";
    }
    var over = r.domains.filter(function (d) { return d.over; });
    // Up to two domains are spelled out; more are listed briefly.
    var parts = over.length <= 2 ? over.map(domainProblem) : [
      over.length + " domaines dépassent le maximum de " + plural(r.max, "non validée") + NBSP + ": " +
      over.map(function (d) { return d.code + " (" + d.notValidated + ")"; }).join(", ")
    ];
    if (r.missingTotal > 0) {
      parts.unshift("Il vous manque " + plural(r.missingTotal, "compétence"));
    } else {
      parts[0] = validated + ", mais " + parts[0];
    }
    return parts.join(NNBSP + "; ") + ".";
  }

  // The state as saved and exported: {"format", "version", "validated": [codes]}.
  function exportState(codes, data) {
    return { format: FORMAT, version: VERSION, validated: knownCodes(codes, data) };
  }

  // Reads an exported (or saved) state. Returns {validated, ignored} where `ignored` counts the
  // entries that are not codes of this référentiel; throws an Error with a French message.
  function parseState(text, data) {
    var state;
    try { state = JSON.parse(text); } catch (e) {
      throw new Error("ce fichier n’est pas un fichier JSON valide.");
    }
    if (!state || state.format !== FORMAT || !Array.isArray(state.validated)) {
      throw new Error("ce fichier n’est pas un export de «" + NBSP + "Mon suivi" + NBSP + "».");
    }
    if (state.version !== VERSION) {
      throw new Error("version de fichier non prise en charge" + NBSP + ": " + state.version + ".");
    }
    var validated = knownCodes(state.validated.filter(function (c) { return typeof c === "string"; }), data);
    return { validated: validated, ignored: new Set(state.validated).size - validated.length };
  }

  // "Certification informatique – Mode d'emploi" -> "certification-informatique-mode-d-emploi".
  function slug(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  }

  if (typeof module === "object" && module.exports) {
    module.exports = {
      evaluate: evaluate, statusMessage: statusMessage, exportState: exportState,
      parseState: parseState, slug: slug, plural: plural
    };
  }
  if (typeof document === "undefined") return;

  // ---- Page behaviour ----

  var source = document.getElementById("suivi-donnees");
  var form = document.getElementById("suivi-liste");
  if (!source || !form) return;
  var data = JSON.parse(source.textContent);
  var key = "livret-suivi:" + slug(data.site);
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox][name=competence]"));
  var $ = function (id) { return document.getElementById(id); };

  // localStorage may be missing or refuse writes (private mode, some browsers from file://).
  var storage = null;
  try {
    window.localStorage.setItem(key + ":test", "1");
    window.localStorage.removeItem(key + ":test");
    storage = window.localStorage;
  } catch (e) { storage = null; }

  function ticked() {
    return boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
  }

  function setTicked(codes) {
    var wanted = new Set(codes);
    boxes.forEach(function (b) { b.checked = wanted.has(b.value); });
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
    var r = evaluate(codes, data);
    // « 27 compétences validées (23 requises) »: the count, then what it is measured against.
    $("suivi-total").textContent = String(r.validated);
    $("suivi-total-legende").textContent = (r.validated >= 2 ? "compétences validées" : "compétence validée") +
      " (" + plural(r.required, "requise") + ")";
    $("suivi-total-texte").textContent = plural(r.validated, "compétence validée", "compétences validées") +
      ", pour " + plural(r.required, "requise") + ".";
    $("suivi-phrase").textContent = r.message;
    $("suivi-etat").className = "tracker-status " + (r.met ? "is-met" : "is-unmet");
    var body = $("suivi-domaines").tBodies[0];
    body.textContent = "";
    r.domains.forEach(function (d) {
      var row = body.insertRow();
      row.className = d.over ? "is-over" : "";
      cell(row, "th", d.code, "row");
      cell(row, "td", d.validated + " / " + d.total).className = "num";
      cell(row, "td", String(d.notValidated)).className = "num";
      cell(row, "td", d.over ? plural(d.notValidated - d.max, "à valider en plus", "à valider en plus") : "Dans la limite");
    });
    if (storage) {
      try { storage.setItem(key, JSON.stringify(exportState(codes, data))); } catch (e) { /* full */ }
    }
  }

  // Restore the saved ticks, then show the JavaScript-only parts.
  if (storage) {
    try {
      var saved = storage.getItem(key);
      if (saved) setTicked(parseState(saved, data).validated);
    } catch (e) { /* a damaged saved state is dropped */ }
  } else {
    $("suivi-stockage").textContent = "Votre navigateur ne permet pas d’enregistrer vos coches" + NBSP +
      ": elles seront perdues à la fermeture de la page. Pensez à exporter votre suivi.";
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
    update();
  });

  $("suivi-exporter").addEventListener("click", function () {
    var json = JSON.stringify(exportState(ticked(), data), null, 2) + "\n";
    var url = URL.createObjectURL(new Blob([json], { type: "application/json" }));
    var a = document.createElement("a");
    a.href = url;
    a.download = "suivi-" + slug(data.name || data.site) + ".json";
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    say("Fichier exporté" + NBSP + ": " + plural(ticked().length, "compétence cochée", "compétences cochées") + ".");
  });

  $("suivi-importer").addEventListener("change", function () {
    var input = this;
    var file = input.files && input.files[0];
    if (!file) return;
    var reader = new FileReader();
    reader.onload = function () {
      try {
        var state = parseState(String(reader.result), data);
        setTicked(state.validated);
        update();
        say("Suivi importé" + NBSP + ": " + plural(state.validated.length, "compétence cochée", "compétences cochées") +
          (state.ignored ? ", " + plural(state.ignored, "code inconnu ignoré", "codes inconnus ignorés") : "") + ".");
      } catch (err) {
        say("Import impossible" + NBSP + ": " + err.message);
      }
      input.value = "";
    };
    reader.onerror = function () { say("Import impossible" + NBSP + ": le fichier n’a pas pu être lu."); };
    reader.readAsText(file);
  });

  $("suivi-effacer").addEventListener("click", function () {
    if (!window.confirm("Effacer toutes les coches" + NNBSP + "? Pensez à exporter votre suivi avant.")) return;
    setTicked([]);
    update();
    say("Toutes les coches ont été effacées.");
  });

  $("suivi-imprimer").addEventListener("click", function () { window.print(); });
})();
