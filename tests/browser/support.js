// Shared pieces of the browser checks: the built site, a static HTTP server over it, and headless
// Chromium driven by playwright-core. Run by scripts/check-real-apps.sh, which builds the site and
// sets LIVRET_SITE; without it (or without Chromium) the checks fail rather than skip.
"use strict";

const fs = require("node:fs");
const http = require("node:http");
const path = require("node:path");
const { pathToFileURL } = require("node:url");
const { chromium } = require("playwright-core");

const site = process.env.LIVRET_SITE;
if (!site || !fs.existsSync(path.join(site, "index.html"))) {
  throw new Error("LIVRET_SITE must name a built livret site (scripts/check-real-apps.sh sets it)");
}
const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";

// Every HTML page of the site, as paths relative to its root, sorted.
function pages() {
  const found = [];
  (function walk(dir) {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".html")) found.push(path.relative(site, full).split(path.sep).join("/"));
    }
  })(site);
  return found.sort();
}

// The first page whose HTML contains `marker` (pages are found by what they hold, not by name).
function pageWith(marker) {
  return pages().find((p) => fs.readFileSync(path.join(site, p), "utf8").includes(marker));
}

const TYPES = {
  ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
  ".svg": "image/svg+xml", ".json": "application/json", ".csv": "text/csv",
  ".odt": "application/vnd.oasis.opendocument.text",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

// A static server over a built site (this build's by default), as a university web server would
// serve it: under `mount` (the server's root by default), with the site's 404.html and status 404
// for anything missing, as Apache's `ErrorDocument 404` or nginx's `error_page 404` would.
async function serve(dir = site, mount = "/") {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://localhost");
    const inside = url.pathname.startsWith(mount) ? url.pathname.slice(mount.length) : null;
    const file = inside === null ? null : path.join(dir, decodeURIComponent(inside));
    if (!file || !file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      const notFound = path.join(dir, "404.html");
      res.writeHead(404, { "content-type": TYPES[".html"] });
      res.end(fs.existsSync(notFound) ? fs.readFileSync(notFound) : "not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${server.address().port}${mount}`;
  return { base, close: () => new Promise((resolve) => server.close(resolve)) };
}

// The two ways readers open the site: from a web server, and from a folder (USB key).
function fileBase() {
  return pathToFileURL(site + path.sep).href;
}

async function launch() {
  if (!fs.existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}`);
  return chromium.launch({
    executablePath: chromiumPath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}

// Opens a page and records every problem a reader would meet: console errors, uncaught exceptions,
// failed requests and HTTP errors.
async function open(context, url) {
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`exception: ${e.message}`));
  page.on("requestfailed", (r) => {
    const error = r.failure()?.errorText;
    // Chromium fetches the icon on its own after `load`, and drops the request when the page
    // navigates on (a search from the header): cancelled, not missing (a missing icon is a 404).
    if (error === "net::ERR_ABORTED" && r.url().endsWith("/favicon.svg")) return;
    problems.push(`failed: ${r.url()} (${error})`);
  });
  page.on("response", (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  await page.goto(url, { waitUntil: "load" });
  return { page, problems };
}

const AXE = require.resolve("axe-core/axe.min.js");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

// axe-core's WCAG 2.1 A/AA violations on the page.
async function axe(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }),
    TAGS,
  );
  return result.violations;
}

// Runs `task` on every item, `limit` at a time (page loads mostly wait; two cores run several).
async function eachLimited(items, limit, task) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

module.exports = { site, pages, pageWith, serve, fileBase, launch, open, eachLimited, axe };
