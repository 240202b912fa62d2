//! Reading the YAML files: syntax, shape, then the typed value.
//!
//! A file is first read into a tree that keeps positions ([`tree`]); a syntax error is explained in
//! plain words ([`syntax`]); the tree is then checked against the file's JSON Schema, which finds
//! every unknown key, wrong type, missing key and number out of range at once ([`shape`]); only a
//! file that passes is deserialized: from its tree where that gives serde-saphyr's value
//! ([`read`]), else by serde-saphyr with budgets (so nothing absurd is ever expanded). It must
//! not know the content model beyond the type it is asked for.

mod read;
mod shape;
mod syntax;
mod tree;

use serde::de::DeserializeOwned;
use serde_json::Value;
use serde_saphyr::{Budget, Error, MessageFormatter, Options, UserMessageFormatter};

use crate::diagnostic::{Diagnostic, Diagnostics, SourceText, did_you_mean, suggest};
use crate::msg;
use crate::schema::ContentFile;
use tree::TreeError;

/// Parses `text` (the whole of `source`, or a prefix of it such as a front matter block) into `T`,
/// or returns every problem of the file.
pub fn parse<T: ContentFile>(source: &SourceText, text: &str) -> Result<T, Diagnostics> {
    let document = match tree::parse(text) {
        Ok(document) => document,
        Err(TreeError::Syntax(error)) if syntax::is_too_deep(&error) => {
            let at = source.offset_of(error.marker().line(), error.marker().col() + 1);
            return Err(refused().at(source.span(at..at + 1)).into());
        }
        Err(TreeError::Syntax(error)) => {
            return Err(syntax::explain(source, text.len(), &error).into());
        }
        Err(TreeError::TooBig { at }) => return Err(refused().at(source.span(at..at + 1)).into()),
    };
    let Some(root) = document.root.as_ref().filter(|root| !root.is_null()) else {
        return Err(empty_file::<T>(source).into());
    };
    let problems = shape::check::<T>(source, root);
    if !problems.is_empty() {
        let mut all = Diagnostics::new();
        all.extend(problems);
        return Err(all);
    }
    // A file that passed is read from its tree where it can be, else parsed again by serde-saphyr.
    match read::read(&document) {
        Some(value) => Ok(value),
        None => parse_unchecked(source, text).map_err(Diagnostics::from),
    }
}

/// Parses `text` into `T` without a schema (the theme's labels): the first problem only.
pub fn parse_unchecked<T: DeserializeOwned>(
    source: &SourceText,
    text: &str,
) -> Result<T, Diagnostic> {
    serde_saphyr::from_str_with_options(text, options())
        .map_err(|error| diagnose(source, text, &error))
}

/// An empty file (or front matter), with the keys it needs.
fn empty_file<T: ContentFile>(source: &SourceText) -> Diagnostic {
    let required: Vec<String> = T::schema()
        .get("required")
        .and_then(Value::as_array)
        .map(|keys| {
            keys.iter()
                .filter_map(Value::as_str)
                .map(|k| format!("`{k}:`"))
                .collect()
        })
        .unwrap_or_default();
    Diagnostic::error(msg!("yaml-empty-file", kind = T::NAME))
        .at(source.span(0..0))
        .hint(msg!("yaml-empty-file-hint", keys = required.join(", ")))
}

/// Budgets sized for hand-written handbook files: generous for real content, tiny for attacks.
pub(super) fn options() -> Options {
    let mut budget = Budget::default();
    budget.max_depth = 32;
    budget.flow_nesting_limit = 32;
    budget.max_events = 200_000;
    budget.max_nodes = 100_000;
    budget.max_aliases = 1_000;
    budget.max_anchors = 1_000;
    budget.max_recorded_anchor_events = 20_000;
    budget.max_total_scalar_bytes = 8 * 1024 * 1024;
    budget.max_documents = 1;
    let mut options = Options::default();
    options.budget = Some(budget);
    options.with_snippet = false;
    options
}

/// Maps a serde-saphyr error to a diagnostic, with a hint for the errors trainers actually make.
fn diagnose(source: &SourceText, text: &str, error: &Error) -> Diagnostic {
    let error = innermost(error);
    let message = UserMessageFormatter.format_message(error).into_owned();
    let diagnostic = match error {
        Error::SerdeUnknownField {
            field, expected, ..
        } => unknown_key(field, expected, None),
        Error::SerdeMissingField { field, .. } => missing_key(field),
        Error::SerdeUnknownVariant {
            variant, expected, ..
        } => Diagnostic::error(msg!("yaml-unknown-value", value = variant.as_str()))
            .hint(msg!("yaml-use-one-of", values = expected.join(", "))),
        // The scanner reports flow nesting past its limit as a plain message, not a budget breach.
        Error::Budget { .. }
        | Error::AliasReplayLimitExceeded { .. }
        | Error::AliasExpansionLimitExceeded { .. }
        | Error::AliasReplayStackDepthExceeded { .. } => refused(),
        _ if message.contains("recursion limit") => refused(),
        Error::InvalidScalar { ty, location } => {
            let found = source.span_at(location.line() as usize, location.column() as usize);
            let found = &source.text[found.range];
            let kind = scalar_kind(ty);
            Diagnostic::error(msg!("yaml-expected-kind", kind = kind, found = found))
                .hint(msg!("yaml-expected-kind-hint", kind = kind))
        }
        Error::NullIntoString { .. } => {
            Diagnostic::error(msg!("yaml-empty-text")).hint(msg!("yaml-empty-text-hint"))
        }
        Error::DuplicateMappingKey { key, .. } => Diagnostic::error(msg!(
            "yaml-duplicate-key",
            key = key.as_deref().unwrap_or("?")
        ))
        .hint(msg!("yaml-duplicate-key-hint")),
        _ => Diagnostic::error(msg!("yaml-wrong-shape")).hint(msg!("yaml-wrong-shape-hint")),
    };
    let location = error.location().filter(|l| l.line() > 0);
    match location {
        Some(location) => {
            let (mut line, mut column) = (location.line() as usize, location.column() as usize);
            if matches!(error, Error::SerdeMissingField { .. }) {
                // serde reports a missing key where the mapping ends; point at where it starts,
                // which is where the key must be added.
                (line, column) = mapping_start(text, line, column);
            }
            diagnostic.at(source.span_at(line, column))
        }
        None => diagnostic.in_file(&source.path),
    }
}

/// The line and column of the first key of the block mapping whose keys sit at `column` and which
/// contains `line`: walks up while lines are nested deeper or are siblings at the same column.
fn mapping_start(text: &str, line: usize, column: usize) -> (usize, usize) {
    let lines: Vec<&str> = text.lines().collect();
    let indent = column.saturating_sub(1);
    let mut start = (line, column);
    for number in (1..line.min(lines.len() + 1)).rev() {
        let content = lines[number - 1];
        let trimmed = content.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with("---") {
            continue;
        }
        let own = content.len() - trimmed.len();
        if own == indent {
            start = (number, column);
        } else if own < indent {
            // `- key:` opens a mapping inside a list item: its first key is on this line.
            if trimmed.starts_with("- ") && own + 2 == indent {
                start = (number, column);
            }
            break;
        }
    }
    start
}

/// A file refused by the parser's budgets: an alias bomb, absurd nesting, a runaway size.
fn refused() -> Diagnostic {
    Diagnostic::error(msg!("yaml-refused")).hint(msg!("yaml-refused-hint"))
}

/// An unknown key, with the closest valid one when it looks like a typo.
/// `meant` is the key it most likely stands for, when the caller knows better than spelling.
pub(crate) fn unknown_key(key: &str, valid: &[&str], meant: Option<&str>) -> Diagnostic {
    let valid_keys = msg!("yaml-valid-keys", valid = valid.join(", "));
    let meant = meant.or_else(|| did_you_mean(key, valid.iter().copied()));
    let hint = suggest(meant, valid_keys);
    Diagnostic::error(msg!("yaml-unknown-key", key = key)).hint(hint)
}

pub(crate) fn missing_key(key: &str) -> Diagnostic {
    Diagnostic::error(msg!("yaml-missing-key", key = key))
        .hint(msg!("yaml-missing-key-hint", key = key))
}

/// How to name a Rust scalar type to a trainer (a selector of `yaml-expected-kind`).
fn scalar_kind(ty: &str) -> &'static str {
    match ty {
        "bool" | "boolean" => "boolean",
        t if t.starts_with('u') => "natural",
        t if t.starts_with('i') => "integer",
        t if t.starts_with('f') => "number",
        _ => "other",
    }
}

/// Strips the snippet and alias wrappers serde-saphyr puts around the error that matters.
fn innermost(error: &Error) -> &Error {
    match error.without_snippet() {
        Error::AliasError { error, .. } => innermost(error),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Activity, FrontMatter};

    fn errors_of<T: ContentFile + std::fmt::Debug>(text: &str) -> Vec<Diagnostic> {
        let source = SourceText::new("x.yaml", text);
        parse::<T>(&source, text).unwrap_err().into_iter().collect()
    }

    fn english(problems: &[Diagnostic]) -> Vec<String> {
        problems.iter().map(|d| d.message.english()).collect()
    }

    #[test]
    fn unknown_key_suggests_the_close_one() {
        let problems = errors_of::<FrontMatter>("title: a\nordre: 2\n");
        assert_eq!(english(&problems), ["unknown key `ordre`"]);
        let d = &problems[0];
        assert_eq!(d.span.as_ref().unwrap().line_column(), (2, 1));
        assert!(
            d.hint
                .as_ref()
                .unwrap()
                .english()
                .contains("did you mean `order`")
        );
    }

    #[test]
    fn every_shape_problem_of_a_file_is_reported_in_one_pass() {
        let text = "titel: a\nslug: a\nordre: 1\ncompetencies: A.1\nsumary: b\n\
                    fiche:\n  blocks:\n    - field: {label: x, lines: 99}\n";
        let problems = errors_of::<Activity>(text);
        assert_eq!(
            english(&problems),
            [
                "unknown key `titel`",
                "unknown key `ordre`",
                "`competencies` must be a list, not the text `A.1`",
                "unknown key `sumary`",
                "`lines` is 99, out of its range: from 1 to 40",
            ]
        );
    }

    #[test]
    fn missing_key_points_at_the_mapping_start() {
        let problems = errors_of::<FrontMatter>("# comment\norder: 2\n");
        assert_eq!(english(&problems), ["missing required key `title`"]);
        assert_eq!(problems[0].span.as_ref().unwrap().line_column(), (2, 1));
        let text =
            "# comment\ntitle: a\nitems:\n  - code: X\n    text: y\n  - text: z\n    extra: 1\n";
        assert_eq!(mapping_start(text, 7, 5), (6, 5));
        assert_eq!(mapping_start(text, 3, 1), (2, 1));
    }

    #[test]
    fn a_plain_number_is_text_where_text_is_expected() {
        let source = SourceText::new("x.yaml", "title: 2016\n");
        let front: FrontMatter = parse(&source, "title: 2016\n").unwrap();
        assert_eq!(front.title, "2016");
    }

    #[test]
    fn an_empty_file_says_what_it_needs() {
        let problems = errors_of::<FrontMatter>("# nothing yet\n");
        assert_eq!(english(&problems), ["the page's front matter is empty"]);
        let hint = problems[0].hint.as_ref().unwrap().english();
        assert!(hint.contains("`title:`"), "{hint}");
    }

    #[test]
    fn aliases_stand_for_their_anchor_and_a_bomb_is_refused() {
        let source = SourceText::new("x.yaml", "");
        let text = "title: &t Le titre\norder: 1\ndata: [*t]\n";
        let front: FrontMatter = parse(&source, text).unwrap();
        assert_eq!(front.data[0].value, "Le titre");
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for level in b'b'..=b'k' {
            let prev = (level - 1) as char;
            let name = level as char;
            let aliases = vec![format!("*{prev}"); 10].join(", ");
            bomb.push_str(&format!("{name}: &{name} [{aliases}]\n"));
        }
        let problems = errors_of::<FrontMatter>(&bomb);
        assert_eq!(problems[0].message.id(), "yaml-refused");
    }

    #[test]
    fn deep_nesting_is_refused() {
        let text = format!("title: {}{}\n", "[".repeat(200), "]".repeat(200));
        let problems = errors_of::<FrontMatter>(&text);
        assert_eq!(problems[0].message.id(), "yaml-refused");
    }
}
