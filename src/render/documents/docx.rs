//! The DOCX writer: a [`Document`] as an Office Open XML (WordprocessingML) package for Word and
//! LibreOffice.
//!
//! Word rejects, or "repairs", a package whose elements break the schema's order, so every
//! property list below follows the order of ECMA-376's complex types (CT_PPr, CT_RPr, CT_TblPr,
//! CT_TcPr, CT_SectPr…). It writes the same bytes for the same document and must not decide
//! content: no text, wording or order of its own beyond styling.

use std::io;

use quick_xml::Writer;
use quick_xml::events::{BytesText, Event};

use super::model::{Block, Cell, Column, Document, Orientation, ParagraphStyle, Row, Run, Table};
use super::zipfile::{Package, clean, element, empty, join_runs, leaf, xml};

type W = Writer<Vec<u8>>;

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/// Word 2010's extensions (the check box content control), which older readers skip.
const W14_NS: &str = "http://schemas.microsoft.com/office/word/2010/wordml";
const MC_NS: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const NAMESPACES: [(&str, &str); 5] = [
    ("xmlns:w", W_NS),
    ("xmlns:r", R_NS),
    ("xmlns:w14", W14_NS),
    ("xmlns:mc", MC_NS),
    ("mc:Ignorable", "w14"),
];
/// document.xml's relationships: styles, settings, the footer (rId1–3), then the links.
const FIRST_LINK: usize = 4;

const MAIN: &str = "application/vnd.openxmlformats-officedocument";
const PARTS: [(&str, &str); 6] = [
    ("/word/document.xml", "wordprocessingml.document.main+xml"),
    ("/word/styles.xml", "wordprocessingml.styles+xml"),
    ("/word/settings.xml", "wordprocessingml.settings+xml"),
    ("/word/footer1.xml", "wordprocessingml.footer+xml"),
    ("/docProps/core.xml", "core-properties+xml"),
    ("/docProps/app.xml", "extended-properties+xml"),
];

/// The styles, one a line: type | id | name (Word's own for built-in styles) | based on | next |
/// paragraph properties | run properties. Properties are written by [`properties`].
const STYLES: &str = "
paragraph | Normal        | Normal         |               |        | w:spacing w:after=120 |
character | DefaultParagraphFont | Default Paragraph Font | |        |  |
table     | TableNormal   | Normal Table   |               |        | w:tblInd w:w=0 w:type=dxa; w:tblCellMar |
paragraph | Heading1      | heading 1      | Normal        | Normal | w:keepNext; w:keepLines; w:spacing w:before=120 w:after=120; w:outlineLvl w:val=0 | w:b; w:bCs; w:color w:val=1F3864; w:sz w:val=36; w:szCs w:val=36
paragraph | Heading2      | heading 2      | Normal        | Normal | w:keepNext; w:keepLines; w:spacing w:before=280 w:after=120; w:outlineLvl w:val=1 | w:b; w:bCs; w:color w:val=1F3864; w:sz w:val=28; w:szCs w:val=28
paragraph | Heading3      | heading 3      | Normal        | Normal | w:keepNext; w:keepLines; w:spacing w:before=240 w:after=120; w:outlineLvl w:val=2 | w:b; w:bCs; w:color w:val=1F3864; w:sz w:val=24; w:szCs w:val=24
paragraph | Kicker        | Kicker         | Normal        |        | w:keepNext; w:spacing w:after=60 | w:color w:val=595959; w:sz w:val=20; w:szCs w:val=20
paragraph | EmphasisLine  | Emphasis Line  | Normal        |        | w:keepNext | w:b; w:bCs
paragraph | HelpText      | Help Text      | Normal        |        | w:keepNext | w:i; w:iCs
paragraph | Checklist     | Checklist      | Normal        |        | w:keepNext; w:ind w:left=340 w:hanging=340 |
paragraph | ChecklistLast | Checklist Last | Checklist     |        | w:keepNext w:val=0 |
paragraph | Caption       | caption        | Normal        | Normal | w:keepNext; w:spacing w:before=120 w:after=60 | w:b; w:bCs; w:sz w:val=20; w:szCs w:val=20
paragraph | TableContents | Table Contents | Normal        |        | w:spacing w:after=0 |
paragraph | TableHeading  | Table Heading  | TableContents |        |  | w:b; w:bCs
paragraph | TableGroup    | Table Group    | TableHeading  |        | w:keepNext | w:b; w:bCs
paragraph | TableHelp     | Table Help     | TableContents |        |  | w:i; w:iCs; w:sz w:val=18; w:szCs w:val=18
paragraph | WritingSpace  | Writing Space  | Normal        |        | w:keepNext; w:pBdr; w:spacing w:after=0; w:ind w:left=85 w:right=85 |
paragraph | Footer        | footer         | Normal        |        | w:tabs w:pos=TEXT_WIDTH; w:spacing w:after=0 | w:sz w:val=18; w:szCs w:val=18
character | Hyperlink     | Hyperlink      |               |        |  | w:color w:val=0563C1; w:u w:val=single
character | PlaceholderText | Placeholder Text |             |        |  | w:color w:val=808080
";

/// A length in tenths of a millimetre, in twentieths of a point (twips), as OOXML writes it.
fn twips(tenths_of_mm: u32) -> u32 {
    (tenths_of_mm * 1440 + 127) / 254
}

/// The section: A4 turned as the document asks, 2 cm margins, the footer.
fn section(orientation: Orientation) -> String {
    let (width, height) = orientation.page_size();
    let orient = match orientation {
        Orientation::Portrait => "",
        Orientation::Landscape => " w:orient=landscape",
    };
    let margin = twips(orientation.margin());
    format!(
        "w:footerReference w:type=default r:id=rId3; w:pgSz w:w={} w:h={}{orient}; \
         w:pgMar w:top={margin} w:right={margin} w:bottom={margin} w:left={margin} w:header=567 \
         w:footer=567 w:gutter=0; w:cols w:space=708",
        twips(width),
        twips(height)
    )
}

/// Writes `document` as a DOCX package.
pub fn write(document: &Document) -> io::Result<Vec<u8>> {
    let mut links = Vec::new();
    let body = xml(|w| body(w, document, &mut links))?;
    let relationships = xml(|w| document_relationships(w, &links))?;
    let styles = xml(|w| styles(w, document))?;
    let mut package = Package::new();
    package.add("[Content_Types].xml", &xml(content_types)?, false)?;
    package.add("_rels/.rels", &xml(package_relationships)?, false)?;
    package.add("word/document.xml", &body, false)?;
    package.add("word/_rels/document.xml.rels", &relationships, false)?;
    package.add("word/styles.xml", &styles, false)?;
    package.add("word/settings.xml", &xml(settings)?, false)?;
    package.add("word/footer1.xml", &xml(|w| footer(w, document))?, false)?;
    package.add("docProps/core.xml", &xml(|w| core(w, document))?, false)?;
    package.add("docProps/app.xml", &xml(app)?, false)?;
    package.finish()
}

fn content_types(w: &mut W) -> io::Result<()> {
    let namespace = "http://schemas.openxmlformats.org/package/2006/content-types";
    element(w, "Types", &[("xmlns", namespace)], |w| {
        let relationships = "application/vnd.openxmlformats-package.relationships+xml";
        let defaults = [("rels", relationships), ("xml", "application/xml")];
        for (extension, kind) in defaults {
            empty(
                w,
                "Default",
                &[("Extension", extension), ("ContentType", kind)],
            )?;
        }
        for (part, kind) in PARTS {
            // The core properties are a package part, the others Office document parts.
            let kind = match kind.starts_with("core") {
                true => format!("application/vnd.openxmlformats-package.{kind}"),
                false => format!("{MAIN}.{kind}"),
            };
            empty(w, "Override", &[("PartName", part), ("ContentType", &kind)])?;
        }
        Ok(())
    })
}

/// Relationships numbered rId1, rId2… in order: type, target, whether the target is external.
fn relationships(w: &mut W, list: &[(String, String, bool)]) -> io::Result<()> {
    let namespace = "http://schemas.openxmlformats.org/package/2006/relationships";
    element(w, "Relationships", &[("xmlns", namespace)], |w| {
        for (index, (kind, target, external)) in list.iter().enumerate() {
            let id = format!("rId{}", index + 1);
            let mut attributes = vec![("Id", id.as_str()), ("Type", kind), ("Target", target)];
            if *external {
                attributes.push(("TargetMode", "External"));
            }
            empty(w, "Relationship", &attributes)?;
        }
        Ok(())
    })
}

fn package_relationships(w: &mut W) -> io::Result<()> {
    let core = "http://schemas.openxmlformats.org/package/2006/relationships/metadata";
    let list = [
        (format!("{R_NS}/officeDocument"), "word/document.xml"),
        (format!("{core}/core-properties"), "docProps/core.xml"),
        (format!("{R_NS}/extended-properties"), "docProps/app.xml"),
    ];
    let list = list.map(|(kind, target)| (kind, target.to_owned(), false));
    relationships(w, &list)
}

fn document_relationships(w: &mut W, links: &[String]) -> io::Result<()> {
    let mut list = Vec::new();
    for (kind, target) in [("styles", "styles.xml"), ("settings", "settings.xml")] {
        list.push((format!("{R_NS}/{kind}"), target.to_owned(), false));
    }
    list.push((format!("{R_NS}/footer"), "footer1.xml".to_owned(), false));
    for link in links {
        list.push((format!("{R_NS}/hyperlink"), uri(link), true));
    }
    relationships(w, &list)
}

/// `target` as a URI: Word refuses a relationship whose target is not one, so spaces, non-ASCII
/// letters and other characters URIs do not allow are percent-encoded.
fn uri(target: &str) -> String {
    let allowed =
        |byte: u8| byte.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'()*+,;=%".contains(&byte);
    let mut encoded = String::new();
    for byte in clean(target).bytes() {
        match allowed(byte) {
            true => encoded.push(char::from(byte)),
            false => encoded.push_str(&format!("%{byte:02X}")),
        }
    }
    encoded
}

fn core(w: &mut W, document: &Document) -> io::Result<()> {
    let properties = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
    let namespaces = [
        ("xmlns:cp", properties),
        ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
    ];
    element(w, "cp:coreProperties", &namespaces, |w| {
        leaf(w, "dc:title", &document.title)?;
        leaf(w, "dc:subject", &document.subject)?;
        leaf(w, "cp:keywords", &document.keywords.join(", "))?;
        leaf(w, "dc:language", &document.language)
    })
}

fn app(w: &mut W) -> io::Result<()> {
    let namespace = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties";
    element(w, "Properties", &[("xmlns", namespace)], |w| {
        leaf(w, "Application", "livret")
    })
}

fn settings(w: &mut W) -> io::Result<()> {
    element(w, "w:settings", &NAMESPACES, |w| {
        let defaults = "w:defaultTabStop w:val=709; w:characterSpacingControl w:val=doNotCompress";
        properties(w, defaults)?;
        // Without it Word opens the document in compatibility mode.
        element(w, "w:compat", &[], |w| {
            let mode = "w:compatSetting w:name=compatibilityMode \
                w:uri=http://schemas.microsoft.com/office/word w:val=15";
            properties(w, mode)
        })
    })
}

/// The styles: the document's language and body size; the footer's right tab stop at the right
/// margin.
fn styles(w: &mut W, document: &Document) -> io::Result<()> {
    let (language, font_size) = (document.language.as_str(), document.font_size);
    let width = twips(document.orientation.text_width());
    let table = STYLES.replace("TEXT_WIDTH", &width.to_string());
    element(w, "w:styles", &NAMESPACES, |w| {
        element(w, "w:docDefaults", &[], |w| {
            element(w, "w:rPrDefault", &[], |w| {
                element(w, "w:rPr", &[], |w| {
                    // Sizes are in half-points.
                    let size = font_size * 2;
                    let fonts = format!(
                        "w:rFonts w:ascii=Arial w:hAnsi=Arial w:eastAsia=Arial w:cs=Arial; \
                         w:sz w:val={size}; w:szCs w:val={size}"
                    );
                    properties(w, &fonts)?;
                    empty(w, "w:lang", &[("w:val", &clean(language))])
                })
            })?;
            element(w, "w:pPrDefault", &[], |w| {
                let spacing = "w:spacing w:after=0 w:line=240 w:lineRule=auto";
                element(w, "w:pPr", &[], |w| properties(w, spacing))
            })
        })?;
        for line in table.lines().filter(|line| !line.trim().is_empty()) {
            write_style(w, line)?;
        }
        Ok(())
    })
}

/// Writes a style from a line of [`STYLES`], its children in CT_Style's order.
fn write_style(w: &mut W, line: &str) -> io::Result<()> {
    let fields: Vec<&str> = line.split('|').map(str::trim).collect();
    let [kind, id, name, based_on, next, paragraph, run] = fields[..] else {
        panic!("a style line has 7 fields: {line}");
    };
    // The defaults Word expects; all but Normal stay out of the style gallery.
    let default = ["Normal", "DefaultParagraphFont", "TableNormal"].contains(&id);
    let mut attributes = vec![("w:type", kind)];
    if default {
        attributes.push(("w:default", "1"));
    }
    attributes.push(("w:styleId", id));
    element(w, "w:style", &attributes, |w| {
        empty(w, "w:name", &[("w:val", name)])?;
        for (child, value) in [("w:basedOn", based_on), ("w:next", next)] {
            if !value.is_empty() {
                empty(w, child, &[("w:val", value)])?;
            }
        }
        match default && id != "Normal" {
            true => properties(w, "w:semiHidden; w:unhideWhenUsed")?,
            false => empty(w, "w:qFormat", &[])?,
        }
        let own = if kind == "table" { "w:tblPr" } else { "w:pPr" };
        for (child, list) in [(own, paragraph), ("w:rPr", run)] {
            if !list.is_empty() {
                element(w, child, &[], |w| properties(w, list))?;
            }
        }
        Ok(())
    })
}

/// Writes `name attribute=value …; name …` as empty elements, in the order given (values have no
/// spaces). The few containers are written whole from their name.
fn properties(w: &mut W, list: &str) -> io::Result<()> {
    for item in list.split(';') {
        let mut words = item.split_whitespace();
        let Some(name) = words.next() else { continue };
        let attributes: Vec<(&str, &str)> = words.filter_map(|word| word.split_once('=')).collect();
        let border = |w: &mut W, name, sides: &str, space| {
            element(w, name, &[], |w| {
                for side in sides.split_whitespace() {
                    let line = format!("{side} w:val=single w:sz=4 w:space={space} w:color=000000");
                    properties(w, &line)?;
                }
                Ok(())
            })
        };
        match name {
            "w:pBdr" => border(w, name, "w:top w:left w:bottom w:right", 4)?,
            "w:tblBorders" => border(
                w,
                name,
                "w:top w:left w:bottom w:right w:insideH w:insideV",
                0,
            )?,
            // 0.1 cm around the text of every cell, as in the ODT.
            "w:tblCellMar" => element(w, name, &[], |w| {
                let margins = "w:top w:w=23 w:type=dxa; w:left w:w=57 w:type=dxa; \
                    w:bottom w:w=23 w:type=dxa; w:right w:w=57 w:type=dxa";
                properties(w, margins)
            })?,
            // The footer's page numbers sit at the right margin, after a tab.
            "w:tabs" => element(w, name, &[], |w| {
                let position = attributes
                    .iter()
                    .find(|(k, _)| *k == "w:pos")
                    .map(|(_, v)| *v);
                let position = position.unwrap_or_default();
                properties(w, &format!("w:tab w:val=right w:pos={position}"))
            })?,
            _ => empty(w, name, &attributes)?,
        }
    }
    Ok(())
}

/// The footer text, a tab to the right margin, then e.g. "Page 3 / 7" with PAGE and NUMPAGES.
fn footer(w: &mut W, document: &Document) -> io::Result<()> {
    element(w, "w:ftr", &NAMESPACES, |w| {
        paragraph(w, "Footer", |w| {
            if !document.footer.is_empty() {
                run(w, &document.footer, "")?;
                run(w, "\t", "")?;
            }
            let [before, between, after] = &document.page_number;
            run(w, before, "")?;
            let (page, pages) = ([("w:instr", " PAGE ")], [("w:instr", " NUMPAGES ")]);
            element(w, "w:fldSimple", &page, |w| run(w, "1", ""))?;
            run(w, between, "")?;
            element(w, "w:fldSimple", &pages, |w| run(w, "1", ""))?;
            run(w, after, "")
        })
    })
}

fn body(w: &mut W, document: &Document, links: &mut Vec<String>) -> io::Result<()> {
    element(w, "w:document", &NAMESPACES, |w| {
        element(w, "w:body", &[], |w| {
            let width = twips(document.orientation.text_width());
            for block in &document.blocks {
                write_block(w, block, (width, document), links)?;
            }
            element(w, "w:sectPr", &[], |w| {
                properties(w, &section(document.orientation))
            })
        })
    })
}

/// `page`: the text width in twips, and the document (what a field shows until the student types
/// in it).
fn write_block(
    w: &mut W,
    block: &Block,
    page: (u32, &Document),
    links: &mut Vec<String>,
) -> io::Result<()> {
    let (width, document) = page;
    match block {
        Block::Heading { level, text } => {
            let style = format!("Heading{}", (*level).clamp(1, 3));
            paragraph(w, &style, |w| run(w, text, ""))
        }
        Block::Paragraph { style, runs } => {
            let style = match style {
                ParagraphStyle::Normal => "Normal",
                ParagraphStyle::Kicker => "Kicker",
                ParagraphStyle::Emphasis => "EmphasisLine",
                ParagraphStyle::Help => "HelpText",
            };
            paragraph(w, style, |w| write_runs(w, runs, links))
        }
        Block::Field { label, help, lines } => {
            paragraph(w, "EmphasisLine", |w| run(w, label, ""))?;
            if let Some(help) = help {
                paragraph(w, "HelpText", |w| run(w, help, ""))?;
            }
            // Consecutive paragraphs with the same borders are drawn as one box; the first holds
            // the field.
            paragraph(w, "WritingSpace", |w| {
                text_control(w, label, &document.placeholder)
            })?;
            for _ in 1..(*lines).max(1) {
                paragraph(w, "WritingSpace", |_| Ok(()))?;
            }
            spacer(w)
        }
        Block::Table(table) => write_table(w, table, (width, &document.table_placeholder)),
        Block::Checklist { items } => {
            // The items stay together: each but the last keeps with the next.
            for (index, item) in items.iter().enumerate() {
                let style = match index + 1 == items.len() {
                    true => "ChecklistLast",
                    false => "Checklist",
                };
                paragraph(w, style, |w| {
                    checkbox(w)?;
                    run(w, " ", "")?;
                    write_runs(w, item, links)
                })?;
            }
            Ok(())
        }
    }
}

/// A plain-text content control showing `placeholder` until the student types, described by
/// `label`: Word selects it on a click, typing replaces it, and Enter starts a new line in it.
fn text_control(w: &mut W, label: &str, placeholder: &str) -> io::Result<()> {
    element(w, "w:sdt", &[], |w| {
        element(w, "w:sdtPr", &[], |w| {
            empty(w, "w:alias", &[("w:val", &clean(label))])?;
            empty(w, "w:showingPlcHdr", &[])?;
            empty(w, "w:text", &[("w:multiLine", "1")])
        })?;
        element(w, "w:sdtContent", &[], |w| {
            run(w, placeholder, "w:rStyle w:val=PlaceholderText")
        })
    })
}

/// A check box content control (Word 2010 and later, LibreOffice 7.4 and later), which toggles
/// between ☐ and ☒ on a click; older applications show the ☐. Arial has no ballot box: name a
/// font that has one rather than rely on the application's fallback.
fn checkbox(w: &mut W) -> io::Result<()> {
    const FONT: &str = "Segoe UI Symbol";
    element(w, "w:sdt", &[], |w| {
        element(w, "w:sdtPr", &[], |w| {
            element(w, "w14:checkbox", &[], |w| {
                empty(w, "w14:checked", &[("w14:val", "0")])?;
                let state = |code| [("w14:val", code), ("w14:font", FONT)];
                empty(w, "w14:checkedState", &state("2612"))?;
                empty(w, "w14:uncheckedState", &state("2610"))
            })
        })?;
        element(w, "w:sdtContent", &[], |w| {
            element(w, "w:r", &[], |w| {
                element(w, "w:rPr", &[], |w| {
                    empty(w, "w:rFonts", &[("w:ascii", FONT), ("w:hAnsi", FONT)])
                })?;
                text(w, "\u{2610}")
            })
        })
    })
}

/// An empty paragraph after a table or a box: room before what follows, and it keeps Word from
/// merging two tables in a row.
fn spacer(w: &mut W) -> io::Result<()> {
    paragraph(w, "", |_| Ok(()))
}

/// A paragraph in `style` (none: Normal).
fn paragraph(
    w: &mut W,
    style: &str,
    content: impl FnOnce(&mut W) -> io::Result<()>,
) -> io::Result<()> {
    let with_style = format!("w:pStyle w:val={style}");
    let list = if style.is_empty() { "" } else { &with_style };
    paragraph_with(w, list, content)
}

/// A paragraph with the paragraph properties of `list` (see [`properties`]; none: Normal).
fn paragraph_with(
    w: &mut W,
    list: &str,
    content: impl FnOnce(&mut W) -> io::Result<()>,
) -> io::Result<()> {
    element(w, "w:p", &[], |w| {
        if !list.is_empty() {
            element(w, "w:pPr", &[], |w| properties(w, list))?;
        }
        content(w)
    })
}

fn write_runs(w: &mut W, runs: &[Run], links: &mut Vec<String>) -> io::Result<()> {
    let runs = runs
        .iter()
        .map(|run| ((run.bold, run.italic, run.link.as_deref()), &*run.text));
    for ((bold, italic, link), text) in join_runs(runs) {
        // In CT_RPr's order.
        let mut format = String::new();
        if link.is_some() {
            format.push_str("w:rStyle w:val=Hyperlink;");
        }
        if bold {
            format.push_str("w:b; w:bCs;");
        }
        if italic {
            format.push_str("w:i; w:iCs;");
        }
        let Some(target) = link else {
            run(w, &text, &format)?;
            continue;
        };
        // One relationship per distinct target, numbered in order of appearance.
        let known = links.iter().position(|link| link == target);
        let index = known.unwrap_or_else(|| {
            links.push(target.to_owned());
            links.len() - 1
        });
        let id = format!("rId{}", FIRST_LINK + index);
        let link = [("r:id", id.as_str()), ("w:history", "1")];
        element(w, "w:hyperlink", &link, |w| run(w, &text, &format))?;
    }
    Ok(())
}

/// A run with `format` (run properties for [`properties`]); tabs and line feeds become w:tab and
/// w:br.
fn run(w: &mut W, content: &str, format: &str) -> io::Result<()> {
    let content = clean(content);
    if content.is_empty() {
        return Ok(());
    }
    element(w, "w:r", &[], |w| {
        if !format.is_empty() {
            element(w, "w:rPr", &[], |w| properties(w, format))?;
        }
        for (index, line) in content.split('\n').enumerate() {
            if index > 0 {
                empty(w, "w:br", &[])?;
            }
            for (index, piece) in line.split('\t').enumerate() {
                if index > 0 {
                    empty(w, "w:tab", &[])?;
                }
                if !piece.is_empty() {
                    text(w, piece)?;
                }
            }
        }
        Ok(())
    })
}

/// A w:t; Word drops its leading and trailing spaces unless told to preserve them.
fn text(w: &mut W, content: &str) -> io::Result<()> {
    element(w, "w:t", &[("xml:space", "preserve")], |w| {
        w.write_event(Event::Text(BytesText::new(content)))
    })
}

mod table;

use table::write_table;

#[cfg(test)]
#[path = "docx_tests.rs"]
mod tests;
