// The search index of a built site, opened as search.js opens it in a browser: each part's script
// run as the browser runs it (it registers its data in `self.livretSearch`), text parts inflated
// with node's zlib where the browser uses DecompressionStream.
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const zlib = require("node:zlib");
const search = require("../../theme/static/search.js");

// The data part `name` of the index in `site` registers.
function part(site, name) {
  const self = {};
  vm.runInNewContext(fs.readFileSync(path.join(site, "assets", "search", `${name}.js`), "utf8"), { self });
  return self.livretSearch[name];
}

function inflate(data) {
  return Promise.resolve(JSON.parse(zlib.inflateRawSync(Buffer.from(data, "base64")).toString("utf8")));
}

// The site's index, and the names of the parts its queries loaded (`loaded`).
function openIndex(site) {
  const loaded = [];
  const index = new search.Index(part(site, "index"), (name) => {
    loaded.push(name);
    return Promise.resolve(part(site, name));
  }, inflate);
  index.loadedParts = loaded;
  return index;
}

// Every part of the index read at once, in the shape of the whole: {pages: [[path, title]], docs:
// [[page, anchor, heading, text]], words, stems (each word's), codes, stopwords}.
async function wholeIndex(site) {
  const manifest = part(site, "index");
  const pages = [];
  const docs = [];
  const parts = search.vlq(manifest.parts);
  for (let n = 0; n < parts.length; n++) {
    for (const [url, title, sections] of await inflate(part(site, `t${n}`))) {
      for (const [anchor, heading, text] of sections) docs.push([pages.length, anchor, heading, text]);
      pages.push([url, title]);
    }
  }
  const words = [];
  const stems = [];
  manifest.shards.forEach((_, n) => {
    const shard = part(site, `w${n}`);
    words.push(...shard.words);
    stems.push(...shard.stems);
  });
  return { pages, docs, words, stems, codes: manifest.codes, stopwords: manifest.stopwords };
}

module.exports = { openIndex, wholeIndex, part, inflate };
