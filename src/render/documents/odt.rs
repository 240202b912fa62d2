//! The ODT writer: a [`Document`] as an OpenDocument Text 1.3 package for LibreOffice and Word.
//!
//! It maps the model's few semantic styles to named ODF styles (real headings with outline levels,
//! repeating table headers, a footer with page numbers) and writes the same bytes for the same
//! document. It must not decide content: no text, wording or order of its own beyond styling.

use std::io;

use quick_xml::Writer;
use quick_xml::events::{BytesText, Event};

use super::model::{Block, Cell, Column, Document, Orientation, ParagraphStyle, Row, Run, Table};
use super::zipfile::{Package, clean, element, empty, join_runs, leaf, xml};

type W = Writer<Vec<u8>>;

const MIMETYPE: &str = "application/vnd.oasis.opendocument.text";
const VERSION: &str = "1.3";
const MANIFEST: &str = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0";
/// A length in tenths of a millimetre, as ODF writes it (`2.57cm`).
fn cm(tenths_of_mm: u32) -> String {
    format!("{}.{:02}cm", tenths_of_mm / 100, tenths_of_mm % 100)
}

/// The namespaces every root declares, as `prefix=uri;` for [`properties`].
const NAMESPACES: &str = "xmlns:office=urn:oasis:names:tc:opendocument:xmlns:office:1.0; \
    xmlns:style=urn:oasis:names:tc:opendocument:xmlns:style:1.0; \
    xmlns:text=urn:oasis:names:tc:opendocument:xmlns:text:1.0; \
    xmlns:table=urn:oasis:names:tc:opendocument:xmlns:table:1.0; \
    xmlns:fo=urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0; \
    xmlns:svg=urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0; \
    xmlns:xlink=http://www.w3.org/1999/xlink; xmlns:dc=http://purl.org/dc/elements/1.1/; \
    xmlns:meta=urn:oasis:names:tc:opendocument:xmlns:meta:1.0; \
    xmlns:loext=urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0";

/// The named styles (styles.xml), one a line: family | name (`_20_` reads as a space) | display
/// name | parent | next style | the family's properties | text properties. Properties are
/// `attribute=value` separated by `;`. `Heading_20_N` gets outline level N.
const STYLES: &str = "
paragraph | Standard          |              |                 |              | fo:line-height=100% |
paragraph | Text_20_body      | Body Text    | Standard        |              | fo:margin-top=0cm; fo:margin-bottom=0.21cm |
paragraph | Heading           |              | Standard        | Text_20_body | fo:margin-top=0.42cm; fo:margin-bottom=0.3cm; fo:keep-with-next=always | fo:font-weight=bold; fo:color=#1f3864
paragraph | Heading_20_1      | Heading 1    | Heading         | Text_20_body | fo:margin-top=0.2cm | fo:font-size=18pt
paragraph | Heading_20_2      | Heading 2    | Heading         | Text_20_body | fo:margin-top=0.5cm | fo:font-size=14pt
paragraph | Heading_20_3      | Heading 3    | Heading         | Text_20_body |  | fo:font-size=12pt
paragraph | Kicker            |              | Text_20_body    |              | fo:margin-bottom=0.1cm; fo:keep-with-next=always | fo:font-size=10pt; fo:color=#595959
paragraph | Emphasis_20_Line  | Emphasis Line| Text_20_body    |              | fo:keep-with-next=always | fo:font-weight=bold
paragraph | Help_20_Text      | Help Text    | Text_20_body    |              | fo:keep-with-next=always | fo:font-style=italic
paragraph | Checklist         |              | Text_20_body    |              | fo:margin-left=0.6cm; fo:text-indent=-0.6cm; fo:keep-with-next=always |
paragraph | Caption           |              | Standard        |              | fo:margin-top=0.21cm; fo:margin-bottom=0.1cm; fo:keep-with-next=always | fo:font-weight=bold; fo:font-size=10pt
paragraph | Table             |              | Caption         |              |  |
paragraph | Table_20_Contents | Table Contents | Standard      |              | fo:margin-top=0cm; fo:margin-bottom=0cm |
paragraph | Table_20_Heading  | Table Heading | Table_20_Contents |           | fo:text-align=start | fo:font-weight=bold
paragraph | Table_20_Help     | Table Help   | Table_20_Contents |            |  | fo:font-style=italic; fo:font-size=9pt
paragraph | Table_20_Group    | Table Group  | Table_20_Heading |             | fo:keep-with-next=always |
paragraph | Writing_20_Space  | Writing Space | Standard       |              | fo:margin-top=0cm; fo:margin-bottom=0cm; fo:border=0.5pt solid #000000; fo:padding=0.1cm; style:join-border=true; fo:keep-with-next=always |
paragraph | Footer            |              | Standard        |              | fo:margin-top=0cm; fo:margin-bottom=0cm | fo:font-size=9pt
text      | Internet_20_link  | Internet link |                |              | fo:color=#0563c1; style:text-underline-style=solid; style:text-underline-width=auto; style:text-underline-color=font-color |
text      | Visited_20_Internet_20_Link | Visited Internet Link | |            | fo:color=#954f72; style:text-underline-style=solid; style:text-underline-width=auto; style:text-underline-color=font-color |
";

/// The automatic styles of content.xml (inline formatting, tables), in the same layout.
const AUTOMATIC_STYLES: &str = "
text       | Bold             | | | | fo:font-weight=bold |
text       | Italic           | | | | fo:font-style=italic |
text       | BoldItalic       | | | | fo:font-weight=bold; fo:font-style=italic |
paragraph  | LastWritingSpace | | Writing_20_Space | | fo:margin-bottom=0.3cm; fo:keep-with-next=auto |
paragraph  | LastChecklist    | | Checklist        | | fo:keep-with-next=auto |
paragraph  | KeptContents     | | Table_20_Contents | | fo:keep-with-next=always |
paragraph  | KeptHeading      | | Table_20_Heading | | fo:keep-with-next=always |
table-row  | Row              | | | | fo:keep-together=always |
table-cell | Cell             | | | | fo:padding-top=0.04cm; fo:padding-bottom=0.04cm; fo:padding-left=0.1cm; fo:padding-right=0.1cm; fo:border=0.5pt solid #000000 |
table-cell | HeadCell         | | | | fo:padding-top=0.04cm; fo:padding-bottom=0.04cm; fo:padding-left=0.1cm; fo:padding-right=0.1cm; fo:border=0.5pt solid #000000; fo:background-color=#f2f2f2 |
table-cell | GroupCell        | | | | fo:padding-top=0.04cm; fo:padding-bottom=0.04cm; fo:padding-left=0.1cm; fo:padding-right=0.1cm; fo:border=0.5pt solid #000000; fo:background-color=#d9d9d9 |
";

/// Writes `document` as an ODT package.
pub fn write(document: &Document) -> io::Result<Vec<u8>> {
    let content = xml(|w| root(w, "office:document-content", |w| content(w, document)))?;
    let styles = xml(|w| root(w, "office:document-styles", |w| styles(w, document)))?;
    let meta = xml(|w| root(w, "office:document-meta", |w| meta(w, document)))?;
    let settings = xml(settings)?;
    let mut package = Package::new();
    // First and stored, so that tools find the type at a fixed offset.
    package.add("mimetype", MIMETYPE.as_bytes(), true)?;
    package.add("META-INF/manifest.xml", &xml(manifest)?, false)?;
    package.add("content.xml", &content, false)?;
    package.add("styles.xml", &styles, false)?;
    package.add("meta.xml", &meta, false)?;
    package.add("settings.xml", &settings, false)?;
    package.finish()
}

fn root(w: &mut W, name: &str, content: impl FnOnce(&mut W) -> io::Result<()>) -> io::Result<()> {
    let mut attributes = properties(NAMESPACES);
    attributes.push(("office:version", VERSION));
    element(w, name, &attributes, content)
}

fn manifest(w: &mut W) -> io::Result<()> {
    let root = format!("xmlns:manifest={MANIFEST}; manifest:version={VERSION}");
    element(w, "manifest:manifest", &properties(&root), |w| {
        let package = format!(
            "manifest:full-path=/; manifest:version={VERSION}; manifest:media-type={MIMETYPE}"
        );
        empty(w, "manifest:file-entry", &properties(&package))?;
        for part in ["content.xml", "styles.xml", "meta.xml", "settings.xml"] {
            let entry = format!("manifest:full-path={part}; manifest:media-type=text/xml");
            empty(w, "manifest:file-entry", &properties(&entry))?;
        }
        Ok(())
    })
}

/// LibreOffice's settings: `TableRowKeep` makes it honour « keep with next » in table rows, as
/// Word does, so a domain's row in a table stays with its first competency.
fn settings(w: &mut W) -> io::Result<()> {
    let root = format!(
        "xmlns:office=urn:oasis:names:tc:opendocument:xmlns:office:1.0; \
         xmlns:config=urn:oasis:names:tc:opendocument:xmlns:config:1.0; \
         xmlns:ooo=http://openoffice.org/2004/office; office:version={VERSION}"
    );
    element(w, "office:document-settings", &properties(&root), |w| {
        element(w, "office:settings", &[], |w| {
            let set = [("config:name", "ooo:configuration-settings")];
            element(w, "config:config-item-set", &set, |w| {
                let item = [("config:name", "TableRowKeep"), ("config:type", "boolean")];
                element(w, "config:config-item", &item, |w| {
                    w.write_event(Event::Text(BytesText::new("true")))?;
                    Ok(())
                })
            })
        })
    })
}

fn meta(w: &mut W, document: &Document) -> io::Result<()> {
    element(w, "office:meta", &[], |w| {
        leaf(w, "meta:generator", "livret")?;
        leaf(w, "dc:title", &document.title)?;
        leaf(w, "dc:subject", &document.subject)?;
        for keyword in &document.keywords {
            leaf(w, "meta:keyword", keyword)?;
        }
        leaf(w, "dc:language", &document.language)
    })
}

fn styles(w: &mut W, document: &Document) -> io::Result<()> {
    element(w, "office:font-face-decls", &[], |w| {
        let face = "style:name=Arial; svg:font-family=Arial; style:font-family-generic=swiss";
        empty(w, "style:font-face", &properties(face))
    })?;
    element(w, "office:styles", &[], |w| {
        let default = [("style:family", "paragraph")];
        element(w, "style:default-style", &default, |w| {
            let (language, country) = language_and_country(&document.language);
            let size = format!("{}pt", document.font_size);
            let mut text = vec![
                ("style:font-name", "Arial"),
                ("fo:font-size", size.as_str()),
            ];
            text.push(("fo:language", &language));
            if let Some(country) = &country {
                text.push(("fo:country", country));
            }
            empty(w, "style:text-properties", &text)
        })?;
        write_styles(w, STYLES, document.orientation)?;
        // Headings carry no numbers; without this LibreOffice would assume its own outline.
        element(w, "text:outline-style", &[("style:name", "Outline")], |w| {
            for level in ["1", "2", "3"] {
                let attributes = [("text:level", level), ("style:num-format", "")];
                empty(w, "text:outline-level-style", &attributes)?;
            }
            Ok(())
        })
    })?;
    element(w, "office:automatic-styles", &[], |w| {
        // A4 with 2 cm margins; the footer sits in the bottom margin, as in the DOCX.
        element(w, "style:page-layout", &[("style:name", "Page")], |w| {
            let orientation = document.orientation;
            let (width, height) = orientation.page_size();
            let turned = match orientation {
                Orientation::Portrait => "portrait",
                Orientation::Landscape => "landscape",
            };
            let page = format!(
                "fo:page-width={}; fo:page-height={}; style:print-orientation={turned}; \
                 fo:margin-top={margin}; fo:margin-bottom=1cm; fo:margin-left={margin}; \
                 fo:margin-right={margin}",
                cm(width),
                cm(height),
                margin = cm(orientation.margin())
            );
            empty(w, "style:page-layout-properties", &properties(&page))?;
            element(w, "style:footer-style", &[], |w| {
                let footer = properties("fo:min-height=0.5cm; fo:margin-top=0.5cm");
                empty(w, "style:header-footer-properties", &footer)
            })
        })
    })?;
    element(w, "office:master-styles", &[], |w| {
        let master = properties("style:name=Standard; style:page-layout-name=Page");
        element(w, "style:master-page", &master, |w| {
            element(w, "style:footer", &[], |w| footer(w, document))
        })
    })
}

fn write_styles(w: &mut W, table: &str, orientation: Orientation) -> io::Result<()> {
    for line in table.lines().filter(|line| !line.trim().is_empty()) {
        write_style(w, line, orientation)?;
    }
    Ok(())
}

/// Writes a style from a line in the layout of [`STYLES`].
/// `orientation` places the footer's right tab stop at the right margin.
fn write_style(w: &mut W, line: &str, orientation: Orientation) -> io::Result<()> {
    let fields: Vec<&str> = line.split('|').map(str::trim).collect();
    let [family, name, display, parent, next, own, text] = fields[..] else {
        panic!("a style line has 7 fields: {line}");
    };
    let level = name.strip_prefix("Heading_20_").unwrap_or("");
    let mut attributes = vec![("style:name", name), ("style:family", family)];
    for (attribute, value) in [
        ("style:display-name", display),
        ("style:parent-style-name", parent),
        ("style:next-style-name", next),
        ("style:default-outline-level", level),
    ] {
        if !value.is_empty() {
            attributes.push((attribute, value));
        }
    }
    element(w, "style:style", &attributes, |w| {
        let own_element = format!("style:{family}-properties");
        if name == "Footer" {
            // The page numbers sit at the right margin, after a tab.
            element(w, &own_element, &properties(own), |w| {
                element(w, "style:tab-stops", &[], |w| {
                    let right = cm(orientation.text_width());
                    let stop = [("style:position", right.as_str()), ("style:type", "right")];
                    empty(w, "style:tab-stop", &stop)
                })
            })?;
        } else if !own.is_empty() {
            empty(w, &own_element, &properties(own))?;
        }
        match text.is_empty() {
            true => Ok(()),
            false => empty(w, "style:text-properties", &properties(text)),
        }
    })
}

/// `a=1; b=2` → `[(a, 1), (b, 2)]`.
fn properties(list: &str) -> Vec<(&str, &str)> {
    list.split(';')
        .filter_map(|item| item.trim().split_once('='))
        .collect()
}

/// The footer text, a tab, then e.g. "Page 3 / 7".
fn footer(w: &mut W, document: &Document) -> io::Result<()> {
    element(w, "text:p", &[("text:style-name", "Footer")], |w| {
        let mut space = true;
        if !document.footer.is_empty() {
            write_text(w, &document.footer, &mut space)?;
            write_text(w, "\t", &mut space)?;
        }
        let [before, between, after] = &document.page_number;
        write_text(w, before, &mut space)?;
        let current = [("text:select-page", "current")];
        element(w, "text:page-number", &current, |w| {
            write_text(w, "1", &mut true)
        })?;
        write_text(w, between, &mut false)?;
        element(w, "text:page-count", &[], |w| {
            write_text(w, "1", &mut false)
        })?;
        write_text(w, after, &mut false)
    })
}

/// `fr-FR` → (`fr`, `FR`): ODF wants the language and the country apart.
fn language_and_country(tag: &str) -> (String, Option<String>) {
    let mut parts = tag.split(['-', '_']);
    let language = parts.next().unwrap_or_default().to_ascii_lowercase();
    let country = parts
        .find(|part| {
            (part.len() == 2 && part.chars().all(|c| c.is_ascii_alphabetic()))
                || (part.len() == 3 && part.chars().all(|c| c.is_ascii_digit()))
        })
        .map(str::to_ascii_uppercase);
    (language, country)
}

fn content(w: &mut W, document: &Document) -> io::Result<()> {
    element(w, "office:automatic-styles", &[], |w| {
        write_styles(w, AUTOMATIC_STYLES, document.orientation)?;
        // Tables span the text width.
        let table = format!(
            "table | Tab | | | | style:width={}; table:align=margins; fo:margin-top=0cm; \
             fo:margin-bottom=0.3cm |",
            cm(document.orientation.text_width())
        );
        write_style(w, &table, document.orientation)?;
        let tables = document.blocks.iter().filter_map(|block| match block {
            Block::Table(table) => Some(table),
            _ => None,
        });
        for (index, table) in tables.enumerate() {
            // Shares of the text width adding up to it. LibreOffice misreads small relative
            // widths (`2*`), so these are in thousandths of a cm too.
            let weight = |column: &Column| u64::from(column.width.max(1));
            let total: u64 = table.columns.iter().map(weight).sum();
            let text_width = u64::from(document.orientation.text_width()) * 10;
            let mut left = text_width;
            for (column, model) in table.columns.iter().enumerate() {
                let share = match column + 1 == table.columns.len() {
                    true => left,
                    false => text_width * weight(model) / total,
                };
                left -= share;
                let (cm, thousandths) = (share / 1000, share % 1000);
                let name = column_style(index + 1, column);
                let properties = format!(
                    "style:column-width={cm}.{thousandths:03}cm; style:rel-column-width={share}*"
                );
                let line = format!("table-column | {name} | | | | {properties} |");
                write_style(w, &line, document.orientation)?;
            }
        }
        Ok(())
    })?;
    element(w, "office:body", &[], |w| {
        element(w, "office:text", &[], |w| {
            let mut tables = 0;
            for block in &document.blocks {
                write_block(w, &mut tables, block, document)?;
            }
            Ok(())
        })
    })
}

fn column_style(table: usize, column: usize) -> String {
    format!("Tab{table}.{}", column + 1)
}

/// `tables` counts the tables so far, which names them and their column styles; the document says
/// what a field shows until the student types in it.
fn write_block(
    w: &mut W,
    tables: &mut usize,
    block: &Block,
    document: &Document,
) -> io::Result<()> {
    match block {
        Block::Heading { level, text } => {
            let level = (*level).clamp(1, 3);
            let heading = format!("text:style-name=Heading_20_{level}; text:outline-level={level}");
            element(w, "text:h", &properties(&heading), |w| {
                write_text(w, text, &mut true)
            })
        }
        Block::Paragraph { style, runs } => {
            let style = match style {
                ParagraphStyle::Normal => "Text_20_body",
                ParagraphStyle::Kicker => "Kicker",
                ParagraphStyle::Emphasis => "Emphasis_20_Line",
                ParagraphStyle::Help => "Help_20_Text",
            };
            paragraph(w, style, runs)
        }
        Block::Field { label, help, lines } => {
            simple_paragraph(w, "Emphasis_20_Line", label)?;
            if let Some(help) = help {
                simple_paragraph(w, "Help_20_Text", help)?;
            }
            // Paragraphs with the same borders join into one box; the last keeps room below. The
            // first holds a placeholder, which LibreOffice selects on a click: typing replaces it.
            let count = (*lines).max(1);
            for line in 0..count {
                let style = match line + 1 == count {
                    true => "LastWritingSpace",
                    false => "Writing_20_Space",
                };
                element(w, "text:p", &[("text:style-name", style)], |w| match line {
                    0 => text_placeholder(w, label, &document.placeholder),
                    _ => Ok(()),
                })?;
            }
            Ok(())
        }
        Block::Table(table) => {
            *tables += 1;
            write_table(w, *tables, table, &document.table_placeholder)
        }
        Block::Checklist { items } => {
            // The items stay together: each but the last keeps with the next.
            for (index, item) in items.iter().enumerate() {
                let style = match index + 1 == items.len() {
                    true => "LastChecklist",
                    false => "Checklist",
                };
                element(w, "text:p", &[("text:style-name", style)], |w| {
                    checkbox(w)?;
                    write_text(w, " ", &mut false)?;
                    runs(w, true, item)
                })?;
            }
            Ok(())
        }
    }
}

/// `placeholder`: what a cell to fill in shows until the student types in it.
fn write_table(w: &mut W, number: usize, table: &Table, placeholder: &str) -> io::Result<()> {
    if let Some(caption) = &table.caption {
        simple_paragraph(w, "Table", caption)?;
    }
    let columns = table.columns.len();
    if columns == 0 {
        return Ok(());
    }
    let attributes = format!("table:name=Table{number}; table:style-name=Tab");
    element(w, "table:table", &properties(&attributes), |w| {
        for column in 0..columns {
            let style = column_style(number, column);
            empty(w, "table:table-column", &[("table:style-name", &style)])?;
        }
        // Repeated at the top of every page.
        element(w, "table:table-header-rows", &[], |w| {
            row(w, |w| {
                for column in &table.columns {
                    cell(w, "HeadCell", 1, |w| {
                        simple_paragraph(w, "Table_20_Heading", &column.label)?;
                        match &column.help {
                            Some(help) => simple_paragraph(w, "Table_20_Help", help),
                            None => Ok(()),
                        }
                    })?;
                }
                Ok(())
            })
        })?;
        for (index, model_row) in table.rows.iter().enumerate() {
            let keep = table.row_keeps_with_next(index);
            row(w, |w| match model_row {
                Row::Group { text } => {
                    cell(w, "GroupCell", columns, |w| {
                        simple_paragraph(w, "Table_20_Group", text)
                    })?;
                    for _ in 1..columns {
                        empty(w, "table:covered-table-cell", &[])?;
                    }
                    Ok(())
                }
                Row::Cells { cells } => {
                    // A row of the wrong width (the check reports it): blanks fill, extras drop.
                    let blank = Cell::blank(0);
                    for (index, column) in table.columns.iter().enumerate() {
                        let model_cell = cells.get(index).unwrap_or(&blank);
                        let field = (&*column.label, placeholder);
                        cell(w, "Cell", 1, |w| cell_content(w, model_cell, field, keep))?;
                    }
                    Ok(())
                }
            })?;
        }
        Ok(())
    })
}

/// A row, kept on one page: it holds room to write.
fn row(w: &mut W, cells: impl FnOnce(&mut W) -> io::Result<()>) -> io::Result<()> {
    element(w, "table:table-row", &[("table:style-name", "Row")], cells)
}

fn cell(
    w: &mut W,
    style: &str,
    span: usize,
    content: impl FnOnce(&mut W) -> io::Result<()>,
) -> io::Result<()> {
    let span = span.to_string();
    let mut attributes = vec![("table:style-name", style), ("office:value-type", "string")];
    if span != "1" {
        attributes.push(("table:number-columns-spanned", &span));
    }
    element(w, "table:table-cell", &attributes, content)
}

/// The label (bold), the text (bold in a row header), then a box to tick or room to write, whose
/// first line is a placeholder: `field` is its description (the column's label) and its text.
/// With `keep`, every paragraph keeps with the next, so the row stays with the one after it
/// (LibreOffice honours it in a table row with `TableRowKeep`).
fn cell_content(w: &mut W, cell: &Cell, field: (&str, &str), keep: bool) -> io::Result<()> {
    let (heading, contents) = match keep {
        true => ("KeptHeading", "KeptContents"),
        false => ("Table_20_Heading", "Table_20_Contents"),
    };
    if let Some(label) = &cell.label {
        simple_paragraph(w, heading, label)?;
    }
    let style = if cell.header { heading } else { contents };
    for text in &cell.text {
        simple_paragraph(w, style, text)?;
    }
    let contents = [("text:style-name", contents)];
    if cell.tick {
        element(w, "text:p", &contents, checkbox)?;
    }
    for line in 0..cell.lines {
        element(w, "text:p", &contents, |w| match line {
            0 => text_placeholder(w, field.0, field.1),
            _ => Ok(()),
        })?;
    }
    // A cell holds at least one paragraph.
    if cell.is_empty() {
        empty(w, "text:p", &contents)?;
    }
    Ok(())
}

/// A box to tick: LibreOffice's check box content control (7.4 and later), which toggles on a
/// click; other applications read the ☐ inside.
fn checkbox(w: &mut W) -> io::Result<()> {
    let attributes = [
        ("loext:checkbox", "true"),
        ("loext:checked", "false"),
        ("loext:checked-state", "\u{2612}"),
        ("loext:unchecked-state", "\u{2610}"),
    ];
    element(w, "loext:content-control", &attributes, |w| {
        write_text(w, "\u{2610}", &mut false)
    })
}

/// A text placeholder, described by the field's label: LibreOffice shows `<text>` shaded, selects
/// it on a click, and typing replaces it.
fn text_placeholder(w: &mut W, label: &str, text: &str) -> io::Result<()> {
    let attributes = [
        ("text:placeholder-type", "text"),
        ("text:description", label),
    ];
    element(w, "text:placeholder", &attributes, |w| {
        write_text(w, &format!("<{text}>"), &mut false)
    })
}

fn simple_paragraph(w: &mut W, style: &str, content: &str) -> io::Result<()> {
    let style = [("text:style-name", style)];
    element(w, "text:p", &style, |w| write_text(w, content, &mut true))
}

/// A paragraph of runs.
fn paragraph(w: &mut W, style: &str, content: &[Run]) -> io::Result<()> {
    element(w, "text:p", &[("text:style-name", style)], |w| {
        runs(w, true, content)
    })
}

/// The runs; `space` tells whether the paragraph so far is empty or ends with white space.
fn runs(w: &mut W, mut space: bool, runs: &[Run]) -> io::Result<()> {
    let runs = runs
        .iter()
        .map(|run| ((run.bold, run.italic, run.link.as_deref()), &*run.text));
    for ((bold, italic, link), text) in join_runs(runs) {
        match link {
            Some(target) => {
                let link = [
                    ("xlink:type", "simple"),
                    ("xlink:href", &clean(target)),
                    ("text:style-name", "Internet_20_link"),
                    ("text:visited-style-name", "Visited_20_Internet_20_Link"),
                ];
                element(w, "text:a", &link, |w| {
                    span(w, (bold, italic), &text, &mut space)
                })?;
            }
            None => span(w, (bold, italic), &text, &mut space)?,
        }
    }
    Ok(())
}

/// Text, bold and/or italic as `(bold, italic)` say.
fn span(w: &mut W, format: (bool, bool), text: &str, space: &mut bool) -> io::Result<()> {
    let style = match format {
        (false, false) => return write_text(w, text, space),
        (true, false) => "Bold",
        (false, true) => "Italic",
        (true, true) => "BoldItalic",
    };
    let style = [("text:style-name", style)];
    element(w, "text:span", &style, |w| write_text(w, text, space))
}

/// Text as ODF reads it back: consumers collapse spaces, so a space at the start of a paragraph
/// or after another is a `text:s`; tabs and line feeds are elements. `space` tells whether the
/// paragraph so far is empty or ends with white space.
fn write_text(w: &mut W, content: &str, space: &mut bool) -> io::Result<()> {
    let content = clean(content);
    let mut start = 0;
    for (index, c) in content.char_indices() {
        let element = match c {
            ' ' if *space => Some("text:s"),
            '\t' => Some("text:tab"),
            '\n' => Some("text:line-break"),
            _ => None,
        };
        *space = matches!(c, ' ' | '\t' | '\n');
        if let Some(element) = element {
            if start < index {
                w.write_event(Event::Text(BytesText::new(&content[start..index])))?;
            }
            empty(w, element, &[])?;
            start = index + c.len_utf8();
        }
    }
    if start < content.len() {
        w.write_event(Event::Text(BytesText::new(&content[start..])))?;
    }
    Ok(())
}

#[cfg(test)]
#[path = "odt_tests.rs"]
pub(super) mod tests;
