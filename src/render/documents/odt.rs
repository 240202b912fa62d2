//! The ODT writer: a [`Document`] as an OpenDocument Text 1.3 package for LibreOffice and Word.
//!
//! It maps the model's few semantic styles to named ODF styles (real headings with outline levels,
//! repeating table headers, a footer with page numbers) and writes the same bytes for the same
//! document. It must not decide content: no text, wording or order of its own beyond styling.

use std::io;

use quick_xml::Writer;
use quick_xml::events::{BytesText, Event};

use super::model::{Block, Cell, Column, Document, ParagraphStyle, Row, Run, Table};
use super::zipfile::{Package, clean, element, empty, join_runs, leaf, xml};
use styles::{AUTOMATIC_STYLES, cm, properties, styles, write_style, write_styles};

mod styles;

type W = Writer<Vec<u8>>;

const MIMETYPE: &str = "application/vnd.oasis.opendocument.text";
const VERSION: &str = "1.3";
const MANIFEST: &str = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0";

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
