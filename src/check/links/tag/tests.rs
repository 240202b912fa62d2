use proptest::prelude::*;

use super::*;
use crate::check::links::scan::parse;

/// What lol_html reads in `piece` alone, when a parser is then back where a page starts.
fn parsed(piece: &str) -> Option<Chunk> {
    let (chunk, alone) = parse("a.html", piece.as_bytes(), true).unwrap();
    alone.then_some(chunk)
}

/// What `piece` holds, read as plain, checked against lol_html's reading.
fn read(piece: &str) -> Option<Chunk> {
    let mut chunk = Chunk::default();
    let plain = read_plain(piece.as_bytes(), 0, &mut chunk).then_some(chunk);
    if let Some(plain) = &plain {
        assert_eq!(Some(plain), parsed(piece).as_ref(), "{piece:?}");
    }
    plain
}

#[test]
fn plain_tags_are_read_as_a_parser_reads_them() {
    let pieces = [
        r#"<a href="b.html#x" class="c">"#,
        r#"<h2 id="plan">"#,
        r#"<img src="a.png" srcset="a.png 1x, b.png 2x" alt="">"#,
        "</a>",
        "</div >",
        r#"<A HREF="X.html" ID="Y">"#,
        r#"<a name="n" id='m'>"#,
        "<link rel=stylesheet href=style.css>",
        "<br/>",
        r#"<img src="i.png"/>"#,
        "<input disabled>",
        "<a href=a/b/>",
        "<my-element\n  id=\"e\"\tdata-x = \"1\" >",
        r#"<a href="l&amp;x.html" id="&eacute;t&eacute;">"#,
        r#"<a href="ça.html" title="« là »">"#,
    ];
    for piece in pieces {
        assert!(read(piece).is_some(), "{piece:?} is read without a parser");
    }
}

#[test]
fn other_tags_are_left_to_the_parser() {
    let pieces = [
        "<!-- <a href=\"x.html\"> -->",
        "<!doctype html>",
        r#"<script src="a.js">"#,
        "<svg>",
        "</svg>",
        "<title>",
        "<TextArea>",
        r#"<a href="x.html" href="y.html">"#,
        r#"<a href="x.html"id="y">"#,
        "< a>",
        "<1a>",
        r#"<a href=x"y>"#,
        "<a href=>",
        r#"<a / href="x.html">"#,
        r#"<a href="x.html>"#,
        r#"<a "href"="x.html">"#,
        "<a href=\"x.html\">text",
    ];
    for piece in pieces {
        let mut chunk = Chunk::default();
        assert!(!read_plain(piece.as_bytes(), 0, &mut chunk), "{piece:?}");
        assert_eq!(chunk, Chunk::default(), "{piece:?}: nothing added");
    }
}

/// `common`, or now and then `rare`: tags as templates write them, and what a tokenizer reads
/// otherwise.
fn mostly(common: &'static str, rare: &'static str) -> impl Strategy<Value = String> {
    prop_oneof![9 => common, 1 => rare]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    /// Whatever a tag holds, a tag read without a parser is read as lol_html reads it.
    #[test]
    fn a_tag_read_without_a_parser_is_read_as_lol_html_reads_it(
        end in proptest::bool::weighted(0.1),
        name in mostly("(a|A|p|h2|img|link|div|x-y)", "(svg|math|title|script|textarea|1a|a!|)"),
        attributes in proptest::collection::vec(
            (
                mostly("( |\n|\t|  )", "(/| / |)"),
                mostly("(id|ID|name|href|HREF|src|srcset|xlink:href|class)", "(x\"y|=a|)"),
                mostly("=", "( ?= ?|)"),
                "(\"|'|)",
                mostly("[a-zA-Z0-9 &;#./,-]{0,10}", "[a-z\"'<=`]{0,4}"),
            ),
            0..4,
        ),
        close in mostly("(>|/>)", "( >| />|)"),
    ) {
        let mut piece = format!("<{}{name}", if end { "/" } else { "" });
        for (space, attribute, equals, quote, value) in &attributes {
            piece.push_str(&format!("{space}{attribute}{equals}{quote}{value}{quote}"));
        }
        piece.push_str(&close);
        read(&piece);
    }
}
