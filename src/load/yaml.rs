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
    serde_saphyr::from_str_with_options(text, options()).map_err(|error| diagnose(source, &error))
}

/// Budgets sized for hand-written handbook files: generous for real content, tiny for attacks.
fn options() -> Options {
    let mut budget = Budget::default();
    budget.max_depth = 32;
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
fn diagnose(source: &SourceText, error: &Error) -> Diagnostic {
    let error = innermost(error);
    let message = UserMessageFormatter.format_message(error).into_owned();
    let mut diagnostic = match error {
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
        Error::Budget { .. }
        | Error::AliasReplayLimitExceeded { .. }
        | Error::AliasExpansionLimitExceeded { .. }
        | Error::AliasReplayStackDepthExceeded { .. } => Diagnostic::error(format!(
            "YAML refused: {message}"
        ))
        .hint(
            "the file is too large, too deeply nested or expands too many aliases for a handbook \
             file; write the values out plainly",
        ),
        Error::NullIntoString { .. } => Diagnostic::error("a text value is empty")
            .hint("write the text after the colon, or remove the key if it is optional"),
        Error::DuplicateMappingKey { .. } => {
            Diagnostic::error(message).hint("each key may appear once in a mapping; remove one")
        }
        Error::SerdeInvalidType { .. } => Diagnostic::error(message).hint(
            "check the value's type: text, a number, a list (- item) or a mapping (key: value)",
        ),
        _ => Diagnostic::error(message)
            .hint("check the YAML syntax near this place (indentation, colons, quotes)"),
    };
    diagnostic = match error.location().filter(|l| l.line() > 0) {
        Some(location) => {
            diagnostic.at(source.span_at(location.line() as usize, location.column() as usize))
        }
        None => diagnostic.in_file(&source.path),
    };
    diagnostic
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
    fn wrong_type_is_located() {
        let d = error_of("title: a\norder: beaucoup\n");
        assert_eq!(d.span.unwrap().line_column().0, 2, "{}", d.message);
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
