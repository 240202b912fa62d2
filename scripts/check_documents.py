"""Checks livret's documents with real applications.

For every ODT and DOCX of a built site:
- LibreOffice (headless) converts it to text: every label of its fiche model (as written in the
  activity's YAML) and every competency code it validates must be in that text;
- python-docx (DOCX) and odfpy (ODT) open it: it must have real heading styles (Heading 1..3 /
  text:h with an outline level), every table must have a header row that repeats across pages, and
  the language must be set.

Usage: python3 scripts/check_documents.py SITE_DIR CONTENT_DIR
Exits 1 with the list of problems when any check fails.
"""

import glob
import os
import re
import subprocess
import sys
import tempfile

import docx
import yaml
from odf import opendocument, table as odf_table, text as odf_text
from odf.namespaces import TEXTNS

problems = []


def normalize(text):
    """Folds what typography changes (no-break spaces, typographic apostrophes) and whitespace."""
    text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2019", "'")
    text = text.replace("...", "\u2026").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip()


def fiche_labels(activity):
    """Every text a fiche model's YAML asks the document to show."""
    fiche = activity.get("fiche") or {}
    labels = [fiche.get("title") or activity["title"]]
    for block in fiche.get("blocks", []):
        (kind, value), = block.items()
        if kind in ("heading", "subheading"):
            labels.append(value)
        elif kind == "instruction":
            labels.append(re.sub(r"[*_`]|\[|\]\([^)]*\)", "", value))
        elif kind == "field":
            labels.append(value["label"])
            if value.get("help"):
                labels.append(value["help"])
        elif kind == "table":
            if value.get("caption"):
                labels.append(value["caption"])
            for column in value["columns"]:
                if isinstance(column, str):
                    labels.append(column)
                else:
                    labels.append(column["label"])
                    if column.get("help"):
                        labels.append(column["help"])
            labels.extend(value.get("rows", []))
            for row in value.get("cells", []):
                labels.extend(label for label in row if label.strip())
        elif kind == "checklist":
            if value.get("title"):
                labels.append(value["title"])
            labels.extend(re.sub(r"[*_`]", "", item) for item in value["items"])
        elif kind == "annexes":
            labels.append(value)
            labels.extend(activity.get("annexes", []))
    return labels


def load_activities(content):
    activities = {}
    for path in sorted(glob.glob(os.path.join(content, "activities", "*.yaml"))):
        with open(path, encoding="utf-8") as f:
            activity = yaml.safe_load(f)
        activities[activity["slug"]] = activity
    for path in sorted(glob.glob(os.path.join(content, "fiches", "*.yaml"))):
        with open(path, encoding="utf-8") as f:
            model = yaml.safe_load(f)
        activities[model["activity"]]["fiche"] = model["fiche"]
    return activities


def libreoffice_text(path, workdir):
    """The document's text as LibreOffice reads it."""
    result = subprocess.run(
        ["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{workdir}/profile",
         "--convert-to", "txt:Text (encoded):UTF8", "--outdir", workdir, path],
        capture_output=True, text=True, timeout=180)
    out = os.path.join(workdir, os.path.splitext(os.path.basename(path))[0] + ".txt")
    if result.returncode != 0 or not os.path.exists(out):
        problems.append(f"{path}: LibreOffice could not convert it: {result.stderr.strip()}")
        return ""
    with open(out, encoding="utf-8-sig") as f:
        text = f.read()
    os.remove(out)
    return text


def check_docx(path):
    document = docx.Document(path)
    styles = {p.style.name for p in document.paragraphs}
    if "Heading 1" not in styles:
        problems.append(f"{path}: no paragraph in the Heading 1 style (styles used: {sorted(styles)})")
    for index, table in enumerate(document.tables):
        first = table.rows[0]._tr
        if first.trPr is None or first.trPr.find(docx.oxml.ns.qn("w:tblHeader")) is None:
            problems.append(f"{path}: table {index + 1} has no repeating header row")
    lang = document.styles.element.find(".//" + docx.oxml.ns.qn("w:lang"))
    if lang is None or not lang.get(docx.oxml.ns.qn("w:val"), "").startswith("fr"):
        problems.append(f"{path}: no French language in the default style")
    if not document.core_properties.title or not document.core_properties.keywords:
        problems.append(f"{path}: missing title or keywords metadata")
    return len(document.tables)


def check_odt(path):
    document = opendocument.load(path)
    headings = document.getElementsByType(odf_text.H)
    levels = {h.getAttrNS(TEXTNS, "outline-level") for h in headings}
    if "1" not in levels:
        problems.append(f"{path}: no heading of outline level 1 (levels: {sorted(levels)})")
    tables = document.getElementsByType(odf_table.Table)
    for index, t in enumerate(tables):
        if not t.getElementsByType(odf_table.TableHeaderRows):
            problems.append(f"{path}: table {index + 1} has no repeating header rows")
    return len(tables)


def main(site, content):
    activities = load_activities(content)
    documents = sorted(glob.glob(os.path.join(site, "documents", "*.odt")) +
                       glob.glob(os.path.join(site, "documents", "*.docx")))
    if not documents:
        problems.append(f"{site}: no document to check")
    checked_labels = 0
    with tempfile.TemporaryDirectory() as workdir:
        for path in documents:
            slug = os.path.splitext(os.path.basename(path))[0]
            tables = check_docx(path) if path.endswith(".docx") else check_odt(path)
            if tables == 0:
                problems.append(f"{path}: no table")
            text = normalize(libreoffice_text(path, workdir))
            activity = activities.get(slug)
            expected = fiche_labels(activity) + activity["competencies"] if activity else []
            if activity is None:
                # The fiche de suivi: every competency code of every activity.
                expected = sorted({c for a in activities.values() for c in a["competencies"]})
            for label in expected:
                checked_labels += 1
                if normalize(label) not in text:
                    problems.append(f"{path}: LibreOffice's text lacks {label!r}")
    for problem in problems:
        print("check_documents:", problem, file=sys.stderr)
    print(f"check_documents: {len(documents)} documents, {checked_labels} labels and codes checked, "
          f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
