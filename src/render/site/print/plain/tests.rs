use proptest::prelude::*;

use super::*;
use crate::render::site::print::pass::Pass;
use crate::render::site::print::{Sections, volumes};

fn sections() -> Sections {
    let paths = ["index.html", "guide.html", "fiches/un.html"];
    Sections::new(&paths, &volumes("impression.html", paths.len()))
}

/// `part` passed without a parser, checked against lol_html's pass over it: the same rewriting,
/// the same steps told to the collector, the same ids and links met.
fn passed(part: &str) -> Option<String> {
    let sections = sections();
    let mut plain = Pass::new(&sections, "fiches/un.html");
    let Some(without) = pass(part, &mut plain.targets) else {
        let untouched = plain.targets.ids.is_empty() && plain.targets.fragments.is_empty();
        assert!(untouched, "{part:?} left ids or links behind");
        return None;
    };
    let mut parser = Pass::new(&sections, "fiches/un.html");
    let (parsed, back) = parser.parse(part, true).unwrap();
    assert!(
        back,
        "{part:?} is plain, but a parser is not back where a page starts"
    );
    assert_eq!(without.rewritten, parsed.rewritten, "{part:?}");
    assert_eq!(without.steps, parsed.steps, "{part:?}");
    assert_eq!(without.alone, parsed.alone, "{part:?}");
    assert_eq!(plain.targets.ids, parser.targets.ids, "{part:?}");
    assert_eq!(
        plain.targets.fragments, parser.targets.fragments,
        "{part:?}"
    );
    Some(without.rewritten)
}

#[test]
fn plain_parts_are_passed_as_lol_html_passes_them() {
    let parts = [
        // A content page's first part, its title different on every page.
        "<div class=\"container\">\n\n<h1>Situation</h1>\n<div class=\"prose\">",
        "<h2 id=\"t\">Titre</h2><p>Un &amp; deux&nbsp;: l&#39;idée</p><a href=\"../guide.html#regle\">r</a>",
        "<H2 ID='t' Class=x>T</H2><img src=\"a.png\" alt=\"\"/><br>",
        "<details class=\"apercu\"><summary>Aperçu</summary><p>x</p></details>",
        "<details open><summary>s</summary></details><details OPEN=no></details>",
        "<div aria-labelledby=\"a b\"><label for=\"c\">C</label><input id=\"c\" disabled/></div>",
        "<td headers=\"h1 h2\">1</td><a href=\"https://example.org/\">e</a><a href=\"#a\">a</a>",
        "</div>\n</div>\n",
        "<p>un<p>deux</div></p>",
        "<span><h3 id=x>a</h3></span></br>",
    ];
    for part in parts {
        assert!(
            passed(part).is_some(),
            "{part:?} is passed without a parser"
        );
    }
    assert_eq!(
        passed("<h1>T</h1><h2 id=\"t\">S</h2>").unwrap(),
        "<h2>T</h2><h3 id=\"page-fiches-un--t\">S</h3>"
    );
}

#[test]
fn other_parts_are_left_to_lol_html() {
    let parts = [
        "<p>a</p><!-- c --><h2 id=\"t\">T</h2>",
        "<h2 id=\"t\">T</h2><script>var x = '<p>';</script>",
        "<svg><rect fill=\"url(#m)\"/></svg>",
        "<div><p>a</div>",
        "<a href=\"x.html\" href=\"y.html\">",
        "<p>a < b</p>",
        "<a title=\"a>b\">",
        "<div",
        "<a href=\"x\"title=\"y\">",
    ];
    for part in parts {
        assert_eq!(passed(part), None, "{part:?}");
    }
}

/// A piece of a part: text, a start or end tag, now and then something that is not plain.
fn piece() -> impl Strategy<Value = String> {
    let text = "(Intro |a &amp; b| |\n|x > y|&nbsp;:|é|l&#39;idée|&lt;p|\r\n|a\u{0}b|&amp)";
    let name = "(div|p|a|h1|h2|h3|h4|h6|span|em|li|details|summary|img|br|input|td|DIV|H2|x-y)";
    let attribute = (
        "( |\n|  )",
        "(id|ID|href|HREF|src|class|for|aria-labelledby|headers|fill|open|Open|data-x|name)",
        "(=|)",
        "(\"|'|)",
        "(x|a b|#t|\\.\\./guide\\.html#regle|guide\\.html|url\\(#m\\)|https://e\\.org/|a&amp;b|a\"b|)",
    )
        .prop_map(|(space, name, equals, quote, value)| {
            format!("{space}{name}{equals}{quote}{value}{quote}")
        });
    let start = (
        name,
        proptest::collection::vec(attribute, 0..3),
        "(>|/>| >)",
    )
        .prop_map(|(name, attributes, close)| format!("<{name}{}{close}", attributes.concat()));
    let end = (name, "(>| >)").prop_map(|(name, close)| format!("</{name}{close}"));
    let rare = "(<!-- c -->|<script>x</script>|<svg>|</svg>|<title>t</title>|< a|<!doctype html>)";
    prop_oneof![4 => text, 4 => start, 3 => end, 1 => rare]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    /// Whatever a part holds, a part passed without a parser is passed as lol_html passes it.
    #[test]
    fn a_part_passed_without_a_parser_is_passed_as_lol_html_passes_it(
        pieces in proptest::collection::vec(piece(), 0..12),
    ) {
        passed(&pieces.concat());
    }
}
