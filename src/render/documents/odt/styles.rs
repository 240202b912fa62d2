//! The ODT writer's styles (styles.xml): the named paragraph and text styles, the page layout and
//! its footer, and the one-line style table both styles.xml and content.xml are written from. It
//! must not write the document's content: only how it looks.

use std::io;

use super::super::model::{Document, Orientation};
use super::super::zipfile::{element, empty};
use super::{W, write_text};

/// A length in tenths of a millimetre, as ODF writes it (`2.57cm`).
pub(super) fn cm(tenths_of_mm: u32) -> String {
    format!("{}.{:02}cm", tenths_of_mm / 100, tenths_of_mm % 100)
}

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
pub(super) const AUTOMATIC_STYLES: &str = "
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

pub(super) fn styles(w: &mut W, document: &Document) -> io::Result<()> {
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

pub(super) fn write_styles(w: &mut W, table: &str, orientation: Orientation) -> io::Result<()> {
    for line in table.lines().filter(|line| !line.trim().is_empty()) {
        write_style(w, line, orientation)?;
    }
    Ok(())
}

/// Writes a style from a line in the layout of [`STYLES`].
/// `orientation` places the footer's right tab stop at the right margin.
pub(super) fn write_style(w: &mut W, line: &str, orientation: Orientation) -> io::Result<()> {
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
pub(super) fn properties(list: &str) -> Vec<(&str, &str)> {
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
pub(super) fn language_and_country(tag: &str) -> (String, Option<String>) {
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
