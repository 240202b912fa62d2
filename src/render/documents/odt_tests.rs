//! Tests of the ODT writer: package structure, well-formed parts, styles, determinism.
use super::super::model::Orientation;
use super::super::zipfile::{part, read_back};
use super::styles::language_and_country;
use super::*;

fn run(text: &str, bold: bool, italic: bool, link: Option<&str>) -> Run {
    let (text, link) = (text.into(), link.map(Into::into));
    Run {
        text,
        bold,
        italic,
        link,
    }
}

fn column(label: &str, help: Option<&str>, width: u32) -> Column {
    let (label, help) = (label.into(), help.map(Into::into));
    Column { label, help, width }
}

fn cell(header: bool, label: Option<&str>, text: &[&str], lines: u32) -> Cell {
    let label = label.map(Into::into);
    let text = text.iter().map(|text| text.to_string()).collect();
    Cell {
        header,
        label,
        text,
        lines,
        tick: false,
    }
}

fn heading(level: u8, text: &str) -> Block {
    Block::Heading {
        level,
        text: text.into(),
    }
}

fn paragraph(style: ParagraphStyle, runs: Vec<Run>) -> Block {
    Block::Paragraph { style, runs }
}

/// Every block type, paragraph style and run formatting; shared with the DOCX tests.
pub(in super::super) fn sample() -> Document {
    let rows = vec![
        Row::Group {
            text: "Domaine A — Veille".into(),
        },
        Row::Cells {
            cells: vec![
                cell(true, Some("C1.1"), &["Rechercher"], 0),
                cell(false, Some("Titre"), &[], 2),
                Cell::blank(1),
            ],
        },
        Row::Cells {
            cells: vec![
                cell(true, Some("C1.2"), &[], 0),
                Cell::tick(),
                Cell::blank(0),
            ],
        },
    ];
    let columns = vec![
        column("Compétence", None, 1),
        column("Source", Some("Titre et adresse"), 2),
        column("Date", Some("jj/mm/aaaa"), 1),
    ];
    let caption = Some("Tableau des sources".into());
    let link = Some("https://exemple.fr/référentiel?a=1&b=2");
    let help = Some("Libre".into());
    let plain = |text: &str| vec![Run::plain(text)];
    let blocks = vec![
        paragraph(ParagraphStyle::Kicker, plain("Livret de compétences")),
        heading(1, "Fiche « Sitographie »"),
        paragraph(ParagraphStyle::Emphasis, plain("Compétences : C1.1, C1.2")),
        paragraph(
            ParagraphStyle::Normal,
            vec![
                Run::plain("Voir l’ "),
                run("annexe", true, false, link),
                run(" et  les ", false, true, None),
                run("notes", true, true, None),
                Run::plain("\u{a0}!"),
            ],
        ),
        // A word split across runs, as typography may leave it.
        paragraph(
            ParagraphStyle::Help,
            ["Remplissez l", "’", "annexe."].map(Run::plain).into(),
        ),
        heading(2, "Sources"),
        heading(3, "Détail"),
        Block::Table(Table {
            caption,
            columns,
            rows,
        }),
        Block::Field {
            label: "Commentaire".into(),
            help,
            lines: 3,
        },
        Block::Checklist {
            items: vec![
                plain("J’ai cité mes sources"),
                vec![run("Relu", true, false, None)],
            ],
        },
    ];
    Document {
        slug: "sitographie".into(),
        name: "Sitographie".into(),
        title: "Fiche « Sitographie »".into(),
        subject: "Bloc 1 — Veille".into(),
        keywords: vec!["C1.1".into(), "C1.2".into()],
        language: "fr-FR".into(),
        footer: "Organisme — Référentiel BTS SIO".into(),
        page_number: ["Page ".into(), " / ".into(), "".into()],
        orientation: Orientation::Portrait,
        font_size: 11,
        placeholder: "Cliquez ici".into(),
        table_placeholder: "Saisir".into(),
        blocks,
    }
}

#[test]
fn package_is_a_valid_odt() {
    let bytes = write(&sample()).unwrap();
    let parts = read_back(&bytes);
    let names: Vec<&str> = parts.iter().map(|(name, _)| name.as_str()).collect();
    let expected = [
        "mimetype",
        "META-INF/manifest.xml",
        "content.xml",
        "styles.xml",
        "meta.xml",
        "settings.xml",
    ];
    assert_eq!(names, expected);
    // LibreOffice keeps a row with « keep with next » with the row after it only with this.
    let settings = part(&parts, "settings.xml", &[]);
    assert!(
        settings.contains(r#"config:name="TableRowKeep" config:type="boolean">true<"#),
        "{settings}"
    );
    assert_eq!(part(&parts, "mimetype", &[]), MIMETYPE);
    // The first local header: stored (method 0), named "mimetype", no extra field, then data.
    let le = |at: usize| u16::from_le_bytes([bytes[at], bytes[at + 1]]);
    assert_eq!(&bytes[..4], b"PK\x03\x04");
    assert_eq!((le(8), le(26), le(28)), (0, 8, 0));
    assert_eq!(&bytes[30..38], b"mimetype");
    assert_eq!(&bytes[38..38 + MIMETYPE.len()], MIMETYPE.as_bytes());
}

#[test]
fn content_has_headings_tables_and_texts() {
    let parts = read_back(&write(&sample()).unwrap());
    let content = [
        r#"<text:h text:style-name="Heading_20_1" text:outline-level="1">Fiche « Sitographie »</text:h>"#,
        r#"text:outline-level="2">Sources<"#,
        r#"text:outline-level="3">Détail<"#,
        r#"<table:table-header-rows><table:table-row table:style-name="Row"><table:table-cell table:style-name="HeadCell" office:value-type="string"><text:p text:style-name="Table_20_Heading">Compétence</text:p>"#,
        r#"<text:p text:style-name="Table_20_Help">Titre et adresse</text:p>"#,
        r#"table:number-columns-spanned="3"><text:p text:style-name="Table_20_Group">Domaine A — Veille<"#,
        r#"<text:p text:style-name="KeptHeading">C1.1</text:p><text:p text:style-name="KeptHeading">Rechercher<"#,
        r#"<text:p text:style-name="Table">Tableau des sources</text:p><table:table table:name="Table1""#,
        r#"<style:table-column-properties style:column-width="4.250cm" style:rel-column-width="4250*"/></style:style><style:style style:name="Tab1.2" style:family="table-column"><style:table-column-properties style:column-width="8.500cm" style:rel-column-width="8500*"/>"#,
        // The box's first line holds a placeholder described by the field's label.
        r#"Libre</text:p><text:p text:style-name="Writing_20_Space"><text:placeholder text:placeholder-type="text" text:description="Commentaire">&lt;Cliquez ici&gt;</text:placeholder></text:p><text:p text:style-name="Writing_20_Space"></text:p><text:p text:style-name="LastWritingSpace"></text:p>"#,
        // A box to tick is LibreOffice's check box content control, with ☐ for other readers.
        r#"<text:p text:style-name="Checklist"><loext:content-control loext:checkbox="true" loext:checked="false" loext:checked-state="☒" loext:unchecked-state="☐">☐</loext:content-control> J’ai cité mes sources</text:p>"#,
        r#"<text:p text:style-name="Table_20_Contents"><loext:content-control loext:checkbox="true""#,
        // A cell to fill in: a placeholder described by its column's label, then its lines.
        r#"<text:p text:style-name="KeptHeading">Titre</text:p><text:p text:style-name="KeptContents"><text:placeholder text:placeholder-type="text" text:description="Source">&lt;Saisir&gt;</text:placeholder></text:p><text:p text:style-name="KeptContents"></text:p></table:table-cell>"#,
        // A short table stays on one page: its rows but the last keep with the next.
        r#"<text:p text:style-name="Table_20_Heading">C1.2</text:p>"#,
        r#"xlink:href="https://exemple.fr/référentiel?a=1&amp;b=2""#,
        "Voir l’ <text:a",
        r#"<text:span text:style-name="Italic"> et <text:s/>les </text:span>"#,
        "\u{a0}!",
        r#"<text:p text:style-name="Help_20_Text">Remplissez l’annexe.</text:p>"#,
    ];
    part(&parts, "content.xml", &content);
    let styles = [
        r#"fo:language="fr" fo:country="FR""#,
        r#"style:display-name="Heading 1" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="1""#,
        "Organisme — Référentiel BTS SIO<text:tab/>Page <text:page-number text:select-page=\"current\">1</text:page-number> / <text:page-count>1</text:page-count></text:p>",
    ];
    part(&parts, "styles.xml", &styles);
    let meta = [
        "<meta:keyword>C1.1</meta:keyword><meta:keyword>C1.2</meta:keyword>",
        "<dc:language>fr-FR</dc:language>",
        "<meta:generator>livret</meta:generator>",
    ];
    part(&parts, "meta.xml", &meta);
}

#[test]
fn same_document_same_bytes() {
    assert_eq!(write(&sample()).unwrap(), write(&sample()).unwrap());
}

#[test]
fn language_tags_split() {
    let split = |tag| language_and_country(tag);
    assert_eq!(split("fr-FR"), ("fr".into(), Some("FR".into())));
    assert_eq!(split("fr"), ("fr".into(), None));
    assert_eq!(split("sr-Latn-RS"), ("sr".into(), Some("RS".into())));
}

#[test]
fn a_landscape_document_turns_its_pages_and_widens_its_tables() {
    let mut document = sample();
    document.orientation = Orientation::Landscape;
    document.font_size = 9;
    let parts = read_back(&write(&document).unwrap());
    let styles = part(&parts, "styles.xml", &[]);
    for expected in [
        r#"fo:page-width="29.70cm" fo:page-height="21.00cm" style:print-orientation="landscape""#,
        r#"fo:font-size="9pt""#,
        r#"style:position="26.70cm""#,
    ] {
        assert!(
            styles.contains(expected),
            "{expected} missing from styles.xml"
        );
    }
    let content = part(&parts, "content.xml", &[]);
    assert!(content.contains(r#"style:width="26.70cm""#), "{content}");
}

#[test]
fn a_long_table_keeps_its_first_row_and_last_two_together() {
    let mut document = sample();
    let Some(Block::Table(table)) = document
        .blocks
        .iter_mut()
        .find(|b| matches!(b, Block::Table(_)))
    else {
        panic!("the sample has a table")
    };
    let row = |code: &str| Row::Cells {
        cells: vec![cell(true, Some(code), &[], 0)],
    };
    table.rows = (1..=10).map(|n| row(&format!("R{n}"))).collect();
    let kept: Vec<bool> = (0..10).map(|i| table.row_keeps_with_next(i)).collect();
    let expected = [
        true, false, false, false, false, false, false, false, true, false,
    ];
    assert_eq!(kept, expected);
    let parts = read_back(&write(&document).unwrap());
    let content = [
        r#"<text:p text:style-name="KeptHeading">R1</text:p>"#,
        r#"<text:p text:style-name="Table_20_Heading">R2</text:p>"#,
        r#"<text:p text:style-name="KeptHeading">R9</text:p>"#,
        r#"<text:p text:style-name="Table_20_Heading">R10</text:p>"#,
    ];
    part(&parts, "content.xml", &content);
}
