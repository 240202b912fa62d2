"""Checks livret's documents with real applications.

For every ODT and DOCX of a built site:
- LibreOffice (headless) converts it to PDF, which the PDF tools (pdfinfo, pdftotext) read: A4, the
  fiche de suivi landscape on at most 3 pages and the fiches portrait; no page ends with a heading,
  a field's label or a domain's row left alone, and no page holds only such a line; every fiche has
  its identity block and its validation table, the fiche de suivi its bilan and decision block;
- LibreOffice (headless) converts it to text: every label of its fiche model (as written in the
  activity's YAML) and every competency code it validates must be in that text;
- a long answer is typed into its first field (python-docx, odfpy) and it is converted again: it
  still ends with its validation table, with the footer on every page;
- python-docx (DOCX) and odfpy (ODT) open it: every field of its model must be a fillable control
  (a content control showing a placeholder / a text placeholder), every table cell to fill in
  too, and every box to tick a check box content control (w14:checkbox / LibreOffice's); it must
  have real heading styles (Heading 1..3 / text:h with an outline level), every table must have a
  header row that repeats across pages, and the handbook's language must be set.

Usage: python3 scripts/check_documents.py SITE_DIR CONTENT_DIR
Exits 1 with the list of problems when any check fails.
"""

import glob
import html
import os
import re
import subprocess
import sys
import tempfile
import zipfile
from xml.etree import ElementTree

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


def libreoffice(path, workdir, target, extension):
    """The document converted by LibreOffice to `target` (a filter), in a folder of its format;
    None, with a problem noted, when it cannot."""
    outdir = os.path.join(workdir, os.path.splitext(path)[1][1:])
    result = subprocess.run(
        ["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{workdir}/profile",
         "--convert-to", target, "--outdir", outdir, path],
        capture_output=True, text=True, timeout=180)
    out = os.path.join(outdir, os.path.splitext(os.path.basename(path))[0] + extension)
    if result.returncode != 0 or not os.path.exists(out):
        problems.append(f"{path}: LibreOffice could not convert it: {result.stderr.strip()}")
        return None
    return out


def libreoffice_text(path, workdir):
    """The document's text as LibreOffice reads it."""
    out = libreoffice(path, workdir, "txt:Text (encoded):UTF8", ".txt")
    if out is None:
        return ""
    with open(out, encoding="utf-8-sig") as f:
        return f.read()


# The labels of the handbook being checked (set by `main`).
LABELS = None


def catalogue(language):
    """The one-line messages of livret's wording catalogue in `language` (fr or en), id → text
    with its `{ $name }` placeholders, read from locales/<language>/wording.ftl."""
    path = os.path.join(os.path.dirname(__file__), "..", "locales", language[:2], "wording.ftl")
    messages = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            match = re.match(r"^([a-z][a-z0-9-]*) = (.*)$", line.rstrip("\n"))
            if match:
                messages[match.group(1)] = match.group(2)
    return messages


def say(messages, id, **args):
    """A message with its placeholders filled in."""
    return re.sub(r"\{ \$(\w+) \}", lambda m: str(args[m.group(1)]), messages[id])


def labels_file(settings=None, referentiel=None):
    """What the documents of a handbook with these settings and référentiel say: its language's
    words, its audience's year, and its levels' codes as the validation table's ticks."""
    settings = settings or {}
    m = catalogue(settings.get("language", "fr"))
    year = settings.get("audience", {}).get("school_year") or m["audience-school-year"]
    levels = (referentiel or {}).get("levels")
    identity = [m["doc-identity-name"], m["doc-identity-course"],
                say(m, "doc-identity-year", school_year_title=year[:1].upper() + year[1:])]
    fiche_identity = identity + [m["doc-identity-school"]]
    # The settings' own identity fields replace the catalogue's, on the fiches and the fiche de suivi.
    own = settings.get("audience", {}).get("identity_fields")
    if own:
        identity = fiche_identity = own
    return {
        "language": settings.get("language", "fr")[:2],
        "placeholder": m["doc-placeholder"],
        "page_number": [say(m, "doc-page-number", page="\x01", pages="").split("\x01")[0]],
        "identity": fiche_identity,
        "validation_table": {"title": m["doc-validation-title"],
                             "ticks": [str(level["code"]) for level in levels["scale"]] if levels
                             else [m["doc-validated"], m["doc-not-validated"]]},
        "tracking": {
            "student_fields": identity,
            "bilan": {"title": m["tracking-bilan-title"]},
            "decision": {"title": m["tracking-decision-title"],
                         "signers": [m["tracking-decision-head"], m["tracking-decision-board"]]},
        },
    }


def libreoffice_pdf(path, workdir):
    """The document converted to PDF by LibreOffice."""
    return libreoffice(path, workdir, "pdf", ".pdf")


def pdf_pages(pdf):
    """The page count, the first page's size in points, and each page's text rows, top to bottom,
    as (text, top, bottom) in points, the footer's row last."""
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    count = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+)", info, re.M)
    width, height = float(size.group(1)), float(size.group(2))
    boxes = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"],
                           capture_output=True, text=True, check=True).stdout
    pages = []
    for page in re.findall(r"<page .*?</page>", boxes, re.S):
        rows = []
        for top, bottom, words in re.findall(
                r'<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</line>',
                page, re.S):
            text = " ".join(re.findall(r">([^<]*)</word>", words))
            top, bottom = float(top), float(bottom)
            # Lines of one row of a table (several cells) share their top.
            if rows and abs(rows[-1][1] - top) < 2:
                rows[-1] = (rows[-1][0] + " " + text, rows[-1][1], max(rows[-1][2], bottom))
            else:
                rows.append((text, top, bottom))
        rows.sort(key=lambda row: row[1])
        pages.append([(normalize(html.unescape(t)), top, bottom) for t, top, bottom in rows])
    return count, (width, height), pages


def check_layout(path, pdf, landscape, headings, labels):
    """Page size and orientation; no page ends with a heading or a domain's row (`headings`,
    followed by text), nor with a field's label (`labels`) without room under it for its box
    (boxes to write in have no text); no page holds only such lines."""
    count, (width, height), pages = pdf_pages(pdf)
    a4 = sorted([round(width), round(height)]) == [595, 842]
    if not a4 or (width > height) != landscape:
        turned = "landscape" if landscape else "portrait"
        problems.append(f"{path}: pages of {width} x {height} pt, not A4 {turned}")
    starts = lambda text, texts: any(text.startswith(t) for t in texts)
    for number, rows in enumerate(pages, start=1):
        body, footer = rows[:-1], rows[-1] if rows else None
        if number < count and body:
            text, _, bottom = body[-1]
            no_room = footer[1] - bottom < 25
            if starts(text, headings) or (starts(text, labels) and no_room):
                problems.append(f"{path}: page {number} ends with {text!r}, away from what follows")
        if body and all(starts(text, headings + labels) for text, _, _ in body):
            problems.append(f"{path}: page {number} holds only {[t for t, _, _ in body]!r}")
    return count


LONG_ANSWER = " ".join(["Une longue réponse d'étudiant, qui remplit la case et la dépasse."] * 40)


def type_long_answer(path, workdir):
    """A copy of the document with a long answer typed into its first field, as a student would:
    the DOCX content control's placeholder replaced, the ODT placeholder replaced by the text."""
    typed = os.path.join(workdir, "typed", os.path.basename(path))
    os.makedirs(os.path.dirname(typed), exist_ok=True)
    # The first field's box, not a table cell: the control showing the fields' placeholder.
    placeholder_text = LABELS["placeholder"]
    if path.endswith(".docx"):
        document = docx.Document(path)
        control = next(c for c in document.element.body.iter(docx.oxml.ns.qn("w:sdt"))
                       if text_of(c) == placeholder_text)
        texts = control.findall(".//" + docx.oxml.ns.qn("w:t"))
        texts[0].text = LONG_ANSWER
        placeholder = control.find(".//" + docx.oxml.ns.qn("w:showingPlcHdr"))
        placeholder.getparent().remove(placeholder)
        document.save(typed)
    else:
        document = opendocument.load(path)
        placeholder = next(p for p in document.getElementsByType(odf_text.Placeholder)
                           if str(p) == f"<{placeholder_text}>")
        paragraph = placeholder.parentNode
        paragraph.removeChild(placeholder)
        paragraph.addText(LONG_ANSWER)
        document.save(typed)
    return typed


def check_typed(path, workdir, title, last_code):
    """A long answer typed into the first field pushes the form down, but the form still ends
    with its validation table (`title` after the answer, `last_code` its last row on the last
    page) and has the footer on every page."""
    pdf = libreoffice_pdf(type_long_answer(path, workdir), workdir)
    if pdf is None:
        return
    _, _, pages = pdf_pages(pdf)
    text = " ".join(t for rows in pages for t, _, _ in rows)
    answer = text.find(normalize(LONG_ANSWER[:60]))
    if answer < 0:
        problems.append(f"{path}: the typed answer is not in the converted document")
    if text.find(normalize(title), max(answer, 0)) < 0:
        problems.append(f"{path}: after a long answer, no {title!r} after it")
    if last_code not in " ".join(t for t, _, _ in pages[-1]):
        problems.append(f"{path}: after a long answer, the last page lacks {last_code!r}")
    footer = normalize(LABELS["page_number"][0]).strip()
    for number, rows in enumerate(pages, start=1):
        if not rows or footer not in rows[-1][0]:
            problems.append(f"{path}: after a long answer, page {number} has no footer")


def field_count(activity):
    """The fields of a fiche model, each of which must be a fillable control."""
    blocks = ((activity or {}).get("fiche") or {}).get("blocks", [])
    return sum(1 for block in blocks if "field" in block)


W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
ODF_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
ODF_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
LOEXT = "{urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0}"
BALLOT_BOX = "\u2610"


def text_of(element):
    """The text of a DOCX element: its w:t, joined."""
    return "".join(t.text or "" for t in element.iter(docx.oxml.ns.qn("w:t")))


def check_fillable_docx(path, body):
    """Every cell below a table's header row holds text or a field (a content control), and
    every box to tick is a check box content control."""
    qn = docx.oxml.ns.qn
    for number, table in enumerate(body.iter(qn("w:tbl")), start=1):
        for row in table.findall(qn("w:tr"))[1:]:
            for cell in row.findall(qn("w:tc")):
                if not text_of(cell).strip():
                    problems.append(f"{path}: table {number} has an empty cell with no field")
    for t in body.iter(qn("w:t")):
        if BALLOT_BOX not in (t.text or ""):
            continue
        control = next((a for a in t.iterancestors(qn("w:sdt"))), None)
        if control is None or control.find(f"{qn('w:sdtPr')}/{W14}checkbox") is None:
            problems.append(f"{path}: a ☐ that is not a check box content control")


def check_fillable_odt(path):
    """Every cell below a table's header rows holds text or a field (a text placeholder), and
    every box to tick is a check box content control."""
    with zipfile.ZipFile(path) as package:
        root = ElementTree.fromstring(package.read("content.xml"))
    for number, table in enumerate(root.iter(f"{ODF_TABLE}table"), start=1):
        for row in table.findall(f"{ODF_TABLE}table-row"):
            for cell in row.findall(f"{ODF_TABLE}table-cell"):
                if not "".join(cell.itertext()).strip():
                    problems.append(f"{path}: table {number} has an empty cell with no field")
    parents = {child: parent for parent in root.iter() for child in parent}
    for element in root.iter():
        if BALLOT_BOX in (element.text or ""):
            checkbox = element.tag == f"{LOEXT}content-control" and \
                element.get(f"{LOEXT}checkbox") == "true"
            if not checkbox:
                problems.append(f"{path}: a ☐ that is not a check box content control")
        for child in element:
            if BALLOT_BOX in (child.tail or ""):
                problems.append(f"{path}: a ☐ that is not a check box content control")


def check_docx(path, fields):
    document = docx.Document(path)
    # Every field's box is a content control showing a placeholder until the student types.
    controls = document.element.body.findall(".//" + docx.oxml.ns.qn("w:sdt"))
    with_placeholder = [c for c in controls
                        if c.find(".//" + docx.oxml.ns.qn("w:showingPlcHdr")) is not None]
    if len(with_placeholder) < fields:
        problems.append(f"{path}: {len(with_placeholder)} content controls for {fields} fields")
    check_fillable_docx(path, document.element.body)
    styles = {p.style.name for p in document.paragraphs}
    if "Heading 1" not in styles:
        problems.append(f"{path}: no paragraph in the Heading 1 style (styles used: {sorted(styles)})")
    for index, table in enumerate(document.tables):
        first = table.rows[0]._tr
        if first.trPr is None or first.trPr.find(docx.oxml.ns.qn("w:tblHeader")) is None:
            problems.append(f"{path}: table {index + 1} has no repeating header row")
    lang = document.styles.element.find(".//" + docx.oxml.ns.qn("w:lang"))
    if lang is None or not lang.get(docx.oxml.ns.qn("w:val"), "").startswith(LABELS["language"]):
        problems.append(f"{path}: the default style's language is not {LABELS['language']!r}")
    if not document.core_properties.title or not document.core_properties.keywords:
        problems.append(f"{path}: missing title or keywords metadata")
    return len(document.tables)


def check_odt(path, fields):
    document = opendocument.load(path)
    # Every field's box holds a text placeholder, which LibreOffice selects on a click.
    placeholders = document.getElementsByType(odf_text.Placeholder)
    if len(placeholders) < fields:
        problems.append(f"{path}: {len(placeholders)} placeholders for {fields} fields")
    check_fillable_odt(path)
    headings = document.getElementsByType(odf_text.H)
    levels = {h.getAttrNS(TEXTNS, "outline-level") for h in headings}
    if "1" not in levels:
        problems.append(f"{path}: no heading of outline level 1 (levels: {sorted(levels)})")
    tables = document.getElementsByType(odf_table.Table)
    for index, t in enumerate(tables):
        if not t.getElementsByType(odf_table.TableHeaderRows):
            problems.append(f"{path}: table {index + 1} has no repeating header rows")
    return len(tables)


def headings_and_labels(activity, referentiel):
    """The lines that must never end a page: the domains' rows and a fiche's headings and
    checklist titles (followed by text), and a fiche's field labels (followed by an empty box)."""
    headings = [normalize(f"{d['code']} – {d['title']}") for g in referentiel.get("groups", [{}])
                for d in g.get("domains", referentiel.get("domains", []))]
    labels = []
    for block in ((activity or {}).get("fiche") or {}).get("blocks", []):
        (kind, value), = block.items()
        if kind in ("heading", "subheading"):
            headings.append(normalize(value))
        elif kind == "field":
            labels.append(normalize(value["label"]))
        elif kind == "checklist" and value.get("title"):
            headings.append(normalize(value["title"]))
        elif kind == "annexes":
            headings.append(normalize(value))
    long_enough = lambda texts: [t for t in texts if len(t) > 12]
    return long_enough(headings), long_enough(labels)


def main(site, content):
    global LABELS
    activities = load_activities(content)
    with open(os.path.join(content, "referentiel.yaml"), encoding="utf-8") as f:
        referentiel = yaml.safe_load(f)
    with open(os.path.join(content, "settings.yaml"), encoding="utf-8") as f:
        settings = yaml.safe_load(f)
    labels = LABELS = labels_file(settings, referentiel)
    documents = sorted(glob.glob(os.path.join(site, "documents", "*.odt")) +
                       glob.glob(os.path.join(site, "documents", "*.docx")))
    if not documents:
        problems.append(f"{site}: no document to check")
    checked_labels = 0
    page_counts = []
    with tempfile.TemporaryDirectory() as workdir:
        for path in documents:
            slug = os.path.splitext(os.path.basename(path))[0]
            activity = activities.get(slug)
            fields = field_count(activity)
            check = check_docx if path.endswith(".docx") else check_odt
            if check(path, fields) == 0:
                problems.append(f"{path}: no table")
            text = normalize(libreoffice_text(path, workdir))
            expected = fiche_labels(activity) + activity["competencies"] if activity else []
            if activity is None:
                # The fiche de suivi: every competency code of every activity.
                expected = sorted({c for a in activities.values() for c in a["competencies"]})
            # What every fiche and the fiche de suivi must hold, from the labels.
            tracking = labels["tracking"]
            if activity is None:
                expected += [tracking["bilan"]["title"], tracking["decision"]["title"]]
                expected += tracking["decision"]["signers"] + tracking["student_fields"]
            else:
                expected += labels["identity"] + [labels["validation_table"]["title"]]
                expected += labels["validation_table"]["ticks"]
            for label in expected:
                checked_labels += 1
                if normalize(label) not in text:
                    problems.append(f"{path}: LibreOffice's text lacks {label!r}")
            pdf = libreoffice_pdf(path, workdir)
            if pdf:
                headings, field_labels = headings_and_labels(activity, referentiel)
                pages = check_layout(path, pdf, activity is None, headings, field_labels)
                page_counts.append(f"{os.path.basename(path)} {pages}")
                if activity is None and pages > 3:
                    problems.append(f"{path}: {pages} pages, more than 3")
            if fields:
                order = [c["code"] for g in referentiel.get("groups", [referentiel])
                         for d in g["domains"] for c in d["competencies"]]
                last = max(activity["competencies"], key=order.index)
                check_typed(path, workdir, labels["validation_table"]["title"], last)
    for problem in problems:
        print("check_documents:", problem, file=sys.stderr)
    print(f"check_documents: pages in LibreOffice: {', '.join(page_counts)}")
    print(f"check_documents: {len(documents)} documents, {checked_labels} labels and codes checked, "
          f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
