#!/usr/bin/env bash
# Real-application checks: what `cargo test` cannot do without outside tools (Node, Java,
# LibreOffice, Python packages, util-linux's unshare).
# Installs what is missing (Java, LibreOffice, the PDF tools and Chromium from Debian; the Nu HTML Checker,
# playwright-core and axe-core from the committed npm lock file; python-docx, odfpy, icalendar and PyYAML from
# PyPI at pinned versions),
# builds the handbook, and fails on any problem. It never skips a check because a tool is missing:
# it installs the tool or fails.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt() {
  # Installs Debian packages when the command they provide is missing.
  local command=$1; shift
  if ! command -v "$command" >/dev/null 2>&1; then
    echo "check-real-apps: installing $* (for $command)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  fi
  command -v "$command" >/dev/null 2>&1 || { echo "check-real-apps: $command is still missing" >&2; exit 1; }
}

need_apt java default-jre-headless
need_apt npm nodejs npm
need_apt soffice libreoffice-writer-nogui
need_apt pdfinfo poppler-utils
need_apt chromium chromium
need_apt unshare util-linux
python3 -m pip install --quiet --disable-pip-version-check -r scripts/requirements.txt

if [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ] || [ ! -d node_modules/playwright-core ] \
  || [ ! -d node_modules/axe-core ]; then
  npm ci --no-audit --no-fund
fi
vnu=node_modules/vnu-jar/build/dist/vnu.jar
[ -f "$vnu" ] || { echo "check-real-apps: vnu.jar missing after npm ci" >&2; exit 1; }

site=$(mktemp -d)
trap 'rm -rf "$site"' EXIT
cargo build --release --quiet
./target/release/livret build --root . --output "$site/public"
# The same handbook published under a path of its server, for the 404 page's checks.
mkdir -p "$site/sub"
cp -r content "$site/sub/content"
echo 'base_url: "https://www.example.fr/espe/c2i2e/"' >> "$site/sub/content/settings.yaml"
./target/release/livret build --root "$site/sub" --output "$site/sub/public"

# The release binary names an undefined value, as the debug one the snapshots run does
# (minijinja tracks names only in its debug mode, which livret turns on).
fixture=$(mktemp -d)
cp -r tests/fixtures/minimal/. "$fixture" && cp -r tests/fixtures/broken/unknown-text-value/. "$fixture"
if LIVRET_LANG=en ./target/release/livret build --root "$fixture" --output "$fixture/out" 2>"$fixture/err"; then
  echo "check-real-apps: a broken fixture built" >&2; exit 1
fi
grep -q '`site.certification.requis` does not exist' "$fixture/err" \
  || { echo "check-real-apps: the release binary does not name the undefined value:" >&2; cat "$fixture/err" >&2; exit 1; }
rm -rf "$fixture"

# The tracker's rule evaluation (« Mon suivi ») and the search (on this build's index), with
# node's built-in test runner.
LIVRET_SITE="$site/public" node --test tests/js/

# The Nu HTML Checker (the W3C validator): every page and the stylesheet, errors only.
pages=$(find "$site/public" -name '*.html' | wc -l)
echo "check-real-apps: validating $pages pages and the stylesheet with vnu"
find "$site/public" \( -name '*.html' -o -name '*.css' \) -print0 | sort -z \
  | xargs -0 java -jar "$vnu" --errors-only --also-check-css
echo "check-real-apps: vnu: 0 errors on $pages pages"

# The pages in headless Chromium: no console error or failed request over HTTP and from file://,
# axe-core's WCAG 2.1 A/AA rules, keyboard navigation, search, the tracker (and its levels, on the
# levels-en fixture), the print edition.
./target/release/livret build --root tests/fixtures/levels-en --output "$site/levels-en" 2>/dev/null
LIVRET_SITE="$site/public" LIVRET_SUBSITE="$site/sub/public" LIVRET_LEVELS_SITE="$site/levels-en" \
  CHROMIUM="$(command -v chromium)" node --test tests/browser/

# The search and the print edition at scale: the 10,000-page corpus of the benchmarks, its index
# queried in Chromium (results found, at most 1 MB of the index loaded per query, 15 MB in all),
# its edition's contents page and volumes loaded and checked with axe-core.
cargo build --release --quiet --example corpus
./target/release/examples/corpus --pages 10000 --out "$site/corpus" >/dev/null
./target/release/livret build --root "$site/corpus/livret" --output "$site/corpus-site" >/dev/null
LIVRET_SITE="$site/corpus-site" CHROMIUM="$(command -v chromium)" node --test tests/scale/
rm -rf "$site/corpus" "$site/corpus-site"

# The output folder on a file system of its own (a USB key's root, a mount inside the old site),
# in a private mount namespace: tests/mounts.rs, left out of a plain `cargo test`.
unshare --mount --map-root-user true \
  || { echo "check-real-apps: unshare cannot make a mount namespace here" >&2; exit 1; }
cargo test --quiet --test mounts -- --ignored

# The documents: LibreOffice reads every label and code and converts each to PDF, whose pages the
# PDF tools check (A4, orientation, page counts, nothing left alone at a page's foot); python-docx
# and odfpy find real heading styles and repeating table headers.
python3 scripts/check_documents.py "$site/public" content

# The deadlines' iCalendar file, parsed by an independent implementation (Python's icalendar).
python3 scripts/check_calendar.py "$site/public" content

# The other frameworks (tests/fixtures): an English one with proficiency levels and no groups, a
# French lycée's with a minimum per domain and its own words for its pupils. Every page valid HTML
# and accessible on desktop and phone, every document checked as the handbook's are.
for name in levels-en per-domain-fr; do
  other="$site/$name"
  ./target/release/livret build --root "tests/fixtures/$name" --output "$other" 2>/dev/null
  echo "check-real-apps: $name: vnu, Chromium and axe-core, LibreOffice"
  find "$other" -name '*.html' -print0 | sort -z | xargs -0 java -jar "$vnu" --errors-only
  LIVRET_SITE="$other" CHROMIUM="$(command -v chromium)" node --test tests/browser/pages.test.js
  python3 scripts/check_documents.py "$other" "tests/fixtures/$name/content"
done
