//! YAML parsing with serde-saphyr, turned into located diagnostics.
//!
//! One place sets the parser's budgets (so an alias bomb or absurd nesting is refused quickly with
//! bounded memory) and maps every serde-saphyr error to a [`Diagnostic`] with file, line, column and
//! a hint. It must not know the content model: callers choose the type to deserialize into.

use serde::de::DeserializeOwned;
use serde_saphyr::{Budget, Error, MessageFormatter, Options, UserMessageFormatter};

use crate::diagnostic::{Diagnostic, SourceText, did_you_mean};

/// Parses `text` (the whole of `source`, or a prefix of it such as a front matter block) into `T`.
pub fn parse<T: DeserializeOwned>(source: &SourceText, text: &str) -> Result<T, Diagnostic> {
    serde_saphyr::from_str_with_options(text, options())
        .map_err(|error| diagnose(source, text, &error))
}

/// Budgets sized for hand-written handbook files: generous for real content, tiny for attacks.
fn options() -> Options {
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
        } => {
            let mut hint = format!("valid keys here: {}", expected.join(", "));
            if let Some(close) = did_you_mean(field, expected.iter().copied()) {
                hint = format!("did you mean `{close}`? {hint}");
            }
            Diagnostic::error(format!("unknown key `{field}`")).hint(hint)
        }
        Error::SerdeMissingField { field, .. } => {
            Diagnostic::error(format!("missing required key `{field}`")).hint(format!(
                "add `{field}: …` to this mapping (see docs/content-format.md)"
            ))
        }
        Error::SerdeUnknownVariant {
            variant, expected, ..
        } => Diagnostic::error(format!("unknown value `{variant}`"))
            .hint(format!("use one of: {}", expected.join(", "))),
        // The scanner reports flow nesting past its limit as a plain message, not a budget breach.
        Error::Budget { .. }
        | Error::AliasReplayLimitExceeded { .. }
        | Error::AliasExpansionLimitExceeded { .. }
        | Error::AliasReplayStackDepthExceeded { .. } => refused(&message),
        _ if message.contains("recursion limit") => refused(&message),
        Error::InvalidScalar { ty, location } => {
            let found = source.span_at(location.line() as usize, location.column() as usize);
            let found = &source.text[found.range];
            let (what, example) = scalar_kind(ty);
            Diagnostic::error(format!("expected {what}, found `{found}`"))
                .hint(format!("write {what} here, e.g. {example}"))
        }
        Error::NullIntoString { .. } => Diagnostic::error("a text value is empty")
            .hint("write the text after the colon, or remove the key if it is optional"),
        Error::DuplicateMappingKey { .. } => {
            Diagnostic::error(message).hint("each key may appear once in a mapping; remove one")
        }
        Error::SerdeInvalidType { .. } | Error::Unexpected { .. } => Diagnostic::error(message)
            .hint(
                "check the value's type: text, a number, a list (- item) or a mapping (key: value)",
            ),
        _ => Diagnostic::error(message)
            .hint("check the YAML syntax near this place (indentation, colons, quotes)"),
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
fn refused(message: &str) -> Diagnostic {
    Diagnostic::error(format!("YAML refused: {message}")).hint(
        "the file is too large, too deeply nested or expands too many aliases for a handbook \
         file; write the values out plainly",
    )
}

/// How to name a Rust scalar type to a trainer, with an example.
fn scalar_kind(ty: &str) -> (&'static str, &'static str) {
    match ty {
        "bool" | "boolean" => ("true or false", "`menu: false`"),
        t if t.starts_with('u') => ("a whole number (0 or more)", "`required_total: 23`"),
        t if t.starts_with('i') => ("a whole number", "`order: 3`"),
        t if t.starts_with('f') => ("a number", "`12.5`"),
        _ => ("a value of another type", "see docs/content-format.md"),
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
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Item {
        #[allow(dead_code)]
        title: String,
        #[allow(dead_code)]
        #[serde(default)]
        order: i64,
    }

    fn error_of(text: &str) -> Diagnostic {
        let source = SourceText::new("x.yaml", text);
        parse::<Item>(&source, text).unwrap_err()
    }

    #[test]
    fn unknown_key_suggests_the_close_one() {
        let d = error_of("title: a\nordre: 2\n");
        assert_eq!(d.message, "unknown key `ordre`");
        assert_eq!(d.span.unwrap().line_column(), (2, 1));
        assert!(d.hint.unwrap().contains("did you mean `order`"));
    }

    #[test]
    fn missing_key_is_named() {
        let d = error_of("order: 2\n");
        assert_eq!(d.message, "missing required key `title`");
    }

    #[test]
    fn missing_key_points_at_the_mapping_start() {
        let text =
            "# comment\ntitle: a\nitems:\n  - code: X\n    text: y\n  - text: z\n    extra: 1\n";
        assert_eq!(mapping_start(text, 7, 5), (6, 5));
        assert_eq!(mapping_start(text, 3, 1), (2, 1));
    }

    #[test]
    fn wrong_type_is_located() {
        let d = error_of("title: a\norder: beaucoup\n");
        assert_eq!(d.span.unwrap().line_column().0, 2, "{}", d.message);
    }

    #[test]
    fn wrong_scalar_names_the_expected_kind() {
        let d = error_of("title: a\norder: premier\n");
        assert_eq!(d.message, "expected a whole number, found `premier`");
    }

    #[test]
    fn alias_bomb_is_refused() {
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for level in b'b'..=b'k' {
            let prev = (level - 1) as char;
            let name = level as char;
            bomb.push_str(&format!(
                "{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
            ));
        }
        bomb.push_str("title: t\n");
        let source = SourceText::new("bomb.yaml", bomb.as_str());
        let result = parse::<serde_saphyr_value::Any>(&source, &bomb);
        let d = result.unwrap_err();
        assert!(d.message.starts_with("YAML refused"), "{}", d.message);
    }

    mod serde_saphyr_value {
        use serde::Deserialize;
        /// Accepts any YAML, so the test measures the parser's budget rather than a type error.
        #[derive(Debug, Deserialize)]
        #[serde(untagged)]
        pub enum Any {
            #[allow(dead_code)]
            Map(std::collections::BTreeMap<String, Any>),
            #[allow(dead_code)]
            List(Vec<Any>),
            #[allow(dead_code)]
            Text(String),
        }
    }

    #[test]
    fn deep_nesting_is_refused() {
        let text = format!("title: {}{}\n", "[".repeat(200), "]".repeat(200));
        let source = SourceText::new("deep.yaml", text.as_str());
        let d = parse::<serde_saphyr_value::Any>(&source, &text).unwrap_err();
        assert!(d.message.starts_with("YAML refused"), "{}", d.message);
    }
}
