//! The pass over a part of template HTML made only of text and plain tags (see
//! `render::html::tag`), read tag by tag without lol_html: what `pass.rs` does with lol_html
//! (ids prefixed, references and links rewritten, headings one level down, `<details>` opened,
//! the collector told every tag and text), with the same result, byte for byte. Most of the
//! template HTML of a page's `main` block is plain, and a part that differs on every page (a
//! title) cannot be remembered: lol_html, set up for each, cost 6 % of a build. A part holding
//! anything else (a comment, a script, SVG, an end tag closing an element other than the last
//! one open) is left to lol_html whole: this pass says `None` rather than guess, and a test holds
//! what it makes to what lol_html makes.

use std::borrow::Cow;

use crate::render::html::tag::{self, Tag};
use crate::render::{entities, search};

use super::pass::{Paper, Passed, Targets, on_paper};

/// An element whose start tag the part holds and whose end tag has not come.
struct Open<'a> {
    name: Cow<'a, str>,
    tag: search::Tag,
    /// Its name on paper, when not its own.
    renamed: Option<String>,
}

/// `part` passed without a parser, or `None` (and `targets` as they were) when it is not plain.
pub(super) fn pass(part: &str, targets: &mut Targets) -> Option<Passed> {
    let met = (targets.ids.len(), targets.fragments.len());
    let passed = pass_plain(part, targets);
    if passed.is_none() {
        targets.ids.truncate(met.0);
        targets.fragments.truncate(met.1);
    }
    passed
}

fn pass_plain(part: &str, targets: &mut Targets) -> Option<Passed> {
    let mut passed = Passed {
        rewritten: String::with_capacity(part.len() + part.len() / 8),
        steps: search::Steps::default(),
        alone: true,
    };
    let mut open: Vec<Open> = Vec::new();
    for (at, piece) in tag::pieces(part.as_bytes()) {
        // Pieces are cut at `<` and `>`, which start no other character.
        let written = &part[at..at + piece.len()];
        if !written.starts_with('<') {
            passed.rewritten.push_str(written);
            passed.steps.text(&entities::decode(written));
            continue;
        }
        let tag = tag::plain(piece)?;
        match tag.end {
            true => end(&tag, written, &mut open, &mut passed)?,
            false => start(tag, written, targets, &mut open, &mut passed)?,
        }
    }
    Some(passed)
}

/// A start tag: told to the collector, rewritten if anything of it changes on paper.
fn start<'a>(
    tag: Tag<'a>,
    written: &str,
    targets: &mut Targets,
    open: &mut Vec<Open<'a>>,
    passed: &mut Passed,
) -> Option<()> {
    let kind = search::Tag::of(&tag.name);
    let attributes = tag.attributes.iter().map(|attribute| {
        let name = tag::lowercase(attribute.name);
        (name, || attribute.value.to_owned())
    });
    let (changes, element_id) = targets.attributes(attributes);
    passed.alone &= changes.is_empty() && element_id.is_none();
    passed.steps.start(kind, element_id.as_deref());
    let paper = on_paper(&tag.name);
    let renamed = match &paper {
        Paper::Renamed(name) => Some(name.clone()),
        // A script is not plain.
        Paper::Removed => return None,
        Paper::Kept | Paper::Opened => None,
    };
    match (&paper, changes.is_empty()) {
        (Paper::Kept, true) => passed.rewritten.push_str(written),
        _ => write_start(&tag, &changes, &paper, &mut passed.rewritten),
    }
    if !tag.is_void() {
        open.push(Open {
            name: tag.name,
            tag: kind,
            renamed,
        });
    }
    Some(())
}

/// An end tag: it closes the last element open, told to the collector, or one never opened in
/// the part, which is left as it is (as lol_html does); any other is not plain.
fn end(tag: &Tag, written: &str, open: &mut Vec<Open>, passed: &mut Passed) -> Option<()> {
    let Some(at) = open.iter().rposition(|o| o.name == tag.name) else {
        passed.rewritten.push_str(written);
        return Some(());
    };
    if at + 1 != open.len() {
        return None;
    }
    let closed = open.pop()?;
    // An inline element's end changes nothing for the text.
    if closed.tag != search::Tag::Inline {
        passed.steps.end(closed.tag);
    }
    match closed.renamed {
        Some(name) => {
            passed.rewritten.push_str("</");
            passed.rewritten.push_str(&name);
            passed.rewritten.push('>');
        }
        None => passed.rewritten.push_str(written),
    }
    Some(())
}

/// A start tag written again as lol_html serializes a tag it changed: its name, then each
/// attribute as written unless it changed (then `name="value"`, `"` escaped), then those added,
/// each after one space.
fn write_start(tag: &Tag, changes: &[(String, String)], paper: &Paper, out: &mut String) {
    out.push('<');
    out.push_str(match paper {
        Paper::Renamed(name) => name,
        _ => tag.written,
    });
    let mut attributes = 0;
    let mut opened = false;
    for attribute in &tag.attributes {
        out.push(' ');
        attributes += 1;
        let is = |name: &str| attribute.name.eq_ignore_ascii_case(name);
        let changed = changes.iter().find(|(name, _)| is(name));
        let changed = match paper {
            Paper::Opened if is("open") => {
                opened = true;
                Some("")
            }
            _ => changed.map(|(_, value)| value.as_str()),
        };
        match changed {
            Some(value) => write_attribute(attribute.name, value, out),
            None => out.push_str(attribute.raw),
        }
    }
    if matches!(paper, Paper::Opened) && !opened {
        out.push(' ');
        attributes += 1;
        write_attribute("open", "", out);
    }
    match tag.self_closing {
        // A space first, lest `/` be read as part of an unquoted value.
        true if attributes > 0 => out.push_str(" />"),
        true => out.push_str("/>"),
        false => out.push('>'),
    }
}

fn write_attribute(name: &str, value: &str, out: &mut String) {
    out.push_str(name);
    out.push_str("=\"");
    out.push_str(&value.replace('"', "&quot;"));
    out.push('"');
}

#[cfg(test)]
mod tests;
