//! A Markdown text's copy for the print edition, and its search text, made from the Markdown
//! renderer's own events rather than by parsing the HTML written from them.
//!
//! Most of a content page's body is its Markdown text. Once that text's HTML is written, the
//! events the edition writes otherwise are written again and spliced into a copy of it (heading
//! ids prefixed with the section's, headings one level down, links turned into links between
//! sections by the same rule as the HTML pass of `print`), and the start tags, end tags and text
//! the HTML holds are recorded for the search's [`search::Collector`], in the order an HTML pass
//! would meet them. The result must be exactly what `print`'s lol_html pass makes of the text's
//! HTML (tests compare the two); a text with anything this module does not write the same way (raw
//! HTML, images, footnotes, heading attributes, ids with characters HTML escapes) gets `None`, and
//! its body takes the HTML pass.

use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Tag, TagEnd};
use pulldown_cmark_escape::{escape_href, escape_html};

use crate::render::KnownPart;
use crate::render::html;
use crate::render::markdown::{HEADER_CELL, HEADER_CELL_END, Written};
use crate::render::search::{self, Steps};

use super::print::{Sections, anchor_id, level_on_paper, section_id};

/// A Markdown text as it stands in the print edition.
#[derive(Debug, Clone, Default)]
pub struct PrintedText {
    /// The text's HTML, rewritten for the edition.
    pub html: String,
    /// Its ids, prefixed.
    pub ids: Vec<String>,
    /// Its links to anchors of the edition.
    pub fragments: Vec<String>,
    /// What an HTML pass over the site's HTML of the text tells the search's collector.
    pub steps: Steps,
    /// The site's HTML of the text: its anchors, and its links' URLs as written in it.
    pub site_anchors: Vec<String>,
    pub site_links: Vec<String>,
}

/// The edition's copy of the text whose (site) events are `events`, written as `site`, on the
/// page at `path`; `None` when only the HTML pass can make it.
pub fn printed(
    sections: &Sections,
    path: &str,
    events: &[Event],
    site: Written,
) -> Option<PrintedText> {
    let id = section_id(path);
    // A step or two per event (a table head's are two), and less text than HTML: made once,
    // dropped with the page.
    let mut text = PrintedText {
        steps: Steps::with_capacity(events.len() * 3 / 2, site.html.len()),
        ..PrintedText::default()
    };
    // The events the edition writes otherwise, with their index; it copies the others' HTML.
    let mut changed = Vec::new();
    for (index, event) in events.iter().enumerate() {
        let copy = match event {
            Event::Start(Tag::Heading {
                level,
                id: heading_id,
                classes,
                attrs,
            }) if attrs.is_empty() => {
                let prefixed = text.heading(&id, *level, heading_id.as_deref()?)?;
                Some(Event::Start(Tag::Heading {
                    level: one_down(*level),
                    id: Some(prefixed.into()),
                    classes: classes.clone(),
                    attrs: Vec::new(),
                }))
            }
            Event::End(TagEnd::Heading(level)) => {
                text.end(heading_name(*level));
                Some(Event::End(TagEnd::Heading(one_down(*level))))
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            }) => {
                text.start("a", None);
                let tag = link_tag(sections, path, &id, *link_type, dest_url, title, &mut text);
                Some(Event::InlineHtml(tag.into()))
            }
            // The others' HTML is the site's: only the search's steps are taken from them.
            Event::Html(html) if html.as_ref() == HEADER_CELL => {
                text.start("th", None);
                None
            }
            Event::Html(html) if html.as_ref() == HEADER_CELL_END => {
                text.end("th");
                None
            }
            Event::Text(t) => {
                text.text(t);
                None
            }
            Event::Code(t) => {
                text.start("code", None);
                text.text(t);
                text.end("code");
                None
            }
            Event::SoftBreak => {
                text.text("\n");
                None
            }
            // Void elements: an HTML pass meets no end tag.
            Event::HardBreak => {
                text.start("br", None);
                None
            }
            Event::Rule => {
                text.start("hr", None);
                None
            }
            Event::TaskListMarker(_) => {
                text.start("input", None);
                None
            }
            Event::Start(tag) => {
                for name in elements(&tag.to_end())? {
                    text.start(name, None);
                }
                None
            }
            Event::End(end) => {
                for name in elements(end)?.iter().rev() {
                    text.end(name);
                }
                None
            }
            _ => return None,
        };
        changed.extend(copy.map(|copy| (index, copy)));
    }
    text.html = spliced(site, changed);
    Some(text)
}

/// The site's HTML of a text, the HTML of the events at the indexes of `changed` replaced by that
/// of their copies: everything else an edition's text writes as the site's does, and leaves the
/// writer as it does (no copy changes whether what it writes ends a line).
fn spliced(site: Written, changed: Vec<(usize, Event)>) -> String {
    let mut html = String::with_capacity(site.html.len() + 32 * changed.len());
    let mut copied = 0;
    let mut alone = String::new();
    for (index, copy) in changed {
        html.push_str(&site.html[copied..site.starts[index]]);
        alone.clear();
        pulldown_cmark::html::push_html(&mut alone, std::iter::once(copy));
        // A heading starts a line: after text that does not end one, the writer breaks it first.
        if site.of(index).starts_with('\n') && !alone.starts_with('\n') {
            html.push('\n');
        }
        html.push_str(&alone);
        copied = site.starts[index + 1];
    }
    html.push_str(&site.html[copied..]);
    html
}

/// The text's part of its page, for the link check: `site` is the text's HTML for the site, and
/// `page` the page holding it. `None` unless the page holds it once, its links where expected.
pub fn known_part(path: &str, page: &[u8], site: &str, text: &PrintedText) -> Option<KnownPart> {
    const LINK: &str = "<a href=\"";
    let start = html::once(page, site.as_bytes())?;
    let mut links = Vec::with_capacity(text.site_links.len());
    let mut from = 0;
    let link = memchr::memmem::Finder::new(LINK);
    // Text and code are escaped: every link start tag of the text is one of its links.
    for url in &text.site_links {
        let at = from + link.find(&site.as_bytes()[from..])?;
        let written = site[at + LINK.len()..].strip_prefix(url.as_str())?;
        if !written.starts_with('"') {
            return None;
        }
        let end = at + site[at..].find('>')? + 1;
        links.push((url.clone(), start + at..start + end));
        from = end;
    }
    Some(KnownPart {
        path: path.to_owned(),
        range: start..start + site.len(),
        anchors: text.site_anchors.clone(),
        links,
    })
}

impl PrintedText {
    fn start(&mut self, name: &str, id: Option<&str>) {
        self.steps.start(search::Tag::of(name), id);
    }

    fn end(&mut self, name: &str) {
        self.steps.end(search::Tag::of(name));
    }

    /// A heading of the site's HTML with the id `heading_id`: its id in the edition. `None` for
    /// an id HTML escapes (the HTML pass would read it escaped).
    fn heading(&mut self, section: &str, level: HeadingLevel, heading_id: &str) -> Option<String> {
        if heading_id.contains(['&', '<', '>', '"', '\'']) {
            return None;
        }
        let prefixed = anchor_id(section, heading_id);
        self.ids.push(prefixed.clone());
        self.site_anchors.push(heading_id.to_owned());
        self.start(heading_name(level), Some(heading_id));
        Some(prefixed)
    }

    fn text(&mut self, text: &str) {
        self.steps.text(text);
    }
}

/// The start tag of a link in the edition: the site's URL as pulldown-cmark writes it (escaped),
/// led where the HTML pass would lead it, and written back as lol_html writes a changed attribute.
fn link_tag(
    sections: &Sections,
    path: &str,
    id: &str,
    link_type: LinkType,
    dest_url: &CowStr,
    title: &CowStr,
    text: &mut PrintedText,
) -> String {
    let mut href = String::new();
    if link_type == LinkType::Email {
        href.push_str("mailto:");
    }
    // Writing to a String cannot fail.
    let _ = escape_href(&mut href, dest_url);
    let (url, in_edition) = sections.relink(path, id, &href);
    let mut tag = String::with_capacity(url.len() + 16);
    tag.push_str("<a href=\"");
    for (i, piece) in url.split('"').enumerate() {
        if i > 0 {
            tag.push_str("&quot;");
        }
        tag.push_str(piece);
    }
    tag.push('"');
    if in_edition {
        text.fragments.push(url);
    }
    text.site_links.push(href);
    if !title.is_empty() {
        tag.push_str(" title=\"");
        let _ = escape_html(&mut tag, title);
        tag.push('"');
    }
    tag.push('>');
    tag
}

fn heading_name(level: HeadingLevel) -> &'static str {
    match level {
        HeadingLevel::H1 => "h1",
        HeadingLevel::H2 => "h2",
        HeadingLevel::H3 => "h3",
        HeadingLevel::H4 => "h4",
        HeadingLevel::H5 => "h5",
        HeadingLevel::H6 => "h6",
    }
}

/// The heading's level in the edition, by the HTML pass's rule.
fn one_down(level: HeadingLevel) -> HeadingLevel {
    HeadingLevel::try_from(level_on_paper(level as usize)).unwrap_or(HeadingLevel::H6)
}

/// The elements pulldown-cmark opens for a tag and closes at its `end`, outermost first; `None`
/// for what this module leaves to the HTML pass. (A table's `tbody` is left out: it opens with
/// its first row, and both only break words.)
fn elements(end: &TagEnd) -> Option<&'static [&'static str]> {
    Some(match end {
        TagEnd::Paragraph => &["p"],
        TagEnd::BlockQuote(_) => &["blockquote"],
        TagEnd::CodeBlock => &["pre", "code"],
        TagEnd::List(true) => &["ol"],
        TagEnd::List(false) => &["ul"],
        TagEnd::Item => &["li"],
        TagEnd::Table => &["table"],
        TagEnd::TableHead => &["thead", "tr"],
        TagEnd::TableRow => &["tr"],
        TagEnd::TableCell => &["td"],
        TagEnd::Emphasis => &["em"],
        TagEnd::Strong => &["strong"],
        TagEnd::Strikethrough => &["del"],
        TagEnd::Link => &["a"],
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::diagnostic::{Diagnostics, SourceText};
    use crate::render::markdown::{LinkTargets, Markdown, Placement, render_also};
    use crate::render::site::print::{Edition, Rewritten};

    /// The page the texts stand on, and the others of the edition.
    const PATH: &str = "guide/lecture.html";
    const PAGES: &[&str] = &["index.html", "guide/lecture.html", "guide/regle.html"];

    /// What a page template writes around its Markdown text.
    const AROUND: [&str; 2] = [
        "<h1>Lecture</h1>\n<div class=\"prose\">\n",
        "\n</div>\n<section aria-labelledby=\"t\"><h2 id=\"t\">Table</h2><p>Fin</p></section>\n",
    ];

    /// The text's HTML for the site and its copy for the edition (`None` when it has none).
    fn render(text: &str) -> (String, Option<PrintedText>) {
        let source = SourceText::new("content/pages/lecture.md", text);
        let markdown = Markdown {
            text,
            source: &source,
            placement: Placement::At(0),
            page_path: PATH,
        };
        let edition = Edition::new(PAGES, "impression.html");
        let mut copy = None;
        let mut print = |events: &[Event], site: Written| {
            copy = printed(edition.sections(), PATH, events, site)
        };
        let (mut problems, mut links) = (Diagnostics::new(), Vec::new());
        let targets = LinkTargets::default();
        let html = render_also(
            &markdown,
            "fr",
            &targets,
            &mut problems,
            &mut links,
            Some(&mut print),
        );
        (html, copy)
    }

    /// The section made with the HTML pass over the whole body, and with the text's copy.
    fn both_ways(text: &str, around: [&str; 2]) -> (Rewritten, Option<Rewritten>) {
        let (html, copy) = render(text);
        let sections = Edition::new(PAGES, "impression.html");
        let sections = sections.sections();
        let whole = format!("{}{html}{}", around[0], around[1]);
        let by_pass = sections.section(PATH, "Lecture", &whole).unwrap();
        let by_events = copy.and_then(|copy| {
            sections
                .section_around(PATH, "Lecture", around, &copy)
                .unwrap()
        });
        (by_pass, by_events)
    }

    fn assert_same(text: &str, around: [&str; 2]) {
        let (by_pass, by_events) = both_ways(text, around);
        let by_events = by_events.unwrap_or_else(|| panic!("no copy of {text:?}"));
        assert_eq!(
            by_events.section.body.as_str(),
            by_pass.section.body.as_str(),
            "{text:?}"
        );
        assert_eq!(by_events.ids, by_pass.ids, "{text:?}");
        assert_eq!(by_events.fragments, by_pass.fragments, "{text:?}");
        assert_eq!(by_events.searched, by_pass.searched, "{text:?}");
    }

    /// Markdown of every kind this module copies.
    const SAMPLES: &[&str] = &[
        "# Titre du texte\n\nUn *premier* paragraphe, **gras**, ~~barré~~ et `code`.",
        "## Règle\n\nVoir [la règle](regle.html#deux), [l’accueil](../index.html), \
         [ici](#regle), [le site](https://example.org/a?b=1&c=2 \"Titre « cité » & co\") \
         et <contact@example.org>.",
        "### Trois\n\n#### Quatre\n\n##### Cinq\n\n###### Six\n\nTexte sous six.",
        "Ligne un  \nligne deux\nligne trois\n\n---\n\n> Une citation\n> sur deux lignes.",
        "- un\n- deux\n  - deux et demi\n\n1. premier\n2. second\n\n- [x] fait\n- [ ] à faire",
        "| Col A | Col B |\n|:--|--:|\n| a & b | 1 < 2 |\n| d | [lien](regle.html) |",
        "```rust\nfn main() { println!(\"<&>\"); }\n```\n\n    indenté\n\nAprès : fin !",
        "## Même titre\n\n## Même titre\n\nTexte « entre guillemets » ; fin ?",
        "[Un lien *mis en avant* vers la règle](regle.html \"La règle\")\n\nSuite.",
        "Lien [vide]() et [absolu](/racine.html) et [fichier](../docs/a.odt).",
        // A heading right after a start tag: the writer breaks the line before it.
        "- # Titre dans une liste\n- suite\n\n> ## Titre cité",
    ];

    #[test]
    fn the_copy_from_events_equals_the_html_pass() {
        for text in SAMPLES {
            assert_same(text, AROUND);
        }
    }

    #[test]
    fn the_handbooks_own_pages_are_copied_as_the_html_pass_would() {
        let pages = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content/pages");
        let mut copied = 0;
        for entry in std::fs::read_dir(pages).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            // The body after the front matter.
            let body = text.splitn(3, "---\n").nth(2).unwrap_or(&text);
            if render(body).1.is_some() {
                assert_same(body, AROUND);
                copied += 1;
            }
        }
        assert!(copied >= 10, "only {copied} pages copied from their events");
    }

    #[test]
    fn what_only_the_html_pass_rewrites_gets_no_copy() {
        for text in [
            "Du <abbr title=\"HTML\">HTML</abbr> écrit à la main.",
            "<div id=\"bloc\">\n\nBloc\n\n</div>",
            "Une image : ![carte](carte.png)",
            "Une note[^1].\n\n[^1]: La note.",
            "## Titre {data-x=y}",
            "## Titre {#a&b}",
        ] {
            assert!(render(text).1.is_none(), "{text:?}");
        }
    }

    #[test]
    fn a_text_where_the_pass_would_not_read_it_as_is_takes_the_html_pass() {
        let text = "## Règle\n\nTexte.";
        for before in [
            "<h2 id=\"h\">",
            "<script>",
            "<textarea>",
            "<!-- ",
            "<div title=\"",
            "<noscript>",
        ] {
            let (_, by_events) = both_ways(text, [before, "</p>"]);
            assert!(by_events.is_none(), "{before:?}");
        }
    }

    /// Pieces of Markdown, for texts made of any of them in any order.
    const PIECES: &[&str] = &[
        "Texte simple",
        "## Titre deux",
        "### Titre trois",
        "#### Titre quatre",
        "# Titre un",
        "un *accent* é",
        "[lien](regle.html#a)",
        "[lien](#ancre)",
        "[externe](https://example.org/?a=1&b=2)",
        "`code < >`",
        "- élément\n- autre",
        "1. un\n2. deux",
        "> cité",
        "| a | b |\n|---|---|\n| c | d |",
        "```\nbloc & code\n```",
        "ligne  \ncassée",
        "---",
        "« guillemets » ; deux-points : fin !",
        "**gras _dedans_**",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn any_text_of_copied_pieces_is_copied_as_the_html_pass_would(
            picks in proptest::collection::vec(0..PIECES.len(), 1..12),
            glue in proptest::collection::vec(prop_oneof!["\n\n", "\n", " "], 12),
        ) {
            let mut text = String::new();
            for (pick, glue) in picks.iter().zip(&glue) {
                text.push_str(PIECES[*pick]);
                text.push_str(glue);
            }
            assert_same(&text, AROUND);
        }
    }
}
