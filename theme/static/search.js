/* Full-text search of the handbook, on the search page.
 *
 * The index is built by livret (src/render/search.rs) and set as a global by search-index.js,
 * loaded just before this file: no fetch, so it works offline and from file://. This script folds
 * the query exactly as livret folded the pages (lowercase, compatibility decomposition without
 * accents, œ → oe, æ → ae, words split on anything not a letter or digit), drops the index's
 * stopwords, and matches each query word with every indexed word of its Snowball stem (« évaluer »
 * and « évaluation » share « evalu »): the stems come from the index, where livret wrote each word's
 * stem in the handbook's language, so both sides follow the same rules without a stemmer here. A
 * word the index lacks takes every indexed stem it begins with, and also matches the words it
 * begins (a word being typed). It keeps the sections holding every word, ranks them and
 * shows each page once with an excerpt, its other matching places listed under it. A query naming
 * a code of the référentiel (`A.1.3`, `a13`) shows the code's description first, then the sections
 * holding the code whole. Classic script, no framework; the pure functions run in node too.
 * The sentences it shows are the page's (search.html renders the catalogue's `search-js-…`
 * messages in the handbook's language, with {placeholders} this script fills in).
 */
(function () {
  "use strict";

  var MARK = /\p{M}/u;
  var ALNUM = /[\p{Alphabetic}\p{N}]/u;
  // The shortest stem a word the index lacks may take (shorter ones would match too much).
  var MIN_STEM = 4;
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

  // The index's stems, worked out once per index: each word's stem, each stem's words.
  function stemsOf(index) {
    if (!index.stemTables) {
      var stemOf = new Map();
      var wordsOf = new Map();
      index.words.forEach(function (word, i) {
        var stem = index.stems ? index.stems[index.word_stems[i]] : word;
        stemOf.set(word, stem);
        if (!wordsOf.has(stem)) wordsOf.set(stem, []);
        wordsOf.get(stem).push(i);
      });
      index.stemTables = { stemOf: stemOf, wordsOf: wordsOf };
    }
    return index.stemTables;
  }

  // The stems a query word matches: the indexed word's own; for a word the index lacks, every
  // indexed stem of MIN_STEM characters at least that the word begins with (« evaluer », absent,
  // takes « evalu » and « evalue »).
  function stemsOfQueryWord(index, word) {
    var tables = stemsOf(index);
    if (tables.stemOf.has(word)) return [tables.stemOf.get(word)];
    var found = [];
    for (var n = word.length - 1; n >= MIN_STEM; n--) {
      if (tables.wordsOf.has(word.slice(0, n))) found.push(word.slice(0, n));
    }
    return found;
  }

  // The query's terms: its folded words without stopwords, each with its stem and the prefix of
  // the words it is being typed as. Words of one or two characters (a code's parts, a number)
  // match only whole words.
  function terms(index, query) {
    var stop = new Set(index.stopwords);
    var seen = new Set();
    var stemOf = stemsOf(index).stemOf;
    return words(query)
      .filter(function (w) {
        if (stop.has(w) || seen.has(w)) return false;
        seen.add(w);
        return true;
      })
      .map(function (w) {
        if (w.length <= 2) return { word: w, prefix: null, stems: new Set(), stemOf: stemOf };
        return { word: w, prefix: w, stems: new Set(stemsOfQueryWord(index, w)), stemOf: stemOf };
      });
  }

  function matches(term, word) {
    if (term.prefix === null) return word === term.word;
    return word.startsWith(term.prefix) || term.stems.has(term.stemOf.get(word));
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

  // The documents holding a word that the term matches: the words it begins, and its stem's.
  function documentsOf(index, term) {
    var found = new Set();
    var add = function (i) {
      var id = 0;
      index.postings[i].forEach(function (delta) {
        id += delta;
        found.add(id);
      });
    };
    var key = term.prefix === null ? term.word : term.prefix;
    for (var i = lowerBound(index.words, key); i < index.words.length; i++) {
      var word = index.words[i];
      if (term.prefix === null ? word !== key : !word.startsWith(key)) break;
      add(i);
    }
    var wordsOf = stemsOf(index).wordsOf;
    term.stems.forEach(function (stem) { wordsOf.get(stem).forEach(add); });
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

  // About EXCERPT characters of `text` centred on its first hit (`hits`: tokens of it), as
  // [{text, mark}] parts.
  function excerpt(text, hits) {
    var from = 0;
    if (hits.length) {
      var first = hits[0];
      from = Math.max(0, first.start - Math.floor((EXCERPT - (first.end - first.start)) / 2));
      var space = text.indexOf(" ", from);
      if (from > 0 && space >= 0 && space < first.start) from = space + 1;
    }
    var to = Math.min(text.length, from + EXCERPT);
    if (to < text.length) {
      var back = text.lastIndexOf(" ", to);
      to = back > from ? back : to;
    }
    var parts = marked(text.slice(0, to), hits, from);
    if (from > 0) parts.unshift({ text: "…", mark: false });
    if (to < text.length) parts.push({ text: "…", mark: false });
    return parts;
  }

  // `text` from `from` as [{text, mark}] parts, its `hits` marked; hits joined by a dot or a
  // hyphen (a code's parts) make one mark.
  function marked(text, hits, from) {
    var parts = [];
    var at = from || 0;
    hits.forEach(function (t) {
      if (t.start < at || t.end > text.length) return;
      var gap = text.slice(at, t.start);
      var last = parts[parts.length - 1];
      if (last && last.mark && gap.length <= 1 && !/\s/.test(gap)) {
        last.text += gap + text.slice(t.start, t.end);
      } else {
        if (gap) parts.push({ text: gap, mark: false });
        parts.push({ text: text.slice(t.start, t.end), mark: true });
      }
      at = t.end;
    });
    if (at < text.length) parts.push({ text: text.slice(at), mark: false });
    return parts;
  }

  // The code of the référentiel the query names, whatever its dots, spaces and case (`A.1.3`,
  // `a13`, `a.1.3`): [code, document] pairs, usually one.
  function codesNamed(index, query) {
    var compact = words(query).join("");
    if (!compact) return [];
    return (index.codes || []).filter(function (entry) {
      return words(entry[0]).join("") === compact;
    });
  }

  // The tokens of `list` where `phrase` (folded words) stands word after word.
  function phraseHits(list, phrase) {
    var out = [];
    for (var i = 0; i + phrase.length <= list.length; i++) {
      if (phrase.every(function (w, k) { return list[i + k].word === w; })) {
        out = out.concat(list.slice(i, i + phrase.length));
      }
    }
    return out;
  }

  // The documents holding every term (all of them when there is none).
  function candidates(index, list) {
    if (!list.length) return index.docs.map(function (_, id) { return id; });
    var found = null;
    list.forEach(function (term) {
      var docs = documentsOf(index, term);
      found = found === null ? docs : new Set(Array.from(found).filter(function (id) { return docs.has(id); }));
    });
    return Array.from(found);
  }

  // A document's place in the results: its link, titles, its heading with the hits marked
  // (`hitsIn` finds them in a list of tokens) and an excerpt around the first hit.
  function result(index, id, hitsIn) {
    var doc = index.docs[id];
    var page = index.pages[doc[0]];
    return {
      page: doc[0],
      url: page[0] + (doc[1] ? "#" + doc[1] : ""),
      title: page[1],
      heading: doc[2],
      headingParts: marked(doc[2], hitsIn(tokens(doc[2]))),
      excerpt: excerpt(doc[3], hitsIn(tokens(doc[3]))),
      also: [],
    };
  }

  // One result per page and per excerpt: a page's other sections, and the same excerpt found on
  // other pages (a competency quoted on several), are listed under the first, as `also`.
  function grouped(results) {
    var byPage = new Map();
    var byExcerpt = new Map();
    var out = [];
    results.forEach(function (r) {
      var said = r.excerpt.map(function (p) { return p.text; }).join("");
      var first = byPage.get(r.page) || byExcerpt.get(said);
      if (first) {
        first.also.push({ url: r.url, title: r.title, heading: r.heading, samePage: first.page === r.page });
        return;
      }
      byPage.set(r.page, r);
      byExcerpt.set(said, r);
      out.push(r);
    });
    return out;
  }

  // The sections answering `query`, best first, one per page: [{url, title, heading, excerpt,
  // also}]. A query naming a code (`A.1.3`, `a13`) gives its description first, then the sections
  // holding the code itself; a query of short words only (`B 2 3`) wants them side by side. An
  // empty or stopword-only query finds nothing.
  function search(index, query) {
    var named = codesNamed(index, query);
    var phrase = named.length ? words(named[0][0]) : words(query);
    var codeLike = named.length > 0 || (phrase.length > 1 && phrase.every(function (w) { return w.length <= 2; }));
    var list = terms(index, codeLike ? phrase.join(" ") : query);
    if (!list.length && !named.length) return [];
    var first = new Set(named.map(function (entry) { return entry[1]; }));
    var hitsIn = codeLike
      ? function (text) { return phraseHits(text, phrase); }
      : function (text) {
        return text.filter(function (t) { return list.some(function (term) { return matches(term, t.word); }); });
      };
    var ranked = candidates(index, list)
      .filter(function (id) { return !first.has(id); })
      .map(function (id) {
        var doc = index.docs[id];
        return { id: id, doc: doc, text: tokens(doc[3]) };
      })
      .filter(function (r) {
        if (!codeLike) return true;
        // The code stands in the section's text or heading, or in its page's title.
        var title = r.doc[1] ? "" : index.pages[r.doc[0]][1];
        return phraseHits(tokens(title + " " + r.doc[2]).concat(r.text), phrase).length > 0;
      })
      .map(function (r) {
        r.rank = score(index, r.doc, list, r.text);
        return r;
      })
      .sort(function (a, b) { return b.rank - a.rank || a.id - b.id; });
    // A code's own description is shown from its start.
    var none = function () { return []; };
    var exact = Array.from(first).map(function (id) { return result(index, id, none); });
    return grouped(exact.concat(ranked.map(function (r) { return result(index, r.id, hitsIn); })));
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { foldChar: foldChar, tokens: tokens, words: words, stemsOfQueryWord: stemsOfQueryWord, terms: terms, search: search };
  }
  if (typeof document === "undefined") return;

  // ---- The search page ----

  var index = window.livretSearchIndex;
  var form = document.querySelector("[data-search-form]");
  var status = document.querySelector("[data-search-status]");
  var results = document.querySelector("[data-search-results]");
  if (!index || !form || !status || !results) return;
  var input = form.elements.q;

  // The page's sentences (see sentences.js).
  var strings = {};
  var texts = document.querySelector("[data-search-strings]");
  try { strings = texts ? JSON.parse(texts.textContent) : {}; } catch (e) { strings = {}; }
  var sentences = window.livretSentences(strings, document.documentElement.lang);
  var say = sentences.say;
  var count = sentences.count;

  function element(name, className, children) {
    var node = document.createElement(name);
    if (className) node.className = className;
    children.forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  // The other places of a result, comma-separated: a section of the same page by its heading,
  // another page by its title (and heading).
  function alsoLinks(also) {
    var out = [];
    also.forEach(function (a, i) {
      if (i > 0) out.push(", ");
      var name = a.samePage ? a.heading || a.title : a.title + (a.heading ? " – " + a.heading : "");
      var link = element("a", null, [name]);
      link.href = a.url;
      out.push(link);
    });
    return out;
  }

  function show(query) {
    var found = search(index, query);
    var shown = found.slice(0, LIMIT);
    results.replaceChildren.apply(results, shown.map(function (r) {
      var title = [element("span", "search-result-title", [r.title])];
      if (r.heading) {
        var heading = r.headingParts.map(function (p) { return p.mark ? element("mark", null, [p.text]) : p.text; });
        title.push(element("span", "visually-hidden", [" – "]), element("span", "search-result-heading", heading));
      }
      var link = element("a", null, title);
      link.href = r.url;
      var parts = r.excerpt.map(function (p) { return p.mark ? element("mark", null, [p.text]) : p.text; });
      var item = [link, element("p", "search-excerpt", parts)];
      if (r.also.length) item.push(element("p", "search-also", [say("search-js-see-also") + " "].concat(alsoLinks(r.also))));
      return element("li", null, item);
    }));
    var asked = query.trim();
    if (!asked) status.textContent = "";
    else if (!found.length) status.textContent = say("search-js-none", { query: asked });
    else if (found.length > LIMIT) status.textContent = say("search-js-first", { shown: LIMIT, total: found.length, query: asked });
    else status.textContent = count("search-js-count", found.length, { query: asked });
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
