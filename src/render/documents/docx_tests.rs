//! Tests of the DOCX writer: package structure, well-formed parts, styles, determinism.
use super::super::odt::tests::sample;
use super::super::zipfile::{part, read_back};
use super::*;

#[test]
fn package_has_every_part() {
    let parts = read_back(&write(&sample()).unwrap());
    let names: Vec<&str> = parts.iter().map(|(name, _)| name.as_str()).collect();
    let expected = [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "word/styles.xml",
        "word/settings.xml",
        "word/footer1.xml",
        "docProps/core.xml",
        "docProps/app.xml",
    ];
    assert_eq!(names, expected);
    let relationships = [
        r#"<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://exemple.fr/r%C3%A9f%C3%A9rentiel?a=1&amp;b=2" TargetMode="External"/>"#,
        r#"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>"#,
    ];
    part(&parts, "word/_rels/document.xml.rels", &relationships);
    let core_part = r#"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#;
    part(&parts, "[Content_Types].xml", &[core_part]);
    let core = "<dc:title>Fiche « Sitographie »</dc:title><dc:subject>Bloc 1 — Veille</dc:subject><cp:keywords>C1.1, C1.2</cp:keywords><dc:language>fr-FR</dc:language>";
    part(&parts, "docProps/core.xml", &[core]);
    part(
        &parts,
        "docProps/app.xml",
        &["<Application>livret</Application>"],
    );
    let styles = [
        r#"<w:lang w:val="fr-FR"/>"#,
        r#"w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="120" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr>"#,
    ];
    part(&parts, "word/styles.xml", &styles);
    let footer = [
        r#"Organisme — Référentiel BTS SIO</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t xml:space="preserve">Page </w:t></w:r><w:fldSimple w:instr=" PAGE ">"#,
        r#"<w:fldSimple w:instr=" NUMPAGES ">"#,
    ];
    part(&parts, "word/footer1.xml", &footer);
}

#[test]
fn document_has_headings_tables_and_texts() {
    let parts = read_back(&write(&sample()).unwrap());
    let expected = [
        r#"<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">Fiche « Sitographie »</w:t>"#,
        r#"<w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t xml:space="preserve">Sources<"#,
        r#"<w:pStyle w:val="Heading3"/>"#,
        r#"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr><w:tc>"#,
        r#"<w:gridCol w:w="2409"/><w:gridCol w:w="4819"/><w:gridCol w:w="2410"/>"#,
        r#"<w:gridSpan w:val="3"/><w:shd w:val="clear" w:color="auto" w:fill="D9D9D9"/>"#,
        r#"<w:pStyle w:val="TableHelp"/></w:pPr><w:r><w:t xml:space="preserve">Titre et adresse<"#,
        r#"<w:hyperlink r:id="rId4" w:history="1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/><w:b/><w:bCs/></w:rPr>"#,
        r#"<w:pStyle w:val="Caption"/></w:pPr><w:r><w:t xml:space="preserve">Tableau des sources<"#,
        r#"<w:pStyle w:val="TableHeading"/><w:keepNext/></w:pPr><w:r><w:t xml:space="preserve">C1.1<"#,
        // A box to tick is a check box content control showing ☐ until ticked.
        r#"<w:pStyle w:val="Checklist"/></w:pPr><w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="0"/><w14:checkedState w14:val="2612" w14:font="Segoe UI Symbol"/><w14:uncheckedState w14:val="2610" w14:font="Segoe UI Symbol"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="Segoe UI Symbol" w:hAnsi="Segoe UI Symbol"/></w:rPr><w:t xml:space="preserve">☐</w:t></w:r></w:sdtContent></w:sdt><w:r><w:t xml:space="preserve"> </w:t></w:r><w:r><w:t xml:space="preserve">J’ai cité mes sources<"#,
        // The box's first line is a plain-text content control named after the field, showing
        // its placeholder.
        r#"Libre</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="WritingSpace"/></w:pPr><w:sdt><w:sdtPr><w:alias w:val="Commentaire"/><w:showingPlcHdr/><w:text w:multiLine="1"/></w:sdtPr><w:sdtContent><w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t xml:space="preserve">Cliquez ici</w:t></w:r></w:sdtContent></w:sdt></w:p><w:p><w:pPr><w:pStyle w:val="WritingSpace"/></w:pPr></w:p>"#,
        // A cell to fill in, in a short table whose rows keep with the next but the last.
        r#"<w:pStyle w:val="TableHeading"/><w:keepNext/></w:pPr><w:r><w:t xml:space="preserve">Titre</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="TableContents"/><w:keepNext/></w:pPr><w:sdt><w:sdtPr><w:alias w:val="Source"/><w:showingPlcHdr/><w:text w:multiLine="1"/></w:sdtPr><w:sdtContent><w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t xml:space="preserve">Saisir</w:t>"#,
        r#"<w:p><w:pPr><w:pStyle w:val="TableHeading"/></w:pPr><w:r><w:t xml:space="preserve">C1.2</w:t>"#,
        "\u{a0}!",
        r#"<w:r><w:t xml:space="preserve">Remplissez l’annexe.</w:t></w:r>"#,
        r#"<w:sectPr><w:footerReference w:type="default" r:id="rId3"/><w:pgSz w:w="11906" w:h="16838"/>"#,
    ];
    let document = part(&parts, "word/document.xml", &expected);
    // Every cell holds a paragraph.
    assert!(!document.contains("</w:tcPr></w:tc>"));
    // Word 2010's namespace is declared, and ignorable for older readers.
    assert!(document.contains(r#"mc:Ignorable="w14""#), "{document}");
}

#[test]
fn same_document_same_bytes() {
    assert_eq!(write(&sample()).unwrap(), write(&sample()).unwrap());
}

#[test]
fn link_targets_are_uris() {
    let encoded = "https://a.fr/%C3%A9%20%C3%A8?q=%C2%ABx%C2%BB";
    assert_eq!(uri("https://a.fr/é è?q=«x»"), encoded);
    assert_eq!(uri("https://a.fr/x?a=1&b=%20"), "https://a.fr/x?a=1&b=%20");
}

#[test]
fn a_landscape_document_turns_its_section_and_widens_its_tables() {
    let mut document = super::super::odt::tests::sample();
    document.orientation = super::super::model::Orientation::Landscape;
    document.font_size = 9;
    let parts = read_back(&write(&document).unwrap());
    let body = part(&parts, "word/document.xml", &[]);
    assert!(
        body.contains(r#"<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>"#),
        "{body}"
    );
    // The text width: the page less 1.5 cm margins.
    assert!(
        body.contains(r#"<w:tblW w:w="15137" w:type="dxa"/>"#),
        "{body}"
    );
    let styles = part(&parts, "word/styles.xml", &[]);
    assert!(styles.contains(r#"<w:sz w:val="18"/>"#), "{styles}");
    assert!(
        styles.contains(r#"<w:tab w:val="right" w:pos="15137"/>"#),
        "{styles}"
    );
}
