use super::*;
use scan::scan_around;
use std::ops::Range;

fn html(path: &str, body: &str) -> OutputFile {
    OutputFile::new(
        path,
        format!("<!doctype html><body>{body}</body>").into_bytes(),
    )
}

/// Scans and checks `files` as a build does.
fn check_files(files: &[OutputFile], written: &[SourceLink]) -> Diagnostics {
    let (scans, mut problems) = Scans::new(files, &[], &[], &[], None);
    let site = Finished {
        files,
        passed: &[],
        read_back: &|_| None,
        stand_ins: &[],
    };
    problems.extend(check(site, &scans, written, NotJudged::default(), None));
    problems
}

fn messages(problems: &Diagnostics) -> Vec<String> {
    problems.iter().map(|d| d.message.english()).collect()
}

#[test]
fn resolves_relative_urls_like_a_browser() {
    let ok = |path: &str, fragment: Option<&'static str>| Resolved::File {
        path: path.to_owned(),
        fragment: fragment.map(Cow::Borrowed),
    };
    assert_eq!(resolve("a/b.html", "../c.html#x"), ok("c.html", Some("x")));
    assert_eq!(resolve("a/b.html", "#x"), ok("a/b.html", Some("x")));
    assert_eq!(resolve("a/b.html", "d%20e.pdf?v=2"), ok("a/d e.pdf", None));
    assert_eq!(resolve("a/b.html", "./"), ok("a/index.html", None));
    assert_eq!(resolve("a/b.html", "../../c.html"), Resolved::OutOfSite);
    for external in [
        "https://x.org/",
        "mailto:a@b.c",
        "//cdn.org/x.js",
        "/abs.html",
    ] {
        assert_eq!(
            resolve("a/b.html", external),
            Resolved::Unchecked,
            "{external}"
        );
    }
    assert!(has_scheme("data:image/png;base64,AA") && !has_scheme("a/b:c.html"));
}

#[test]
fn finds_missing_files_anchors_and_escapes_but_accepts_assets() {
    let files = [
        html(
            "index.html",
            r##"<h2 id="plan">P</h2><a name="ancre"></a>
            <a href="a/page.html#objectifs">ok</a> <a href="#ancre">ok</a>
            <img src="assets/logo.svg" srcset="assets/logo.svg 1x, assets/grand.svg 2x">
            <a href="documents/fiche.odt">ok</a> <a href="#top">ok</a>
            <a href="https://example.org/#nope">external</a>
            <svg><use xlink:href="assets/icons.svg#x"/></svg>"##,
        ),
        html(
            "a/page.html",
            r#"<h2 id="objectifs">O</h2><a href="../index.html#plann">x</a>
            <a href="../../out.html">x</a><a href="absente.html">x</a>"#,
        ),
        OutputFile::new("assets/logo.svg", Vec::new()),
        OutputFile::new("assets/icons.svg", Vec::new()),
        OutputFile::new("documents/fiche.odt", Vec::new()),
    ];
    let problems = check_files(&files, &[]);
    assert_eq!(
        messages(&problems),
        [
            "broken link `assets/grand.svg`: the site has no file assets/grand.svg",
            "broken link `../index.html#plann`: no anchor `#plann` in index.html",
            "broken link `../../out.html`: it leads out of the site",
            "broken link `absente.html`: the site has no file a/absente.html",
        ]
    );
    let anchor = problems.iter().nth(1).unwrap();
    assert!(
        anchor.hint.as_ref().unwrap().english().contains("#plan"),
        "{anchor:?}"
    );
    let page = String::from_utf8_lossy(&files[1].bytes);
    let column = page.find("../index.html#plann").unwrap() + 1;
    assert_eq!(
        anchor.location().unwrap(),
        format!("a/page.html:1:{column}")
    );
}

#[test]
fn same_template_link_is_reported_once_for_all_pages() {
    let nav = r##"<a href="index.html#absent">x</a>"##;
    let files: Vec<OutputFile> = ["index.html", "b.html", "c.html"]
        .iter()
        .map(|p| html(p, nav))
        .collect();
    let problems = check_files(&files, &[]);
    assert_eq!(problems.error_count(), 1, "{:?}", messages(&problems));
    let problem = problems.iter().next().unwrap();
    assert!(english(&problem.label).contains("2 other pages"));
    assert!(english(&problem.hint).contains("template"));
}

#[test]
fn the_same_url_is_judged_from_each_page() {
    // Enough pages that each core judges many of them: a URL judged once must still be judged
    // from the folder of every page, and a link within a page from that page.
    let mut files = Vec::new();
    for n in 0..64 {
        let anchor = if n == 0 {
            r#"<h2 id="here">h</h2>"#
        } else {
            ""
        };
        let links = r##"<a href="c.html">c</a><a href="#here">h</a>"##;
        files.push(html(&format!("p{n}.html"), &format!("{anchor}{links}")));
        files.push(html(&format!("sub/p{n}.html"), r#"<a href="c.html">c</a>"#));
    }
    files.push(html("c.html", ""));
    let problems = check_files(&files, &[]);
    let messages = messages(&problems);
    let no_anchor = messages.iter().filter(|m| m.contains("no anchor `#here`"));
    assert_eq!(no_anchor.count(), 63, "{messages:?}");
    let no_file = "broken link `c.html`: the site has no file sub/c.html";
    assert_eq!(messages.iter().filter(|m| *m == no_file).count(), 1);
    assert_eq!(messages.len(), 64, "{messages:?}");
}

#[test]
fn broken_markdown_link_is_reported_at_its_source_only() {
    let source = SourceText::new("content/pages/b.md", "Voir [la suite](#suite).\n");
    let written = SourceLink {
        page: "b.html".to_owned(),
        written: "#suite".to_owned(),
        href: "#suite".to_owned(),
        span: source.span(5..23),
    };
    let files = [html("b.html", r##"<a href="#suite">la suite</a>"##)];
    let problems = check_files(&files, &[written]);
    assert_eq!(problems.error_count(), 1);
    let problem = problems.iter().next().unwrap();
    assert_eq!(problem.location().unwrap(), "content/pages/b.md:1:6");
    assert!(!english(&problem.hint).contains("template"));
}

#[test]
fn entities_and_percent_encoding_are_decoded() {
    let files = [html(
        "index.html",
        r##"<h2 id="l&#x27;été">x</h2><a href="#l'%C3%A9t%C3%A9">ok</a><a href="index.html?a=1&amp;b=2">ok</a>"##,
    )];
    assert!(check_files(&files, &[]).is_empty());
}

/// Checks `after`, changed from `before` (whose check passed) at the pages `changed`, as serve
/// checks a one-page rebuild: the messages.
fn check_after(before: &[OutputFile], after: &[OutputFile], changed: &[&str]) -> Vec<String> {
    let (scans, _) = Scans::new(before, &[], &[], &[], None);
    let changed: HashSet<String> = changed.iter().map(|&path| path.to_owned()).collect();
    let previous = Previous {
        scans: &scans,
        changed: &changed,
        checked: Some((before, &[])),
    };
    let (again, mut problems) = Scans::new(after, &[], &[], &[], Some(previous));
    let site = Finished {
        files: after,
        passed: &[],
        read_back: &|_| None,
        stand_ins: &[],
    };
    let checked = check(site, &again, &[], NotJudged::default(), Some(previous));
    problems.extend(checked);
    messages(&problems)
}

#[test]
fn after_a_good_build_only_what_a_change_may_break_is_judged() {
    let site = |b: &str| {
        vec![
            html(
                "a.html",
                r##"<a href="b.html#x">b</a><a href="c.html">c</a>"##,
            ),
            html("b.html", b),
            html("c.html", ""),
        ]
    };
    let before = site(r#"<h2 id="x">x</h2>"#);
    // A changed page's own links are judged; its anchors kept, the other pages' links are not
    // judged again (a broken one planted in a page not changed goes unseen: it was vouched for).
    let mut after = site(r#"<h2 id="x">x</h2><h2 id="y">y</h2><a href="d.html">d</a>"#);
    after[2] = html("c.html", r#"<a href="planted.html">p</a>"#);
    let mut vouched = before.clone();
    vouched[2] = after[2].clone();
    assert_eq!(
        check_after(&vouched, &after, &["b.html"]),
        ["broken link `d.html`: the site has no file d.html"]
    );
    // A changed page that loses an anchor: every page's links are judged.
    let after = site(r#"<h2 id="y">y</h2>"#);
    assert_eq!(
        check_after(&before, &after, &["b.html"]),
        ["broken link `b.html#x`: no anchor `#x` in b.html"]
    );
    // A file gone: every page's links are judged.
    let mut after = before.clone();
    after.pop();
    assert_eq!(
        check_after(&before, &after, &[]),
        ["broken link `c.html`: the site has no file c.html"]
    );
}

/// A hint or label in English (empty when there is none).
fn english(message: &Option<crate::catalogue::Message>) -> String {
    message.as_ref().map(|m| m.english()).unwrap_or_default()
}

/// A scan as comparable data: its anchors sorted, its links in order with their tags.
fn comparable(scan: &Scan) -> (Vec<&String>, Vec<(&str, Range<usize>)>) {
    let mut ids: Vec<&String> = scan.ids.iter().collect();
    ids.sort();
    let links = scan.links.iter().map(|f| (f.url, f.tag));
    (ids, links.collect())
}

/// What one lol_html parse of the whole file finds, without the memo of lines.
fn parsed_whole(file: &OutputFile) -> Scan {
    let (chunk, _) = scan::parse(&file.path, &file.bytes, false).unwrap();
    let mut whole = Scan::default();
    chunk.add_to(&mut whole, 0);
    whole
}

#[test]
fn pages_scanned_around_their_known_texts_scan_as_a_whole_parse_does() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let (model, problems) = crate::load::load(root);
    assert!(!problems.has_errors());
    let theme = crate::render::theme::Theme::load(root).unwrap();
    let (rendering, problems) =
        crate::render::render(&model.unwrap(), &theme, &crate::render::Keep, false);
    assert!(!problems.has_errors());
    let files = &rendering.files;
    assert!(
        rendering.known.len() >= 10,
        "{} known parts",
        rendering.known.len()
    );
    // Twice: the second time, every line comes from the memo.
    for _ in 0..2 {
        let (around, _) = Scans::new(files, &[], &[], &rendering.known, None);
        let html = files.iter().filter(|f| is_html(&f.path));
        for ((path, around), file) in around.0.iter().zip(html) {
            assert_eq!(path, &file.path);
            assert_eq!(
                comparable(around),
                comparable(&parsed_whole(file)),
                "{path}"
            );
        }
    }
    // Not vacuous: the known parts hold links and anchors.
    let known = rendering.known.iter();
    assert!(known.clone().any(|k| !k.links.is_empty()));
    assert!(known.clone().any(|k| !k.anchors.is_empty()));
}

#[test]
fn lines_a_parser_must_read_together_are_scanned_as_a_whole_parse_does() {
    // Templates whose markup runs over lines: a line read alone would be read otherwise.
    let bodies = [
        "<a\n  href=\"tag.html\"\n  id=\"t\">x</a>\n<a href=\"after.html\">y</a>",
        "<a title=\"a >\nb\" href=\"attribute.html\">x</a>\n<p id=\"p\">z</p>",
        "<!-- <a href=\"commented.html\">\n<a href=\"still-commented.html\"> -->\n<a href=\"out.html\">",
        "<script>\nlet a = '<a href=\"script.html\">';\n</script>\n<a href=\"out.html\">",
        "<textarea>\n<a href=\"textarea.html\">\n</textarea><a id=\"after-textarea\">",
        "<svg>\n<title><a href=\"svg-title.html\">t</a></title>\n<style>\n<a href=\"svg-style.html\"></a>\n</style></svg>",
        "<svg><foreignObject>\n</foreignObject><style>\n<a href=\"foreign.html\"></a>\n</style></svg>",
        "<plaintext>\n<a href=\"plain.html\">",
        "<a href=unquoted.html\nid=u>x</a>",
        "<title>T</title>\n<a href=\"same.html\">\n<a href=\"same.html\">",
        // Lines read tag by tag, whose tags a parser must read with what follows.
        "<p><a title=\"a > b\" href=\"attribute-line.html\">x</a> <b id=\"b\">y</b></p>",
        "<p>un <!-- <a href=\"commented-line.html\"> --> deux <a href=\"d.html\">d</a></p>",
        "<p>a < b <a href=\"lt.html\" id=\"lt\">x</a> c > d</p>",
        "<p><script>var a = '<a href=\"script-line.html\">';</script><a href=\"after.html\">a</a></p>",
        "<p><textarea><a href=\"textarea-line.html\"></textarea><a id=\"t2\">t</a></p>",
    ];
    // A line too long to be remembered: read again each time.
    let long = format!(
        "<p>{}</p>\n<a href=\"long.html\">",
        "<a href=\"x.html\">x</a>".repeat(200)
    );
    for body in bodies.iter().copied().chain([long.as_str()]) {
        let file = html("a.html", body);
        for _ in 0..2 {
            let scanned = scan_file(&file, Reading::Whole).unwrap();
            assert_eq!(
                comparable(&scanned),
                comparable(&parsed_whole(&file)),
                "{body:?}"
            );
        }
    }
    // Not vacuous: what lies in a comment, a script or a textarea is not taken for a link.
    let scanned = scan_file(&html("b.html", bodies[2]), Reading::Whole).unwrap();
    let urls: Vec<&str> = scanned.links.iter().map(|f| f.url).collect();
    assert_eq!(urls, ["out.html"]);
}

#[test]
fn a_known_part_where_a_parser_would_not_read_it_is_parsed_with_its_page() {
    let part = "<p><a href=\"b.html#x\">b</a></p>";
    for before in ["<script>", "<!-- ", "<div title=\"", "<textarea>"] {
        let page = format!("<!doctype html><body>{before}{part}</body>");
        let file = OutputFile::new("a.html", page.clone().into_bytes());
        let start = page.find(part).unwrap();
        let known = KnownPart {
            path: "a.html".to_owned(),
            range: start..start + part.len(),
            anchors: vec!["y".to_owned()],
            links: vec![("b.html#x".to_owned(), start + 3..start + 22)],
        };
        assert!(scan_around(&file, &known).is_none(), "{before:?}");
    }
}

#[test]
fn attribute_names_are_read_whatever_their_case() {
    let files = [html(
        "index.html",
        r##"<H2 ID="Plan">P</H2><A HREF="#Plan">ok</A> <a Href="absente.html">x</a>"##,
    )];
    let problems = check_files(&files, &[]);
    assert_eq!(
        messages(&problems),
        ["broken link `absente.html`: the site has no file absente.html"]
    );
}
