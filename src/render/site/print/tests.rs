use super::*;

/// The index of an edition of `paths`, in one volume.
fn index(paths: &[&str]) -> Sections {
    Sections::new(paths, &volumes("impression.html", paths.len()))
}

fn sections() -> Sections {
    index(&["index.html", "guide.html", "fiches/un.html"])
}

#[test]
fn links_between_pages_become_links_between_sections() {
    let s = sections();
    let id = section_id("fiches/un.html");
    for (url, expected) in [
        ("../guide.html", "#page-guide"),
        ("../guide.html#regle", "#page-guide--regle"),
        ("#a", "#page-fiches-un--a"),
        ("../documents/un.odt", "documents/un.odt"),
        ("https://example.org/a.html", "https://example.org/a.html"),
    ] {
        assert_eq!(s.relink("fiches/un.html", &id, url).0, expected, "{url}");
    }
}

#[test]
fn links_to_anchors_a_page_lacks_lead_to_its_section() {
    let index = index(&["index.html", "guide.html"]);
    let bodies: Vec<Rewritten> = [
        (
            "index.html",
            r##"<a href="guide.html#regle">r</a> <a href="guide.html#contenu">c</a> <a href="#absente">a</a>"##,
        ),
        ("guide.html", r#"<h2 id="regle">Règle</h2>"#),
    ]
    .into_iter()
    .map(|(path, body)| index.section(path, path, body).unwrap())
    .collect();
    let mut problems = Diagnostics::new();
    let bodies: Vec<&Rewritten> = bodies.iter().collect();
    let sections = assemble(&bodies, &ids_of(&bodies), &mut problems);
    assert!(problems.is_empty());
    assert_eq!(
        sections[0].body.as_str().unwrap(),
        r##"<a href="#page-guide--regle">r</a> <a href="#page-guide">c</a> <a href="#page-index">a</a>"##
    );
}

#[test]
fn ids_and_their_references_are_prefixed_together() {
    let body = r##"<h1>Titre</h1><h2 id="t">Sous-titre</h2><div aria-labelledby="t x"></div><label for="c">C</label><input id="c"><svg><pattern id="m"></pattern><rect fill="url(#m)"/></svg><script>alert(1)</script><a href="#t">t</a>"##;
    let html = sections()
        .section("guide.html", "Guide", body)
        .unwrap()
        .section
        .body
        .to_string();
    assert!(
        html.starts_with("<h2>Titre</h2><h3 id=\"page-guide--t\">"),
        "{html}"
    );
    assert!(
        html.contains(r#"aria-labelledby="page-guide--t page-guide--x""#),
        "{html}"
    );
    assert!(html.contains(r#"for="page-guide--c""#), "{html}");
    assert!(html.contains(r#"fill="url(#page-guide--m)""#), "{html}");
    assert!(html.contains(r##"href="#page-guide--t""##), "{html}");
    assert!(!html.contains("script"), "{html}");
}

#[test]
fn the_same_pass_cuts_the_text_into_sections_at_headings_with_ids() {
    let body = "<h1>Titre</h1><p>Intro <em>mise</em>\n  en avant&nbsp;: l&#39;idée</p>\
        <script>var x = '<p>';</script><h2 id=\"a\">Première <code>partie</code></h2>\
        <p>Un</p><p>deux</p><h3>Sans id</h3><p>trois<br>quatre</p>";
    let searched = sections()
        .section("guide.html", "Guide", body)
        .unwrap()
        .searched;
    let section = |anchor: &str, heading: &str, text: &str| search::Section {
        anchor: anchor.to_owned(),
        heading: heading.to_owned(),
        text: text.to_owned(),
    };
    assert_eq!(
        searched,
        [
            section("", "", "Intro mise en avant\u{a0}: l'idée"),
            section("a", "Première partie", "Un deux Sans id trois quatre"),
        ]
    );
    let plain = sections().section("guide.html", "Guide", "texte").unwrap();
    assert_eq!(plain.searched, [section("", "", "texte")]);
}

/// A part passed again on a thread is taken from its memo: what it makes and tells the search
/// must be what its own pass gives, and a part holding an id or a link is passed again for
/// each page, since its rewriting depends on the page.
#[test]
fn a_part_passed_again_gives_what_its_own_pass_gives() {
    let alone =
        "<h1>Titre</h1>\n<p>Un &amp; deux</p><details><summary>Plus</summary>trois</details>";
    let with_id = "<h2 id=\"a\">Titre</h2>\n<p>Un</p>";
    let with_link = "<p><a href=\"guide.html\">Guide</a></p>";
    type Passed = (String, Vec<String>, Vec<String>, Vec<search::Section>);
    fn pass(path: &str, body: &str) -> Passed {
        let rewritten = sections().section(path, "T", body).unwrap();
        let section = rewritten.section.body.to_string();
        (
            section,
            rewritten.ids,
            rewritten.fragments,
            rewritten.searched,
        )
    }
    // On a thread of its own, so that nothing was remembered before.
    fn fresh(path: &'static str, body: &'static str) -> Passed {
        std::thread::spawn(move || pass(path, body)).join().unwrap()
    }
    std::thread::spawn(move || {
        for body in [alone, with_id, with_link] {
            for path in ["index.html", "guide.html", "fiches/un.html", "guide.html"] {
                assert_eq!(pass(path, body), fresh(path, body), "{path}: {body}");
            }
        }
    })
    .join()
    .unwrap();
}

#[test]
fn a_long_edition_is_cut_into_volumes_and_links_cross_them() {
    assert_eq!(volumes("impression.html", VOLUME_PAGES).len(), 1);
    let paths: Vec<String> = (0..VOLUME_PAGES * 2 + 5)
        .map(|i| format!("p{i}.html"))
        .collect();
    let paths: Vec<&str> = paths.iter().map(String::as_str).collect();
    let edition = Edition::new(&paths, "impression.html");
    let cut: Vec<(&str, usize)> = edition
        .volumes()
        .iter()
        .map(|v| (v.path.as_str(), v.pages.len()))
        .collect();
    assert_eq!(
        cut,
        [
            ("impression-1.html", VOLUME_PAGES),
            ("impression-2.html", VOLUME_PAGES),
            ("impression-3.html", 5)
        ]
    );
    let index = &edition.index;
    let id = section_id("p0.html");
    // In the same volume, an anchor of the file; in another, of that volume's file.
    assert_eq!(
        index.relink("p0.html", &id, "p1.html"),
        ("#page-p1".to_owned(), true)
    );
    let far = index.relink("p0.html", &id, "p2003.html#regle");
    assert_eq!(
        far,
        ("impression-3.html#page-p2003--regle".to_owned(), true)
    );
    // An anchor the page lacks leads to its section's start, in its volume too.
    let bodies: Vec<Rewritten> = [
        ("p0.html", r##"<a href="p2003.html#absente">a</a>"##),
        ("p2003.html", r#"<h2 id="regle">Règle</h2>"#),
    ]
    .into_iter()
    .map(|(path, body)| index.section(path, path, body).unwrap())
    .collect();
    let bodies: Vec<&Rewritten> = bodies.iter().collect();
    let sections = assemble(&bodies, &ids_of(&bodies), &mut Diagnostics::new());
    assert_eq!(
        sections[0].body.as_str().unwrap(),
        r##"<a href="impression-3.html#page-p2003">a</a>"##
    );
}

/// Every id of `bodies`.
fn ids_of(bodies: &[&Rewritten]) -> Ids {
    bodies.iter().flat_map(|b| b.ids.iter().cloned()).collect()
}
