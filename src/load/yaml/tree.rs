//! A YAML document as a tree that keeps where each node is written, built from the events of the
//! parser serde-saphyr itself uses (so both agree on the syntax).
//!
//! The tree exists so that one file's mistakes can all be found in one pass (`shape`), and so that
//! a syntax error can be explained (`syntax`). It knows nothing of the content model.

use std::collections::HashMap;
use std::ops::Range;

use serde_json::{Map, Number, Value};
use serde_saphyr::granit_parser::{Event, Parser, ScalarStyle, ScanError, Span};

/// Parsers' budgets, mirrored: a tree deeper or larger than this is refused before any checking.
pub const MAX_DEPTH: usize = 32;
pub const MAX_NODES: usize = 100_000;
pub const MAX_SCALAR_BYTES: usize = 8 * 1024 * 1024;

/// A node and the bytes it covers.
#[derive(Debug, Clone)]
pub struct Node {
    pub kind: Kind,
    pub span: Range<usize>,
    /// The parser's span of the node's event (a collection's start), which serde-saphyr's
    /// `Spanned` reports.
    pub event: Span,
    /// Written with a tag (`!!str 5`), which serde-saphyr reads its own way.
    pub tagged: bool,
    /// An alias's copy of its anchored node (or an alias whose anchor is unknown): the same
    /// value, but located, for serde-saphyr's `Spanned`, where the alias is.
    pub alias: bool,
}

#[derive(Debug, Clone)]
pub enum Kind {
    /// Keys with their values, in the order written.
    Map(Vec<(Node, Node)>),
    Seq(Vec<Node>),
    /// A scalar's value, and whether it was written plain (unquoted, so `2016` is a number).
    Scalar {
        text: String,
        plain: bool,
    },
    /// `*name`: a reference to an anchored node, checked by serde-saphyr's budgets instead.
    Alias,
}

/// Why a text is not a tree.
#[derive(Debug)]
pub enum TreeError {
    Syntax(ScanError),
    /// Deeper or larger than the budgets.
    TooBig {
        at: usize,
    },
}

/// A text's first document.
pub struct Document {
    /// Its root node (`None` for a document without content).
    pub root: Option<Node>,
    /// Whether anything follows it in the text: another document, or a mistake after its end
    /// (which serde-saphyr reads, and refuses).
    pub followed: bool,
    /// How many nodes it holds, copies of anchored nodes included.
    pub nodes: usize,
}

/// Parses `text` into its first document. Aliases are replaced by a copy of their anchored node,
/// within the budgets, so that an alias bomb is refused before it is expanded.
pub fn parse(text: &str) -> Result<Document, TreeError> {
    let mut stack: Vec<Open> = Vec::new();
    let mut anchors: HashMap<usize, (Node, Size)> = HashMap::new();
    let mut root = None;
    let mut total = Size::default();
    let mut documents = 0;
    let mut events = Parser::new_from_str(text);
    for event in events.by_ref() {
        let (event, span) = event.map_err(TreeError::Syntax)?;
        let start = offset(text, &span, true);
        let end = offset(text, &span, false);
        // `cost`: what the event adds to the whole (a closing collection's items are counted).
        let (node, size, anchor, cost) = match event {
            Event::MappingStart(_, anchor, ref tag) | Event::SequenceStart(_, anchor, ref tag) => {
                let is_map = matches!(event, Event::MappingStart(..));
                stack.push(Open {
                    start,
                    event: span,
                    tagged: tag.is_some(),
                    items: Vec::new(),
                    is_map,
                    anchor,
                    size: Size::default(),
                });
                if stack.len() > MAX_DEPTH {
                    return Err(TreeError::TooBig { at: start });
                }
                continue;
            }
            Event::MappingEnd | Event::SequenceEnd => {
                let Some(open) = stack.pop() else { continue };
                let (anchor, mut size) = (open.anchor, open.size);
                size.add(Size { nodes: 1, bytes: 0 });
                let node = open.close(end.max(start));
                (node, size, anchor, Size { nodes: 1, bytes: 0 })
            }
            Event::Scalar(value, style, anchor, tag) => {
                let size = Size {
                    nodes: 1,
                    bytes: value.len(),
                };
                let kind = Kind::Scalar {
                    text: value.into_owned(),
                    plain: style == ScalarStyle::Plain,
                };
                (
                    Node {
                        kind,
                        span: start..end,
                        event: span,
                        tagged: tag.is_some(),
                        alias: false,
                    },
                    size,
                    anchor,
                    size,
                )
            }
            Event::Alias(id) => {
                let unknown = || (Node::alias(start..end, span), Size::default());
                let (mut node, size) = anchors.get(&id).cloned().unwrap_or_else(unknown);
                node.alias = true;
                (node, size, 0, size)
            }
            Event::UnresolvedAlias(..) => {
                let node = Node::alias(start..end, span);
                (node, Size::default(), 0, Size::default())
            }
            Event::DocumentEnd if root.is_some() => break,
            Event::DocumentStart(..) => {
                documents += 1;
                continue;
            }
            _ => continue,
        };
        total.add(cost);
        if total.over() {
            return Err(TreeError::TooBig { at: start });
        }
        if anchor != 0 {
            anchors.insert(anchor, (node.clone(), size));
        }
        match stack.last_mut() {
            Some(open) => {
                open.size.add(size);
                open.items.push(node);
            }
            None => root = Some(node),
        }
    }
    let ended = matches!(events.next(), None | Some(Ok((Event::StreamEnd, _))));
    Ok(Document {
        root,
        followed: documents > 1 || !ended,
        nodes: total.nodes,
    })
}

/// How much a node weighs against the budgets: its nodes and its scalars' bytes, copies of
/// anchored nodes included.
#[derive(Debug, Clone, Copy, Default)]
struct Size {
    nodes: usize,
    bytes: usize,
}

impl Size {
    fn add(&mut self, other: Size) {
        self.nodes += other.nodes;
        self.bytes += other.bytes;
    }

    fn over(self) -> bool {
        self.nodes > MAX_NODES || self.bytes > MAX_SCALAR_BYTES
    }
}

/// A collection being read: its start and its items so far (keys and values alternate in a map).
struct Open {
    start: usize,
    event: Span,
    tagged: bool,
    items: Vec<Node>,
    is_map: bool,
    /// Its anchor id, 0 for none.
    anchor: usize,
    /// The size of its items so far.
    size: Size,
}

impl Open {
    fn close(self, end: usize) -> Node {
        let kind = if self.is_map {
            let mut pairs = Vec::with_capacity(self.items.len() / 2);
            let mut items = self.items.into_iter();
            while let (Some(key), Some(value)) = (items.next(), items.next()) {
                pairs.push((key, value));
            }
            Kind::Map(pairs)
        } else {
            Kind::Seq(self.items)
        };
        Node {
            kind,
            span: self.start..end,
            event: self.event,
            tagged: self.tagged,
            alias: false,
        }
    }
}

/// The byte offset of a span's start or end (the parser counts characters; bytes when it can).
fn offset(text: &str, span: &Span, start: bool) -> usize {
    let marker = if start { span.start } else { span.end };
    marker.byte_offset().unwrap_or_else(|| {
        text.char_indices()
            .nth(marker.index())
            .map_or(text.len(), |(i, _)| i)
    })
}

impl Node {
    /// An alias whose anchor is unknown.
    fn alias(span: Range<usize>, event: Span) -> Node {
        Node {
            kind: Kind::Alias,
            span,
            event,
            tagged: false,
            alias: true,
        }
    }

    /// The node as JSON, resolving plain scalars as YAML 1.2's core schema does (`3` is a number,
    /// `true` a boolean, `~` and nothing are null); quoted scalars stay text.
    pub fn to_json(&self) -> Value {
        match &self.kind {
            Kind::Map(pairs) => {
                let mut map = Map::new();
                for (key, value) in pairs {
                    map.insert(key.key_text(), value.to_json());
                }
                Value::Object(map)
            }
            Kind::Seq(items) => Value::Array(items.iter().map(Node::to_json).collect()),
            Kind::Scalar { text, plain: true } => plain_scalar(text),
            Kind::Scalar { text, plain: false } => Value::String(text.clone()),
            Kind::Alias => Value::Null,
        }
    }

    /// Whether the node is nothing (a document holding only `~`, say).
    pub fn is_null(&self) -> bool {
        matches!(&self.kind, Kind::Scalar { text, plain: true } if plain_scalar(text).is_null())
    }

    /// A key as the text serde sees.
    pub fn key_text(&self) -> String {
        match &self.kind {
            Kind::Scalar { text, .. } => text.clone(),
            _ => String::new(),
        }
    }

    /// The node at a JSON pointer (`/blocks/2/field/lines`), and the key node naming it when it is
    /// a mapping's value.
    pub fn at_pointer<'a>(&'a self, pointer: &str) -> Option<(&'a Node, Option<&'a Node>)> {
        let mut node = self;
        let mut key = None;
        for segment in pointer.split('/').skip(1) {
            let segment = segment.replace("~1", "/").replace("~0", "~");
            match &node.kind {
                Kind::Map(pairs) => {
                    let (k, v) = pairs.iter().find(|(k, _)| k.key_text() == segment)?;
                    key = Some(k);
                    node = v;
                }
                Kind::Seq(items) => {
                    node = items.get(segment.parse::<usize>().ok()?)?;
                    key = None;
                }
                _ => return None,
            }
        }
        Some((node, key))
    }
}

/// Whether a plain scalar means nothing, as YAML 1.2's core schema reads it.
pub fn means_nothing(text: &str) -> bool {
    matches!(text, "" | "~" | "null" | "Null" | "NULL")
}

/// A plain scalar's boolean, as YAML 1.2's core schema reads it.
pub fn boolean(text: &str) -> Option<bool> {
    match text {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

fn plain_scalar(text: &str) -> Value {
    if means_nothing(text) {
        return Value::Null;
    }
    if let Some(boolean) = boolean(text) {
        return Value::Bool(boolean);
    }
    if let Ok(integer) = text.parse::<i64>() {
        return Value::Number(integer.into());
    }
    let numeric = text
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'));
    if numeric
        && text.chars().any(|c| c.is_ascii_digit())
        && let Some(number) = text.parse::<f64>().ok().and_then(Number::from_f64)
    {
        return Value::Number(number);
    }
    Value::String(text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nodes_keep_their_place_and_plain_scalars_their_type() {
        let text = "title: Séance\norder: 3\ncodes: [A.1, \"2\"]\n";
        let root = parse(text).unwrap().root.unwrap();
        let json = root.to_json();
        assert_eq!(json["order"], 3);
        assert_eq!(json["codes"][1], "2");
        let (node, key) = root.at_pointer("/codes/0").unwrap();
        assert_eq!(&text[node.span.clone()], "A.1");
        assert!(key.is_none());
        let (_, key) = root.at_pointer("/order").unwrap();
        assert_eq!(&text[key.unwrap().span.clone()], "order");
    }

    #[test]
    fn a_tree_deeper_than_the_budget_is_refused() {
        let text = format!("a: {}{}\n", "[".repeat(40), "]".repeat(40));
        assert!(matches!(parse(&text), Err(TreeError::TooBig { .. })));
    }

    #[test]
    fn an_empty_document_has_no_root() {
        assert!(parse("# only a comment\n").unwrap().root.is_none());
    }
}
