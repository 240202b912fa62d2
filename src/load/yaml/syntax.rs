//! YAML syntax errors explained to a teacher: the parser's error is only a clue; the text around it
//! says what went wrong (a tab, a list or a quote left open, a line indented too far, a colon in a
//! text) and the caret goes where the fix belongs, which is often before the parser noticed.
//!
//! No phrase of the parser reaches the reader. This module reads text and returns one diagnostic;
//! it knows nothing of the content model.

use serde_saphyr::granit_parser::{ErrorKind, ScanError};

use crate::diagnostic::{Diagnostic, SourceText};
use crate::msg;

/// The diagnostic for a syntax error the parser met at `error` in `source.text[..len]`.
pub fn explain(source: &SourceText, len: usize, error: &ScanError) -> Diagnostic {
    let text = &source.text[..len];
    let lines: Vec<&str> = text.lines().collect();
    // The parser's line, 1-based; its column is 0-based.
    let (line, column) = (error.marker().line().max(1), error.marker().col());
    if let Some(found) = tab_in_indentation(&lines, line) {
        return found.diagnostic(source);
    }
    if let Some(found) = unclosed_flow(&lines, line, column) {
        return found.diagnostic(source);
    }
    if let Some(found) = unclosed_quote(&lines, line) {
        return found.diagnostic(source);
    }
    match error.kind() {
        ErrorKind::UnclosedQuotedScalar => {
            let quote = lines
                .get(line - 1)
                .and_then(|l| l[byte_of(l, column)..].chars().next())
                .filter(|c| matches!(c, '"' | '\''))
                .unwrap_or('"');
            quote_left_open(line, column + 1, quote).diagnostic(source)
        }
        ErrorKind::MappingValueNotAllowed => match colon_in_text(&lines, line, column) {
            Some(fixed) => Diagnostic::error(msg!("yaml-colon-in-text"))
                .at(source.span(point(source, line, column + 1)))
                .hint(msg!("yaml-colon-in-text-hint", fixed = fixed)),
            None => {
                indentation(source, &lines, line).unwrap_or_else(|| generic(source, line, column))
            }
        },
        ErrorKind::ExpectedBlockMappingKey
        | ErrorKind::ExpectedBlockSequenceEntry
        | ErrorKind::InvalidIndentation
        | ErrorKind::InvalidSimpleKey
        | ErrorKind::SimpleKeyExpected => {
            indentation(source, &lines, line).unwrap_or_else(|| generic(source, line, column))
        }
        _ => generic(source, line, column),
    }
}

/// Whether the parser stopped at its nesting limit: not a mistake to explain, a file to refuse.
pub fn is_too_deep(error: &ScanError) -> bool {
    matches!(error.kind(), ErrorKind::RecursionLimitExceeded)
}

/// A problem found at a place: the message, the 1-based line and the 1-based column.
struct Found {
    message: crate::catalogue::Message,
    hint: crate::catalogue::Message,
    line: usize,
    column: usize,
}

impl Found {
    fn diagnostic(self, source: &SourceText) -> Diagnostic {
        Diagnostic::error(self.message)
            .at(source.span(point(source, self.line, self.column)))
            .hint(self.hint)
    }
}

/// One character's range at a 1-based line and column.
fn point(source: &SourceText, line: usize, column: usize) -> std::ops::Range<usize> {
    let start = source.offset_of(line, column);
    let len = source.text[start..]
        .chars()
        .next()
        .map_or(0, char::len_utf8);
    start..start + len
}

/// The byte index of a 0-based character column in a line.
fn byte_of(line: &str, column: usize) -> usize {
    line.char_indices()
        .nth(column)
        .map_or(line.len(), |(i, _)| i)
}

/// The first tab in the indentation of a line, up to the line after the error (the parser may
/// stop on the line before, inside a value it thinks goes on).
fn tab_in_indentation(lines: &[&str], error_line: usize) -> Option<Found> {
    lines
        .iter()
        .enumerate()
        .take(error_line + 1)
        .find_map(|(index, line)| {
            let indent: String = line.chars().take_while(|c| c.is_whitespace()).collect();
            let column = indent.chars().position(|c| c == '\t')?;
            Some(Found {
                message: msg!("yaml-tab", line = index + 1),
                hint: msg!("yaml-tab-hint"),
                line: index + 1,
                column: column + 1,
            })
        })
}

/// A `[` or `{` opened on an earlier line than the error, or on its line before it, and not
/// closed: the reader left a list open, and everything after reads as inside it.
fn unclosed_flow(lines: &[&str], error_line: usize, error_column: usize) -> Option<Found> {
    let mut open: Vec<(usize, usize, char)> = Vec::new();
    for (index, line) in lines.iter().enumerate().take(error_line) {
        let mut quote: Option<char> = None;
        for (column, c) in line.chars().enumerate() {
            if index + 1 == error_line && column >= error_column {
                break;
            }
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') if !open.is_empty() || starts_value(line, column) => {
                    quote = Some(c)
                }
                (None, '#') if column == 0 || line[..byte_of(line, column)].ends_with(' ') => {
                    break;
                }
                (None, '[' | '{') => open.push((index + 1, column + 1, c)),
                (None, ']' | '}') => {
                    open.pop();
                }
                _ => {}
            }
        }
    }
    let (line, column, bracket) = *open.first()?;
    let (close, kind) = if bracket == '[' {
        (']', "list")
    } else {
        ('}', "map")
    };
    Some(Found {
        message: msg!("yaml-unclosed", kind = kind, line = line),
        hint: msg!("yaml-unclosed-hint", kind = kind, close = close.to_string()),
        line,
        column,
    })
}

/// A value opened with a quotation mark on an earlier line than the error and not closed on its
/// line: YAML allows a quoted text over several lines, so the parser met the trouble later, where
/// the next quotation mark closed it.
fn unclosed_quote(lines: &[&str], error_line: usize) -> Option<Found> {
    lines
        .iter()
        .enumerate()
        .take(error_line.saturating_sub(1))
        .find_map(|(index, line)| {
            let item = line
                .trim_start()
                .strip_prefix("- ")
                .unwrap_or(line.trim_start());
            let value = item.split_once(": ").map_or(item, |(_, v)| v).trim_start();
            let quote = value.chars().next().filter(|c| matches!(c, '"' | '\''))?;
            let rest = &value[1..];
            let closed = match quote {
                '"' => rest.replace("\\\\", "").replace("\\\"", "").contains('"'),
                _ => rest.replace("''", "").contains('\''),
            };
            if closed {
                return None;
            }
            let column = line.chars().count() - value.chars().count() + 1;
            Some(quote_left_open(index + 1, column, quote))
        })
}

fn quote_left_open(line: usize, column: usize, quote: char) -> Found {
    Found {
        message: msg!("yaml-unclosed-quote"),
        hint: msg!("yaml-unclosed-quote-hint", quote = quote.to_string()),
        line,
        column,
    }
}

/// Whether a quote at `column` opens a quoted value (after `key: `, `- ` or at the line's start).
fn starts_value(line: &str, column: usize) -> bool {
    let before = line[..byte_of(line, column)].trim_end();
    before.is_empty() || before.ends_with(':') || before.ends_with('-') || before.ends_with(',')
}

/// `key: text: more` — the error is at a colon after the key's own: the fix is quotes around the
/// whole text, which this returns.
fn colon_in_text(lines: &[&str], line: usize, column: usize) -> Option<String> {
    let text = lines.get(line - 1)?;
    let (key, value) = text.split_once(": ")?;
    let key_end = key.chars().count() + 1;
    if column <= key_end || value.starts_with(['"', '\'']) {
        return None;
    }
    let escaped = value.trim_end().replace('\\', "\\\\").replace('"', "\\\"");
    Some(format!("{}: \"{escaped}\"", key.trim_start()))
}

/// The line whose indentation is off, compared with the nearest key it should line up with.
fn indentation(source: &SourceText, lines: &[&str], line: usize) -> Option<Diagnostic> {
    // The parser may report the line after the culprit (a missing key is noticed at the next one).
    let own = |index: usize| {
        let text = lines.get(index)?;
        let trimmed = text.trim_start();
        (!trimmed.is_empty() && !trimmed.starts_with('#'))
            .then(|| (text.len() - trimmed.len(), key_of(trimmed)))
    };
    let (indent, key) = own(line - 1)?;
    let levels = levels_above(lines, line - 1);
    let (level, level_line, level_key) = levels
        .iter()
        .copied()
        .filter(|(level, ..)| *level != indent)
        .min_by_key(|(level, ..)| (level.abs_diff(indent), usize::MAX - level))?;
    if levels.iter().any(|(l, ..)| *l == indent) {
        return None;
    }
    let (direction, spaces) = if indent > level {
        ("more", indent - level)
    } else {
        ("less", level - indent)
    };
    Some(
        Diagnostic::error(msg!(
            "yaml-indent",
            line = line,
            spaces = spaces,
            direction = direction,
            other = level_key,
            other_line = level_line
        ))
        .at(source.span(point(source, line, indent + 1)))
        .hint(msg!(
            "yaml-indent-hint",
            spaces = spaces,
            direction = direction,
            key = key,
            other = level_key
        )),
    )
}

/// The indentations a line may take: those of the lines above it that are still open (each
/// shallower than every line between it and the line), with their line numbers and keys.
fn levels_above<'a>(lines: &[&'a str], index: usize) -> Vec<(usize, usize, &'a str)> {
    let mut levels = Vec::new();
    let mut deepest = usize::MAX;
    for (above, text) in lines[..index].iter().enumerate().rev() {
        let trimmed = text.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with("---") {
            continue;
        }
        let indent = text.len() - trimmed.len();
        if indent < deepest {
            deepest = indent;
            levels.push((indent, above + 1, key_of(trimmed)));
        }
        if indent == 0 {
            break;
        }
    }
    levels
}

/// The key a line starts with (`slug` of `slug: x`, `heading` of `- heading: x`), or the line.
fn key_of(trimmed: &str) -> &str {
    let item = trimmed.strip_prefix("- ").unwrap_or(trimmed);
    item.split_once(':').map_or(item, |(key, _)| key).trim()
}

/// What is left: the place, in plain words.
fn generic(source: &SourceText, line: usize, column: usize) -> Diagnostic {
    Diagnostic::error(msg!("yaml-syntax", line = line))
        .at(source.span(point(source, line, column + 1)))
        .hint(msg!("yaml-syntax-hint"))
}

#[cfg(test)]
mod tests;
