//! A file's shape against its JSON Schema: every unknown key, wrong type, missing key and number
//! out of its range of one file, found in one pass and each located where the fix belongs.
//!
//! The schema (generated from the model's types, see [`crate::schema`]) is checked by the
//! `jsonschema` crate on the file's tree; this module turns its findings into plain words. Like
//! serde-saphyr, it lets a plain scalar stand for text (`columns: [2016, 2015]`). It knows nothing
//! of the content beyond what the schema says.

use jsonschema::error::{ValidationError, ValidationErrorKind};
use serde_json::Value;

use super::tree::{Kind, Node};
use crate::diagnostic::{Diagnostic, SourceText, did_you_mean, suggest};
use crate::model::bounds::BOUNDS;
use crate::msg;
use crate::schema::ContentFile;

/// Every shape problem of the file whose tree is `root`, in file order.
pub fn check<T: ContentFile>(source: &SourceText, root: &Node) -> Vec<Diagnostic> {
    let schema = T::schema();
    let json = root.to_json();
    let errors: Vec<ValidationError> = T::validator().iter_errors(&json).collect();
    let shape = Shape {
        source,
        root,
        schema,
    };
    let mut problems: Vec<(usize, Diagnostic)> = Vec::new();
    for error in &errors {
        shape.report(error, &mut problems);
    }
    problems.sort_by_key(|(at, _)| *at);
    problems.dedup_by(|a, b| a.0 == b.0 && a.1.message == b.1.message);
    problems.into_iter().map(|(_, d)| d).collect()
}

struct Shape<'a> {
    source: &'a SourceText,
    root: &'a Node,
    schema: &'a Value,
}

impl Shape<'_> {
    /// Adds the diagnostics of one validation error (with its byte offset, to sort them).
    fn report(&self, error: &ValidationError, problems: &mut Vec<(usize, Diagnostic)>) {
        let pointer = error.instance_path().as_str();
        let Some((node, _)) = self.root.at_pointer(pointer) else {
            return;
        };
        let name = key_name(pointer);
        let mut push = |at: &Node, diagnostic: Diagnostic| {
            let span = self.source.span(at.span.clone());
            problems.push((at.span.start, diagnostic.at(span)));
        };
        match error.kind() {
            ValidationErrorKind::AdditionalProperties { unexpected } => {
                let valid = self.keys_at(pointer);
                let valid: Vec<&str> = valid.iter().map(String::as_str).collect();
                let paired = self.paired(pointer, node);
                for key in unexpected {
                    let at = key_node(node, key).unwrap_or(node);
                    let meant = paired
                        .as_ref()
                        .filter(|(unknown, _)| unknown == key)
                        .map(|(_, missing)| missing.as_str());
                    push(at, super::unknown_key(key, &valid, meant));
                }
            }
            ValidationErrorKind::Required { property } => {
                let missing = property.as_str().unwrap_or_default();
                // `ordre:` written for `order:` is one mistake: the unknown key's « did you
                // mean » says it; « missing `order` » would say it twice.
                if !self.misspelt(pointer, node, missing) {
                    push(first_key(node), super::missing_key(missing));
                }
            }
            ValidationErrorKind::Type { .. } => {
                if let Some(problem) = self.wrong_type(pointer, node, &name) {
                    push(node, problem);
                }
            }
            ValidationErrorKind::Minimum { .. } | ValidationErrorKind::Maximum { .. } => {
                push(node, out_of_range(&name, &scalar_text(node)));
            }
            ValidationErrorKind::Enum { options } => {
                let options: Vec<&str> = options
                    .as_array()
                    .map(|o| o.iter().filter_map(Value::as_str).collect())
                    .unwrap_or_default();
                push(node, unknown_value(&scalar_text(node), &options));
            }
            ValidationErrorKind::OneOfNotValid { context }
            | ValidationErrorKind::AnyOf { context } => match self.best_branch(context, pointer) {
                Some(branch) => branch.iter().for_each(|e| self.report(e, problems)),
                None => {
                    let (at, problem) = self.no_form(context, node, &name);
                    problems.push((at.span.start, problem.at(self.source.span(at.span.clone()))));
                }
            },
            _ => push(
                node,
                Diagnostic::error(msg!("yaml-wrong-shape")).hint(msg!("yaml-wrong-shape-hint")),
            ),
        }
    }

    /// A value of the wrong type, unless it is a plain scalar where text is expected (YAML reads
    /// `2016` as a number, serde-saphyr takes it as text).
    fn wrong_type(&self, pointer: &str, node: &Node, name: &str) -> Option<Diagnostic> {
        let expected = self.expected_type(pointer);
        let found = found_kind(node);
        if expected == "text" && matches!(&node.kind, Kind::Scalar { plain: true, .. }) {
            if found == "nothing" {
                return Some(
                    Diagnostic::error(msg!("yaml-empty-text")).hint(msg!("yaml-empty-text-hint")),
                );
            }
            return None;
        }
        let value = scalar_text(node);
        // The example is built from what was written; « A.1, A.2 » without brackets gives its
        // first item for the one-per-line form.
        let or_dots = |text: &str| {
            if text.is_empty() {
                "…".to_owned()
            } else {
                text.to_owned()
            }
        };
        let first = or_dots(value.split(',').next().unwrap_or_default().trim());
        let hint = msg!(
            "yaml-wrong-type-hint",
            key = name,
            expected = expected,
            value = or_dots(&value),
            first = first
        );
        let message = msg!(
            "yaml-wrong-type",
            key = name,
            expected = expected,
            found = found,
            value = value
        );
        Some(Diagnostic::error(message).hint(hint))
    }

    /// The branch of a `oneOf`/`anyOf` the value was meant for: the one whose errors are all
    /// below the value (its own keys fit), or, when every branch fails at the value itself, none.
    fn best_branch<'e>(
        &self,
        context: &'e [Vec<ValidationError<'static>>],
        pointer: &str,
    ) -> Option<&'e Vec<ValidationError<'static>>> {
        let at_value = |e: &ValidationError| {
            e.instance_path().as_str() == pointer
                && matches!(
                    e.kind(),
                    ValidationErrorKind::Required { .. }
                        | ValidationErrorKind::Type { .. }
                        | ValidationErrorKind::AdditionalProperties { .. }
                        | ValidationErrorKind::Enum { .. }
                        | ValidationErrorKind::Constant { .. }
                )
        };
        let fitting: Vec<_> = context
            .iter()
            .filter(|errors| !errors.iter().any(at_value))
            .collect();
        match fitting.as_slice() {
            [] => {
                // A value of the wrong type for every branch: the non-null branch says it best.
                context
                    .iter()
                    .filter(|errors| {
                        errors
                            .iter()
                            .all(|e| matches!(e.kind(), ValidationErrorKind::Type { .. }))
                    })
                    .find(|errors| self.lenient_type_errors(errors))
            }
            [one, ..] => Some(one),
        }
    }

    /// Whether a branch that fails only on types would pass with plain scalars taken as text:
    /// then the value is fine and the branch is returned with nothing left to report.
    fn lenient_type_errors(&self, errors: &[ValidationError]) -> bool {
        errors.iter().all(|e| {
            let pointer = e.instance_path().as_str();
            self.root.at_pointer(pointer).is_some_and(|(node, _)| {
                self.expected_type(pointer) != "text"
                    || !matches!(&node.kind, Kind::Scalar { plain: true, .. })
            })
        })
    }

    /// No form fits: a value none of the allowed ones is unknown (`template: activites`); a
    /// one-key mapping is a block of an unknown kind (`- titre: …` for `- heading: …`); anything
    /// else is of the wrong form.
    fn no_form<'n>(
        &self,
        context: &[Vec<ValidationError>],
        node: &'n Node,
        name: &str,
    ) -> (&'n Node, Diagnostic) {
        let kinds: Vec<&str> = context
            .iter()
            .flatten()
            .filter_map(|e| match e.kind() {
                ValidationErrorKind::Required { property } => property.as_str(),
                _ => None,
            })
            .collect();
        let values: Vec<&str> = context
            .iter()
            .flatten()
            .flat_map(|e| match e.kind() {
                ValidationErrorKind::Constant { expected_value } => {
                    expected_value.as_str().into_iter().collect::<Vec<_>>()
                }
                ValidationErrorKind::Enum { options } => options
                    .as_array()
                    .map(|o| o.iter().filter_map(Value::as_str).collect())
                    .unwrap_or_default(),
                _ => Vec::new(),
            })
            .collect();
        if !values.is_empty() && matches!(node.kind, Kind::Scalar { .. }) {
            return (node, unknown_value(&scalar_text(node), &values));
        }
        if let Kind::Map(pairs) = &node.kind
            && let [(key, _)] = pairs.as_slice()
            && !kinds.is_empty()
        {
            let written = key.key_text();
            let rest = msg!("yaml-block-kinds", kinds = kinds.join(", "));
            let hint = suggest(did_you_mean(&written, kinds.iter().copied()), rest);
            return (
                key,
                Diagnostic::error(msg!("yaml-unknown-block", kind = written)).hint(hint),
            );
        }
        (
            node,
            Diagnostic::error(msg!("yaml-wrong-form", key = name))
                .hint(msg!("yaml-wrong-shape-hint")),
        )
    }

    /// Whether the mapping at `pointer` has an unknown key written for `missing`: a typo of it,
    /// or the one unknown key where one required key is missing (`nom:` for `name:`).
    fn misspelt(&self, pointer: &str, node: &Node, missing: &str) -> bool {
        let (unknown, _) = self.unknown_and_missing(pointer, node);
        unknown
            .iter()
            .any(|key| did_you_mean(key, [missing]).is_some())
            || self
                .paired(pointer, node)
                .is_some_and(|(_, m)| m == missing)
    }

    /// The one unknown key and the one missing required key of a mapping, when there is exactly
    /// one of each: most likely the same key, misspelt or translated.
    fn paired(&self, pointer: &str, node: &Node) -> Option<(String, String)> {
        match self.unknown_and_missing(pointer, node) {
            (unknown, missing) if unknown.len() == 1 && missing.len() == 1 => {
                Some((unknown[0].clone(), missing[0].clone()))
            }
            _ => None,
        }
    }

    /// The keys of the mapping at `pointer` the schema does not know, and its required keys
    /// that are absent.
    fn unknown_and_missing(&self, pointer: &str, node: &Node) -> (Vec<String>, Vec<String>) {
        let Kind::Map(pairs) = &node.kind else {
            return (Vec::new(), Vec::new());
        };
        let present: Vec<String> = pairs.iter().map(|(k, _)| k.key_text()).collect();
        let valid = self.keys_at(pointer);
        let unknown = present.iter().filter(|k| !valid.contains(k)).cloned();
        let required: Vec<String> = self
            .schema_at(pointer)
            .and_then(|s| s.get("required"))
            .and_then(Value::as_array)
            .map(|r| {
                r.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        let missing = required.into_iter().filter(|k| !present.contains(k));
        (unknown.collect(), missing.collect())
    }

    /// The keys the schema allows in the mapping at `pointer`.
    fn keys_at(&self, pointer: &str) -> Vec<String> {
        let mut keys: Vec<String> = self
            .schema_at(pointer)
            .and_then(|s| s.get("properties"))
            .and_then(Value::as_object)
            .map(|p| p.keys().cloned().collect())
            .unwrap_or_default();
        keys.sort();
        keys
    }

    /// What the schema expects at `pointer`, as a selector of `yaml-wrong-type`.
    fn expected_type(&self, pointer: &str) -> &'static str {
        let schema = self.schema_at(pointer);
        let types: Vec<&str> = match schema.and_then(|s| s.get("type")) {
            Some(Value::String(t)) => vec![t.as_str()],
            Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        };
        let has_object_branch = schema
            .and_then(|s| s.get("anyOf").or_else(|| s.get("oneOf")))
            .is_some();
        match types.iter().find(|t| **t != "null") {
            Some(&"array") => "list",
            Some(&"object") => "mapping",
            Some(&"string") => "text",
            Some(&"integer") => "integer",
            Some(&"number") => "number",
            Some(&"boolean") => "boolean",
            _ if has_object_branch => "mapping",
            _ => "other",
        }
    }

    /// The schema of the value at an instance pointer: properties, items, `$ref`s and the
    /// branches of `anyOf`/`oneOf` followed.
    fn schema_at(&self, pointer: &str) -> Option<&Value> {
        let segments: Vec<String> = pointer
            .split('/')
            .skip(1)
            .map(|s| s.replace("~1", "/").replace("~0", "~"))
            .collect();
        self.descend(self.schema, &segments)
    }

    fn descend<'s>(&'s self, schema: &'s Value, segments: &[String]) -> Option<&'s Value> {
        let schema = self.resolve(schema);
        let Some((first, rest)) = segments.split_first() else {
            return Some(schema);
        };
        // A schema with properties keeps them: its `oneOf` may only say which keys are required
        // (a competency's `title` or `text`).
        if schema.get("properties").is_none() {
            for keyword in ["anyOf", "oneOf"] {
                if let Some(Value::Array(branches)) = schema.get(keyword) {
                    return branches.iter().find_map(|b| self.descend(b, segments));
                }
            }
        }
        let next = match schema.get("properties").and_then(|p| p.get(first.as_str())) {
            Some(property) => property,
            None if first.parse::<usize>().is_ok() => schema.get("items")?,
            None => return None,
        };
        self.descend(next, rest)
    }

    fn resolve<'s>(&'s self, schema: &'s Value) -> &'s Value {
        match schema.get("$ref").and_then(Value::as_str) {
            Some(reference) => reference
                .strip_prefix('#')
                .and_then(|p| self.schema.pointer(p))
                .map_or(schema, |target| self.resolve(target)),
            None => schema,
        }
    }
}

/// A value that is none of the allowed ones, with the closest.
fn unknown_value(found: &str, allowed: &[&str]) -> Diagnostic {
    let rest = msg!("yaml-use-one-of", values = allowed.join(", "));
    let hint = suggest(did_you_mean(found, allowed.iter().copied()), rest);
    Diagnostic::error(msg!("yaml-unknown-value", value = found)).hint(hint)
}

/// A number out of its range, with the range of its key.
fn out_of_range(key: &str, value: &str) -> Diagnostic {
    let bound = BOUNDS.iter().find(|b| b.key == key);
    let (min, max) = bound.map_or((0, 0), |b| (b.min, b.max));
    Diagnostic::error(msg!(
        "out-of-range",
        key = key,
        value = value,
        min = min,
        max = max
    ))
    .hint(msg!("range-hint", key = key, min = min, max = max))
}

/// The key a pointer ends at (`/blocks/2/field/lines` → `lines`; list items take their list's
/// name: `/competencies/0` → `competencies`).
fn key_name(pointer: &str) -> String {
    pointer
        .split('/')
        .rev()
        .find(|s| !s.is_empty() && s.parse::<usize>().is_err())
        .unwrap_or_default()
        .replace("~1", "/")
        .replace("~0", "~")
}

fn key_node<'n>(map: &'n Node, key: &str) -> Option<&'n Node> {
    match &map.kind {
        Kind::Map(pairs) => pairs.iter().map(|(k, _)| k).find(|k| k.key_text() == key),
        _ => None,
    }
}

/// Where a missing key must be added: the mapping's first key (or the mapping itself).
fn first_key(node: &Node) -> &Node {
    match &node.kind {
        Kind::Map(pairs) => pairs.first().map_or(node, |(k, _)| k),
        _ => node,
    }
}

/// What a node is, as a selector of `yaml-wrong-type`.
fn found_kind(node: &Node) -> &'static str {
    match &node.kind {
        Kind::Map(_) => "mapping",
        Kind::Seq(_) => "list",
        Kind::Alias => "other",
        Kind::Scalar { plain: false, .. } => "text",
        Kind::Scalar { .. } => match node.to_json() {
            Value::Null => "nothing",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            _ => "text",
        },
    }
}

fn scalar_text(node: &Node) -> String {
    match &node.kind {
        Kind::Scalar { text, .. } => text.clone(),
        _ => String::new(),
    }
}
