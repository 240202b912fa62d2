/* Full-text search of the handbook, on the search page.
 *
 * The index is built by livret (src/render/search/) in parts, each a script registering its data
 * in `self.livretSearch`, so that it works offline and from file://, where a page may load a
 * script but not fetch a file: the manifest (loaded with the page), word shards (runs of the sorted
 * vocabulary, each word with its stem and postings) and text parts (pages' sections, compressed).
 * A query loads the shards its words need, finds and ranks the sections holding every word from
 * the postings alone, then loads the text parts of the best ones for their excerpts.
 *
 * It folds the query exactly as livret folded the pages (lowercase, compatibility decomposition
 * without accents, œ → oe, æ → ae, words split on anything not a letter or digit), drops the
 * index's stopwords, and matches each query word with every indexed word of its Snowball stem
 * (« évaluer » and « évaluation » share « evalu »): the stems come from the index, where livret
 * wrote each word's stem in the handbook's language, so both sides follow the same rules without
 * a stemmer here. A word the index lacks takes every indexed stem it begins with, and also matches
 * the words it begins (a word being typed). It keeps the sections holding every word, ranks them
 * and shows each page once with an excerpt, its other matching places listed under it. A query
 * naming a code of the référentiel (`A.1.3`, `a13`) shows the code's description first, then the
 * sections holding the code whole. Classic script, no framework; the search itself runs in node
 * too. The sentences it shows are the page's (search.html renders the catalogue's `search-js-…`
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
  // The text parts one query loads at most (some kilobytes each), see `readable`.
  var MAX_PARTS = 50;
  // What a posting's code says (src/render/search/mod.rs): the word is in the page's title, in
  // the section's heading, and (code >> 2) times in its text.
  var IN_TITLE = 2;
  var IN_HEADING = 1;

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

  // ---- The index's parts (src/render/search/index.rs) ----

  var DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  var DIGIT = {};
  for (var d = 0; d < DIGITS.length; d++) DIGIT[DIGITS[d]] = d;

  // The unsigned numbers of a base64 VLQ text: five bits per digit, low bits first, the sixth bit
  // of a digit saying another follows.
  function vlq(text) {
    var out = [];
    var value = 0;
    var scale = 1;
    for (var i = 0; i < text.length; i++) {
      var digit = DIGIT[text[i]];
      value += (digit & 31) * scale;
      if (digit & 32) {
        scale *= 32;
      } else {
        out.push(value);
        value = 0;
        scale = 1;
      }
    }
    return out;
  }

  // The first position of the sorted `list` that is not before `key` (bisection).
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

  // Each of `counts` items spread over its ranges: [owner of each item, first item of each range].
  function ranges(counts) {
    var owner = [];
    var first = [];
    counts.forEach(function (n, range) {
      first.push(owner.length);
      for (var k = 0; k < n; k++) owner.push(range);
    });
    return { owner: owner, first: first };
  }

  // The index of a site: its manifest, `load(name)`, a promise of the data a part registers, and
  // `inflate(data)`, a promise of a text part's pages from its compressed text. Parts are loaded
  // once, when a query first needs them.
  function Index(manifest, load, inflate) {
    this.stopwords = new Set(manifest.stopwords);
    this.codes = manifest.codes || [];
    this.firsts = manifest.shards;
    var docs = ranges(vlq(manifest.docs));
    var parts = ranges(vlq(manifest.parts));
    this.pageOf = docs.owner;
    this.firstDoc = docs.first;
    this.partOf = parts.owner;
    this.firstPage = parts.first;
    this.load = load;
    this.inflate = inflate;
    this.loaded = new Map();
  }

  // Part `name`, prepared; a part that failed to load is asked for again by the next query.
  Index.prototype.part = function (name, prepare) {
    var loaded = this.loaded;
    if (!loaded.has(name)) {
      var promise = this.load(name).then(prepare);
      promise.then(null, function () { loaded.delete(name); });
      loaded.set(name, promise);
    }
    return loaded.get(name);
  };

  // Word shard `n`, with its words and stems looked up by name.
  Index.prototype.shard = function (n) {
    return this.part("w" + n, function (shard) {
      shard.at = new Map(shard.words.map(function (w, i) { return [w, i]; }));
      shard.home = new Map(shard.home);
      return shard;
    });
  };

  // The shard whose run of words `key` sorts into.
  Index.prototype.shardOf = function (key) {
    var i = lowerBound(this.firsts, key);
    return i < this.firsts.length && this.firsts[i] === key ? i : Math.max(0, i - 1);
  };

  // Document `id`'s section: {page, url, title, anchor, heading, text}, from its text part.
  Index.prototype.section = function (id) {
    var index = this;
    var page = this.pageOf[id];
    var part = this.partOf[page];
    return this.part("t" + part, this.inflate).then(function (pages) {
      var entry = pages[page - index.firstPage[part]];
      var doc = entry[2][id - index.firstDoc[page]];
      return { page: page, url: entry[0] + (doc[0] ? "#" + doc[0] : ""), title: entry[1], anchor: doc[0], heading: doc[1], text: doc[2] };
    });
  };

  // The indexed words from `key` on: `key` itself when `exact`, else every word it begins.
  function wordsFrom(index, key, exact) {
    var from = index.shardOf(key);
    var to = exact ? from : index.shardOf(key + "\uffff");
    var shards = [];
    for (var n = from; n <= to; n++) shards.push(index.shard(n));
    return Promise.all(shards).then(function (loaded) {
      var found = [];
      loaded.forEach(function (shard) {
        for (var i = lowerBound(shard.words, key); i < shard.words.length; i++) {
          var word = shard.words[i];
          if (exact ? word !== key : !word.startsWith(key)) break;
          found.push(word);
        }
      });
      return found;
    });
  }

  // Every word of `stem` (none when no indexed word has it), from the shard it sorts into.
  function wordsOfStem(index, stem) {
    return index.shard(index.shardOf(stem)).then(function (shard) { return shard.home.get(stem) || []; });
  }

  // The stems a query word matches: the indexed word's own; for a word the index lacks, every
  // indexed stem of MIN_STEM characters at least that the word begins with (« evaluer », absent,
  // takes « evalu » and « evalue »).
  function stemsOfQueryWord(index, word) {
    return index.shard(index.shardOf(word)).then(function (shard) {
      if (shard.at.has(word)) return [shard.stems[shard.at.get(word)]];
      var prefixes = [];
      for (var n = word.length - 1; n >= MIN_STEM; n--) prefixes.push(word.slice(0, n));
      return Promise.all(prefixes.map(function (p) { return wordsOfStem(index, p); })).then(function (found) {
        return prefixes.filter(function (_, k) { return found[k].length > 0; });
      });
    });
  }

  // A query word as a term: the indexed words it matches (those it begins and those of its stems;
  // a word of one or two characters, a code's part or a number, matches only itself).
  function term(index, word) {
    if (word.length <= 2) {
      return wordsFrom(index, word, true).then(function (found) {
        return { word: word, prefix: null, words: new Set(found) };
      });
    }
    return Promise.all([wordsFrom(index, word, false), stemsOfQueryWord(index, word)]).then(function (got) {
      return Promise.all(got[1].map(function (stem) { return wordsOfStem(index, stem); })).then(function (ofStems) {
        var all = new Set(got[0]);
        ofStems.forEach(function (list) { list.forEach(function (w) { all.add(w); }); });
        return { word: word, prefix: word, words: all };
      });
    });
  }

  // The query's terms: its folded words without stopwords, each once.
  function terms(index, query) {
    var seen = new Set();
    var list = words(query).filter(function (w) {
      if (index.stopwords.has(w) || seen.has(w)) return false;
      seen.add(w);
      return true;
    });
    return Promise.all(list.map(function (w) { return term(index, w); }));
  }

  // Whether a word of a text answers the term: a word it begins, or one of its stems' words.
  function matches(term, word) {
    if (term.prefix === null) return word === term.word;
    return word.startsWith(term.prefix) || term.words.has(word);
  }

  // What the term's words say of each document holding one: whether it holds one as its own (in
  // its text, its heading, or, for a page's introduction, its page's title), whether one is in the
  // page's title or the heading, whether the query word itself is there, and how many times the
  // text has them.
  function postings(index, term) {
    var words = Array.from(term.words);
    return Promise.all(words.map(function (w) { return index.shard(index.shardOf(w)); })).then(function (shards) {
      var found = new Map();
      words.forEach(function (word, k) {
        var shard = shards[k];
        var numbers = vlq(shard.postings[shard.at.get(word)]);
        var doc = 0;
        for (var i = 0; i < numbers.length; i += 2) {
          doc += numbers[i];
          var code = numbers[i + 1];
          var at = found.get(doc);
          if (!at) found.set(doc, (at = { own: false, title: false, heading: false, exact: false, count: 0 }));
          var count = Math.floor(code / 4);
          var title = (code & IN_TITLE) !== 0;
          var heading = (code & IN_HEADING) !== 0;
          at.count += count;
          at.title = at.title || title;
          at.heading = at.heading || heading;
          at.own = at.own || count > 0 || heading || (title && index.firstDoc[index.pageOf[doc]] === doc);
          at.exact = at.exact || word === term.word;
        }
      });
      return found;
    });
  }

  // The documents holding every term as their own (all of them when there is none), each with
  // its score from the postings: title and heading hits first, then whole words over prefixes,
  // then the number of hits. (Words side by side, seen in the text, add to it later.)
  function candidates(index, list) {
    if (!list.length) {
      return Promise.resolve(index.pageOf.map(function (_, id) { return { id: id, rank: 0 }; }));
    }
    return Promise.all(list.map(function (t) { return postings(index, t); })).then(function (all) {
      var out = [];
      all[0].forEach(function (_, id) {
        var rank = 0;
        var every = all.every(function (found) {
          var at = found.get(id);
          if (!at || !at.own) return false;
          rank += (at.title ? 10 : 0) + (at.heading ? 6 : 0) + (at.exact ? 2 : 0) + Math.log2(1 + at.count);
          return true;
        });
        if (every) out.push({ id: id, rank: rank });
      });
      return out;
    });
  }

  // Whether the section's text has the terms side by side, in the query's order (stopwords
  // skipped).
  function sideBySide(index, list, text) {
    var body = text.map(function (t) { return t.word; }).filter(function (w) { return !index.stopwords.has(w); });
    for (var i = 0; i + list.length <= body.length; i++) {
      if (list.every(function (term, k) { return matches(term, body[i + k]); })) return true;
    }
    return false;
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
    return index.codes.filter(function (entry) {
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

  // A section's place in the results: its link, titles, its heading with the hits marked
  // (`hitsIn` finds them in a list of tokens) and an excerpt around the first hit.
  function result(section, hitsIn) {
    return {
      page: section.page,
      url: section.url,
      title: section.title,
      heading: section.heading,
      headingParts: marked(section.heading, hitsIn(tokens(section.heading))),
      excerpt: excerpt(section.text, hitsIn(tokens(section.text))),
      also: [],
    };
  }

  // The candidates whose text the query reads (for their excerpts, and their words side by side):
  // every candidate when they lie in MAX_PARTS text parts or fewer, so that a small site's results
  // are all ranked with their text; else those of the parts holding the best ranked ones, down to
  // the last that could still reach the first LIMIT pages once its words side by side are seen
  // (`bonus`), MAX_PARTS parts at most. `named`: the documents of a code named, read first.
  function readable(index, ranked, named, bonus) {
    var partOf = function (id) { return index.partOf[index.pageOf[id]]; };
    var parts = new Set(named.map(partOf));
    var all = new Set(parts);
    ranked.forEach(function (c) { all.add(partOf(c.id)); });
    if (all.size > MAX_PARTS) {
      var pages = new Set();
      var threshold = -Infinity;
      for (var i = 0; i < ranked.length; i++) {
        var c = ranked[i];
        // Past the LIMIT-th page, a candidate no better even with the bonus (ties go to the first).
        if (pages.size >= LIMIT && c.rank + bonus <= threshold) break;
        var part = partOf(c.id);
        if (!parts.has(part)) {
          if (parts.size >= MAX_PARTS) continue;
          parts.add(part);
        }
        pages.add(index.pageOf[c.id]);
        if (pages.size === LIMIT && threshold === -Infinity) threshold = c.rank;
      }
    } else {
      parts = all;
    }
    return ranked.filter(function (c) { return parts.has(partOf(c.id)); });
  }

  // The sections answering `query`, best first, one per page: a promise of {results: [{url,
  // title, heading, excerpt, also}], total}. A query naming a code (`A.1.3`, `a13`) gives its
  // description first, then the sections holding the code itself; a query of short words only
  // (`B 2 3`) wants them side by side. An empty or stopword-only query finds nothing. `total`
  // counts the pages found, shown or not.
  function search(index, query) {
    var named = codesNamed(index, query);
    var phrase = named.length ? words(named[0][0]) : words(query);
    var codeLike = named.length > 0 || (phrase.length > 1 && phrase.every(function (w) { return w.length <= 2; }));
    return terms(index, codeLike ? phrase.join(" ") : query).then(function (list) {
      if (!list.length && !named.length) return { results: [], total: 0 };
      var first = named.map(function (entry) { return entry[1]; });
      return candidates(index, list).then(function (found) {
        var ranked = found
          .filter(function (c) { return first.indexOf(c.id) < 0; })
          .sort(function (a, b) { return b.rank - a.rank || a.id - b.id; });
        var read = readable(index, ranked, first, list.length > 1 ? 8 : 0);
        var wanted = first.concat(read.map(function (c) { return c.id; }));
        return Promise.all(wanted.map(function (id) { return index.section(id); })).then(function (sections) {
          return answer(index, list, phrase, codeLike, first.length, ranked, read, sections);
        });
      });
    });
  }

  // The results from the sections read: the codes' own first, then the others ranked with the
  // words side by side (or, for a code, only those holding it whole), grouped by page.
  function answer(index, list, phrase, codeLike, named, ranked, read, sections) {
    var hitsIn = codeLike
      ? function (text) { return phraseHits(text, phrase); }
      : function (text) {
        return text.filter(function (t) { return list.some(function (term) { return matches(term, t.word); }); });
      };
    var scored = read
      .map(function (c, k) {
        var section = sections[named + k];
        return { id: c.id, rank: c.rank, section: section, text: tokens(section.text) };
      })
      .filter(function (r) {
        if (!codeLike) return true;
        // The code stands in the section's text or heading, or in its page's title.
        var title = r.section.anchor ? "" : r.section.title;
        return phraseHits(tokens(title + " " + r.section.heading).concat(r.text), phrase).length > 0;
      })
      .map(function (r) {
        if (list.length > 1 && sideBySide(index, list, r.text)) r.rank += 8;
        return r;
      })
      .sort(function (a, b) { return b.rank - a.rank || a.id - b.id; });
    // A code's own description is shown from its start.
    var none = function () { return []; };
    var exact = sections.slice(0, named).map(function (s) { return result(s, none); });
    var results = grouped(exact.concat(scored.map(function (r) { return result(r.section, hitsIn); })));
    // The pages of candidates not read (a large site's), found but not shown.
    var shown = new Set(results.map(function (r) { return r.page; }));
    var readIds = new Set(read.map(function (c) { return c.id; }));
    var more = new Set();
    if (!codeLike) {
      ranked.forEach(function (c) {
        var page = index.pageOf[c.id];
        if (!readIds.has(c.id) && !shown.has(page)) more.add(page);
      });
    }
    return { results: results, total: results.length + more.size };
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { foldChar: foldChar, tokens: tokens, words: words, vlq: vlq, Index: Index, stemsOfQueryWord: stemsOfQueryWord, terms: terms, search: search };
  }
  if (typeof document === "undefined") return;

  // ---- The search page ----

  var manifest = self.livretSearch && self.livretSearch.index;
  var script = document.querySelector("script[data-search-index]");
  var form = document.querySelector("[data-search-form]");
  var status = document.querySelector("[data-search-status]");
  var results = document.querySelector("[data-search-results]");
  if (!manifest || !script || !form || !status || !results) return;
  // The parts sit beside the manifest.
  var base = script.getAttribute("src").replace(/[^/]*$/, "");

  // Part `name` of the index: its script, added to the page, registers it.
  function load(name) {
    return new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = base + name + ".js";
      tag.onload = function () {
        var data = self.livretSearch[name];
        delete self.livretSearch[name];
        tag.remove();
        if (data === undefined) reject(new Error(name));
        else resolve(data);
      };
      tag.onerror = function () { reject(new Error(name)); };
      document.head.appendChild(tag);
    });
  }

  // A text part's pages, from its base64 raw deflate.
  function inflate(data) {
    var bytes = Uint8Array.from(atob(data), function (c) { return c.charCodeAt(0); });
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
    return new Response(stream).text().then(JSON.parse);
  }

  var index = new Index(manifest, load, inflate);
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

  // The latest query asked: an answer to an earlier one, arriving late, is not shown.
  var latest = 0;

  function show(query) {
    var mine = ++latest;
    search(index, query).then(function (found) {
      if (mine === latest) showResults(query, found.results, found.total);
    }, function () {
      if (mine !== latest) return;
      results.replaceChildren();
      status.textContent = say("search-js-unavailable");
    });
  }

  function showResults(query, found, total) {
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
    else if (total > shown.length) status.textContent = say("search-js-first", { shown: shown.length, total: total, query: asked });
    else status.textContent = count("search-js-count", total, { query: asked });
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
