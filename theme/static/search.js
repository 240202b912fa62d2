/* Full-text search of the handbook, on the search page.
 *
 * The index is built by livret (src/render/search.rs) and set as a global by search-index.js,
 * loaded just before this file: no fetch, so it works offline and from file://. This script folds
 * the query exactly as livret folded the pages (lowercase, compatibility decomposition without
 * accents, œ → oe, æ → ae, words split on anything not a letter or digit), drops the index's
 * stopwords, strips common French suffixes from each word (« évaluer » → « evalu »), matches the
 * stem as a prefix of the index's words, keeps the sections holding every word, ranks them and
 * shows each with an excerpt. Classic script, no framework; the pure functions run in node too.
 */
(function () {
  "use strict";

  var MARK = /\p{M}/u;
  var ALNUM = /[\p{Alphabetic}\p{N}]/u;
  var MIN_STEM = 4;
  // Longest first: the first that leaves a stem of MIN_STEM letters is stripped.
  var FRENCH_SUFFIXES = [
    "issements", "issement", "atrices", "ations", "ateurs", "ements", "atrice", "ateur", "ation",
    "ement", "ences", "ances", "iques", "ismes", "istes", "ables", "ibles", "euses", "ence", "ance",
    "ique", "isme", "iste", "able", "ible", "euse", "eurs", "ites", "ives", "eur", "eux", "ite",
    "ive", "ees", "ee", "es", "er", "ez", "ir", "re", "e", "s", "x",
  ];
  var EXCERPT = 160; // characters around the first hit
  var LIMIT = 50; // results shown

  // ---- Pure functions (unit-tested with node) ----

  // The folded form of one character, as src/render/search.rs folds it.
  function foldChar(c) {
    var out = "";
    for (var d of c.toLowerCase().normalize("NFKD")) {
      if (d === "œ") out += "oe";
      else if (d === "æ") out += "ae";
      else if (!MARK.test(d)) out += d;
    }
    return out;
  }

  // The folded words of a text with where each stands in it: [{word, start, end}] (UTF-16 offsets).
  function tokens(text) {
    var out = [];
    var word = "";
    var start = 0;
    var end = 0;
    var at = 0;
    for (var c of text) {
      var folded = foldChar(c);
      for (var d of folded) {
        if (ALNUM.test(d)) {
          if (word === "") start = at;
          word += d;
        } else if (word !== "") {
          out.push({ word: word, start: start, end: end });
          word = "";
        }
      }
      at += c.length;
      if (word !== "") end = at;
    }
    if (word !== "") out.push({ word: word, start: start, end: end });
    return out;
  }

  function words(text) {
    return tokens(text).map(function (t) { return t.word; });
  }

  function isFrench(language) {
    return /^fr([-_]|$)/.test(language || "");
  }

  // A light French stemmer for query words: strips one common suffix, keeping MIN_STEM letters.
  function stem(word) {
    for (var i = 0; i < FRENCH_SUFFIXES.length; i++) {
      var suffix = FRENCH_SUFFIXES[i];
      if (word.length - suffix.length >= MIN_STEM && word.endsWith(suffix)) {
        return word.slice(0, word.length - suffix.length);
      }
    }
    return word;
  }

  // The query's terms: its folded words without stopwords, each with the stem it matches as a
  // prefix. Words of one or two characters (a code's parts, a number) match only whole words.
  function terms(index, query) {
    var stop = new Set(index.stopwords);
    var seen = new Set();
    var french = isFrench(index.language);
    return words(query)
      .filter(function (w) {
        if (stop.has(w) || seen.has(w)) return false;
        seen.add(w);
        return true;
      })
      .map(function (w) {
        return { word: w, prefix: w.length > 2 ? (french ? stem(w) : w) : null };
      });
  }

  function matches(term, word) {
    return term.prefix === null ? word === term.word : word.startsWith(term.prefix);
  }

  // The first position of the sorted words that is not before `key` (bisection).
  function lowerBound(list, key) {
    var lo = 0;
    var hi = list.length;
    while (lo < hi) {
      var mid = (lo + hi) >>> 1;
      if (list[mid] < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  // The documents holding a word that the term matches.
  function documentsOf(index, term) {
    var found = new Set();
    var key = term.prefix === null ? term.word : term.prefix;
    for (var i = lowerBound(index.words, key); i < index.words.length; i++) {
      if (!matches(term, index.words[i])) break;
      var id = 0;
      index.postings[i].forEach(function (delta) {
        id += delta;
        found.add(id);
      });
    }
    return found;
  }

  // How well a document answers: title and heading hits first, then the words side by side as in
  // the query, then whole words over prefixes, then the number of hits.
  function score(index, doc, list, text) {
    var page = index.pages[doc[0]];
    var titleWords = words(page[1]);
    var headingWords = words(doc[2]);
    var stop = new Set(index.stopwords);
    var body = text.map(function (t) { return t.word; }).filter(function (w) { return !stop.has(w); });
    var total = 0;
    list.forEach(function (term) {
      var has = function (w) { return matches(term, w); };
      if (titleWords.some(has)) total += 10;
      if (headingWords.some(has)) total += 6;
      if (titleWords.concat(headingWords, body).indexOf(term.word) >= 0) total += 2;
      total += Math.log2(1 + body.filter(has).length);
    });
    if (list.length > 1) {
      for (var i = 0; i + list.length <= body.length; i++) {
        if (list.every(function (term, k) { return matches(term, body[i + k]); })) {
          total += 8;
          break;
        }
      }
    }
    return total;
  }

  // About EXCERPT characters of `text` around its first hit, as [{text, mark}] parts.
  function excerpt(text, tokenList, list) {
    var hits = tokenList.filter(function (t) {
      return list.some(function (term) { return matches(term, t.word); });
    });
    var from = hits.length ? Math.max(0, hits[0].start - EXCERPT / 3) : 0;
    if (from > 0) {
      var space = text.indexOf(" ", from);
      from = space >= 0 && space < hits[0].start ? space + 1 : from;
    }
    var to = Math.min(text.length, from + EXCERPT);
    if (to < text.length) {
      var back = text.lastIndexOf(" ", to);
      to = back > from ? back : to;
    }
    var parts = [];
    var at = from;
    hits.forEach(function (t) {
      if (t.start < at || t.end > to) return;
      if (t.start > at) parts.push({ text: text.slice(at, t.start), mark: false });
      parts.push({ text: text.slice(t.start, t.end), mark: true });
      at = t.end;
    });
    if (at < to) parts.push({ text: text.slice(at, to), mark: false });
    if (from > 0) parts.unshift({ text: "…", mark: false });
    if (to < text.length) parts.push({ text: "…", mark: false });
    return parts;
  }

  // The sections answering `query`, best first: [{url, title, heading, excerpt}]. An empty or
  // stopword-only query finds nothing.
  function search(index, query) {
    var list = terms(index, query);
    if (!list.length) return [];
    var found = null;
    list.forEach(function (term) {
      var docs = documentsOf(index, term);
      found = found === null ? docs : new Set(Array.from(found).filter(function (id) { return docs.has(id); }));
    });
    return Array.from(found)
      .map(function (id) {
        var doc = index.docs[id];
        var text = tokens(doc[3]);
        return { id: id, doc: doc, rank: score(index, doc, list, text), text: text };
      })
      .sort(function (a, b) { return b.rank - a.rank || a.id - b.id; })
      .map(function (r) {
        var page = index.pages[r.doc[0]];
        return {
          url: page[0] + (r.doc[1] ? "#" + r.doc[1] : ""),
          title: page[1],
          heading: r.doc[2],
          excerpt: excerpt(r.doc[3], r.text, list),
        };
      });
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { foldChar: foldChar, tokens: tokens, words: words, stem: stem, terms: terms, search: search };
  }
  if (typeof document === "undefined") return;

  // ---- The search page ----

  var NBSP = "\u00a0";
  var index = window.livretSearchIndex;
  var form = document.querySelector("[data-search-form]");
  var status = document.querySelector("[data-search-status]");
  var results = document.querySelector("[data-search-results]");
  if (!index || !form || !status || !results) return;
  var input = form.elements.q;

  function plural(n, singular, pluralForm) {
    return n + " " + (n >= 2 ? pluralForm : singular);
  }

  function element(name, className, children) {
    var node = document.createElement(name);
    if (className) node.className = className;
    children.forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function show(query) {
    var found = search(index, query);
    var shown = found.slice(0, LIMIT);
    results.replaceChildren.apply(results, shown.map(function (r) {
      var title = [element("span", "search-result-title", [r.title])];
      if (r.heading) {
        title.push(element("span", "visually-hidden", [" – "]), element("span", "search-result-heading", [r.heading]));
      }
      var link = element("a", null, title);
      link.href = r.url;
      var parts = r.excerpt.map(function (p) { return p.mark ? element("mark", null, [p.text]) : p.text; });
      return element("li", null, [link, element("p", "search-excerpt", parts)]);
    }));
    var quoted = "«" + NBSP + query.trim() + NBSP + "»";
    if (!query.trim()) status.textContent = "";
    else if (!found.length) status.textContent = "Aucun résultat pour " + quoted + ".";
    else if (found.length > LIMIT) status.textContent = "Les " + LIMIT + " premiers de " + found.length + " résultats pour " + quoted + ".";
    else status.textContent = plural(found.length, "résultat", "résultats") + " pour " + quoted + ".";
  }

  function remember(query) {
    try {
      history.replaceState(null, "", query ? "?q=" + encodeURIComponent(query) : location.pathname);
    } catch (e) {
      // Some browsers refuse to change a file:// address: the results are still shown.
    }
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      show(input.value);
      remember(input.value);
    }, 150);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    show(input.value);
    remember(input.value);
  });

  // Arrow keys move between the field and the results; Escape goes back to the field.
  form.addEventListener("keydown", function (event) {
    var first = results.querySelector("a");
    if (event.key === "ArrowDown" && first) {
      event.preventDefault();
      first.focus();
    }
  });
  results.addEventListener("keydown", function (event) {
    var links = Array.from(results.querySelectorAll("a"));
    var at = links.indexOf(document.activeElement);
    if (at < 0) return;
    if (event.key === "ArrowDown" && at + 1 < links.length) links[at + 1].focus();
    else if (event.key === "ArrowUp") (at > 0 ? links[at - 1] : input).focus();
    else if (event.key === "Escape") input.focus();
    else return;
    event.preventDefault();
  });

  var query = new URLSearchParams(location.search).get("q") || "";
  input.value = query;
  if (query) show(query);
  input.focus();
})();
