//! The HTML pass over a body's template HTML: ids prefixed with the section's, the
//! references to them following, links led into the edition, headings one level down, scripts
//! dropped, `<details>` opened; the same pass tells the search's collector every tag and text. A
//! body may be passed in parts (the template's HTML around a Markdown text made from its events):
//! the pass keeps its state from one part to the next. A part whose rewriting does not depend on
//! its page (no id, no link: the `</div>` closing a page's text) is remembered on its thread and
//! not parsed again, since the same few parts end thousands of pages. A part made only of text
//! and plain tags is passed tag by tag (`plain.rs`), any other with lol_html.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use lol_html::html_content::Element;
use lol_html::{ElementContentHandlers, HandlerResult, RewriteStrSettings, doc_text, rewrite_str};
use minijinja::Value;

use crate::diagnostic::Diagnostic;
use crate::render::{entities, html, search};

use super::plain;
use super::{Rewritten, Section, Sections, anchor_id, level_on_paper, rewrite_error, section_id};

/// How many parts, and how many of their bytes, a thread remembers of each kind (followed by the
/// probe or not) before it starts again, and the longest part it remembers: the parts that
/// repeat are short.
const REMEMBERED: usize = 1 << 12;
const REMEMBERED_BYTES: usize = 1 << 20;
const LONGEST_REMEMBERED: usize = 1 << 10;

/// What a pass made of a part: its rewriting, what it tells the collector, and whether all that
/// depends on nothing but the part (no id met, no attribute changed).
pub(super) struct Passed {
    pub rewritten: String,
    pub steps: search::Steps,
    pub alone: bool,
}

/// A part passed before on this thread: what the pass made of it and told the collector.
struct Remembered {
    rewritten: String,
    back: bool,
    steps: search::Steps,
}

thread_local! {
    /// The parts passed on a thread whose rewriting depends on nothing but themselves, by whether
    /// the probe followed them, then by their text.
    static SEEN: [RefCell<html::Memo<Box<str>, Remembered>>; 2] =
        std::array::from_fn(|_| RefCell::new(html::Memo::new(REMEMBERED, REMEMBERED_BYTES)));
}

/// Attributes holding one id reference or a space-separated list of them.
const ID_REFERENCES: &[&str] = &[
    "for",
    "headers",
    "list",
    "form",
    "aria-labelledby",
    "aria-describedby",
    "aria-controls",
    "aria-owns",
    "aria-activedescendant",
    "aria-details",
    "aria-errormessage",
    "aria-flowto",
];

/// Attributes that may paint with `url(#id)` (SVG patterns and gradients).
const PAINT_REFERENCES: &[&str] = &["fill", "stroke", "clip-path", "mask", "filter"];

/// One body's HTML pass, over each of its parts of HTML in turn.
pub(super) struct Pass<'a> {
    pub(super) targets: Targets<'a>,
    // Shared with the end-tag handlers, which lol_html wants `'static`.
    pub collector: Rc<RefCell<search::Collector>>,
}

/// Where a body's ids and links go in the edition, and those met so far.
pub(super) struct Targets<'a> {
    id: String,
    path: &'a str,
    sections: &'a Sections,
    pub ids: Vec<String>,
    pub fragments: Vec<String>,
}

impl<'a> Pass<'a> {
    pub fn new(sections: &'a Sections, path: &'a str) -> Pass<'a> {
        let targets = Targets {
            id: section_id(path),
            path,
            sections,
            ids: Vec::new(),
            fragments: Vec::new(),
        };
        Pass {
            targets,
            collector: Rc::default(),
        }
    }

    /// Takes in a part made without this pass: its ids and links to anchors of the edition.
    pub fn extend(&mut self, ids: &[String], fragments: &[String]) {
        self.targets.ids.extend(ids.iter().cloned());
        self.targets.fragments.extend(fragments.iter().cloned());
    }

    pub fn finish(self, title: &str, body: String) -> Rewritten {
        let searched = Rc::try_unwrap(self.collector)
            .map(|collector| collector.into_inner().finish())
            .unwrap_or_default();
        let Targets {
            id,
            path,
            ids,
            fragments,
            ..
        } = self.targets;
        Rewritten {
            section: Section {
                id,
                path: path.to_owned(),
                title: title.to_owned(),
                body: Value::from_safe_string(body),
            },
            ids,
            fragments,
            searched,
        }
    }

    /// The next part of the body, rewritten.
    pub fn rewrite(&mut self, part: &str) -> Result<String, Diagnostic> {
        self.pass(part, false).map(|(rewritten, _)| rewritten)
    }

    /// The first part of a body whose next part is made without this pass, rewritten: `None`
    /// when the part leaves the next where a parser would not read it as at a page's start (in a
    /// comment, a tag, a raw-text or foreign element), which the part's parser is asked with
    /// [`html::PROBE`].
    pub fn rewrite_before(&mut self, part: &str) -> Result<Option<String>, Diagnostic> {
        let (rewritten, back) = self.pass(part, true)?;
        Ok(back.then_some(rewritten))
    }

    /// `part` rewritten, with the probe after it if `probe`; and whether the probe was read where
    /// a page starts. What the part tells the collector is recorded, then told: a part that
    /// depends on nothing but itself is remembered with it.
    fn pass(&mut self, part: &str, probe: bool) -> Result<(String, bool), Diagnostic> {
        let remembered = SEEN.with(|seen| {
            let seen = seen[usize::from(probe)].borrow();
            let passed = seen.get(part)?;
            self.collector.borrow_mut().replay(&passed.steps);
            Some((passed.rewritten.clone(), passed.back))
        });
        if let Some(remembered) = remembered {
            return Ok(remembered);
        }
        // After a plain part, a parser is where a page starts: the probe would say so.
        let passed = plain::pass(part, &mut self.targets).map(|plain| Ok((plain, probe)));
        let (
            Passed {
                rewritten,
                steps,
                alone,
            },
            back,
        ) = passed.unwrap_or_else(|| self.parse(part, probe))?;
        self.collector.borrow_mut().replay(&steps);
        if alone && part.len() <= LONGEST_REMEMBERED {
            let passed = Remembered {
                rewritten: rewritten.clone(),
                back,
                steps,
            };
            remember(part, probe, passed);
        }
        Ok((rewritten, back))
    }

    /// The pass over `part` itself with lol_html, and whether the probe was read where a page
    /// starts.
    pub(super) fn parse(&mut self, part: &str, probe: bool) -> Result<(Passed, bool), Diagnostic> {
        let path = self.targets.path;
        let targets = &mut self.targets;
        let source = match probe {
            true => Cow::Owned(format!("{part}{}", html::PROBE)),
            false => Cow::Borrowed(part),
        };
        let steps = Rc::new(RefCell::new(search::Steps::default()));
        let foreign = Rc::new(Cell::new(0));
        let mut back = false;
        let mut alone = true;
        let mut raw_text = String::new();
        // One handler for every element: each selector more costs lol_html a match per element.
        let rewrite = |el: &mut Element| -> HandlerResult {
            if probe && html::is_probe(el, part.len()) {
                back = foreign.get() == 0;
                el.remove();
                return Ok(());
            }
            let name = html::tag_name(el, source.as_bytes());
            let tag = search::Tag::of(&name);
            let attributes = el.attributes().iter().map(|attribute| {
                let name = html::attribute_name(attribute, source.as_bytes());
                (name, || attribute.value())
            });
            let (changes, element_id) = targets.attributes(attributes);
            alone &= changes.is_empty() && element_id.is_none();
            steps.borrow_mut().start(tag, element_id.as_deref());
            // An inline element's end changes nothing for the text: no handler to call.
            if let Some(handlers) = el.end_tag_handlers().filter(|_| tag != search::Tag::Inline) {
                let steps = Rc::clone(&steps);
                handlers.push(Box::new(move |_| {
                    steps.borrow_mut().end(tag);
                    Ok(())
                }));
            }
            html::count_foreign(el, &name, &foreign);
            for (name, value) in changes {
                el.set_attribute(&name, &value)?;
            }
            match on_paper(&name) {
                Paper::Renamed(name) => el.set_tag_name(&name)?,
                Paper::Removed => el.remove(),
                Paper::Opened => el.set_attribute("open", "")?,
                Paper::Kept => {}
            }
            Ok(())
        };
        let gather_text = doc_text!(|chunk| {
            // A text node may come in several chunks, and an entity across two of them.
            raw_text.push_str(chunk.as_str());
            if chunk.last_in_text_node() {
                steps.borrow_mut().text(&entities::decode(&raw_text));
                raw_text.clear();
            }
            Ok(())
        });
        let settings = RewriteStrSettings::new()
            .append_element_content_handler((
                html::every_element(),
                ElementContentHandlers::default().element(rewrite),
            ))
            .append_document_content_handler(gather_text);
        let rewritten =
            rewrite_str(&source, settings).map_err(|error| rewrite_error(path, &error))?;
        let steps = Rc::try_unwrap(steps)
            .map(RefCell::into_inner)
            .unwrap_or_else(|steps| steps.borrow().clone());
        let passed = Passed {
            rewritten,
            steps,
            alone,
        };
        Ok((passed, back))
    }
}

/// Remembers what the pass made of `part` on this thread.
fn remember(part: &str, probe: bool, passed: Remembered) {
    let bytes = part.len() + passed.rewritten.len();
    SEEN.with(|seen| {
        seen[usize::from(probe)]
            .borrow_mut()
            .insert(part.into(), passed, bytes)
    });
}

impl Targets<'_> {
    fn prefix(&self, reference: &str) -> String {
        anchor_id(&self.id, reference)
    }

    /// The element's attributes that change in the edition, with their new values, and its id
    /// as written, from its `attributes` (each name, lowercase, and how to read its value, as
    /// written: the value only of an attribute that changes is read, and most do not). One pass
    /// over the attributes: asking for each name in turn costs several times more.
    pub(super) fn attributes<'s, V: FnOnce() -> String>(
        &mut self,
        attributes: impl Iterator<Item = (Cow<'s, str>, V)>,
    ) -> (Vec<(String, String)>, Option<String>) {
        let mut changes = Vec::new();
        let mut element_id = None;
        for (name, value) in attributes {
            let rewritten = match &*name {
                "id" => {
                    let value = value();
                    let prefixed = self.prefix(&value);
                    self.ids.push(prefixed.clone());
                    element_id = Some(value);
                    prefixed
                }
                "href" | "src" => {
                    let (url, in_edition) = self.sections.relink(self.path, &self.id, &value());
                    if in_edition {
                        self.fragments.push(url.clone());
                    }
                    url
                }
                name if ID_REFERENCES.contains(&name) => {
                    let value = value();
                    let references = value.split_ascii_whitespace();
                    references
                        .map(|r| self.prefix(r))
                        .collect::<Vec<_>>()
                        .join(" ")
                }
                name if PAINT_REFERENCES.contains(&name) => {
                    let value = value();
                    let Some(reference) = value
                        .strip_prefix("url(#")
                        .and_then(|v| v.strip_suffix(')'))
                    else {
                        continue;
                    };
                    format!("url(#{})", self.prefix(reference))
                }
                _ => continue,
            };
            changes.push((name.into_owned(), rewritten));
        }
        (changes, element_id)
    }
}

/// What becomes of an element on paper.
pub(super) enum Paper {
    Kept,
    /// Under another name (a heading one level down).
    Renamed(String),
    /// Nothing to run on paper, and a page's script expects its own page.
    Removed,
    /// Folded parts (document previews) are part of the text on paper.
    Opened,
}

/// What becomes of the element named `name` (lowercase) on paper.
pub(super) fn on_paper(name: &str) -> Paper {
    match name {
        "h1" | "h2" | "h3" | "h4" | "h5" => {
            let level = name[1..].parse::<usize>().unwrap_or(5);
            Paper::Renamed(format!("h{}", level_on_paper(level)))
        }
        "script" => Paper::Removed,
        "details" => Paper::Opened,
        _ => Paper::Kept,
    }
}
