//! Diagnostics: what went wrong, where, and how to fix it.
//!
//! Every stage reports problems as [`Diagnostic`] values that carry the file, line, column, the source
//! text to excerpt, a message and a hint. Stages collect them in a [`Diagnostics`] list so that a run
//! reports every problem at once. This module renders them (with annotate-snippets); it must not decide
//! exit codes or print anything by itself: that is the CLI's job.

use std::borrow::Cow;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::catalogue::{Lang, Message};

/// How serious a diagnostic is: errors stop the build, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// A source text a diagnostic points into, shared so that many diagnostics can excerpt one file.
#[derive(Debug, Clone, Default)]
pub struct SourceText {
    /// Path shown to the user (relative to the project root when possible).
    pub path: PathBuf,
    pub text: Arc<str>,
}

impl SourceText {
    pub fn new(path: impl Into<PathBuf>, text: impl Into<Arc<str>>) -> Self {
        SourceText {
            path: path.into(),
            text: text.into(),
        }
    }

    /// The byte offset of a 1-based line and column (column counted in characters).
    pub fn offset_of(&self, line: usize, column: usize) -> usize {
        let mut offset = 0;
        for (index, text_line) in self.text.split_inclusive('\n').enumerate() {
            if index + 1 == line {
                let in_line: usize = text_line
                    .char_indices()
                    .nth(column.saturating_sub(1))
                    .map_or(text_line.trim_end_matches('\n').len(), |(i, _)| i);
                return offset + in_line;
            }
            offset += text_line.len();
        }
        self.text.len()
    }

    /// The 1-based line and column (in characters) of a byte offset.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        (line, column)
    }

    /// A located span: the given byte range, clamped to the text.
    pub fn span(&self, range: Range<usize>) -> Span {
        let start = floor_char_boundary(&self.text, range.start.min(self.text.len()));
        let end = floor_char_boundary(&self.text, range.end.clamp(start, self.text.len()));
        Span {
            source: self.clone(),
            range: start..end,
        }
    }

    /// A span covering the token that starts at a 1-based line and column.
    pub fn span_at(&self, line: usize, column: usize) -> Span {
        let start = self.offset_of(line, column);
        let rest = &self.text[start..];
        let len = token_length(rest);
        self.span(start..start + len)
    }
}

/// The length of the YAML-ish token at the start of `rest`: a quoted string, or up to the end of the
/// line, a comma, a closing bracket or a comment.
fn token_length(rest: &str) -> usize {
    let line = rest.split('\n').next().unwrap_or("");
    if let Some(quote) = line.chars().next().filter(|c| *c == '"' || *c == '\'')
        && let Some(end) = line[1..].find(quote)
    {
        return end + 2;
    }
    let end = line
        .find([',', ']', '}', '#'])
        .unwrap_or(line.len())
        .max(line.chars().next().map_or(0, char::len_utf8));
    line[..end]
        .trim_end()
        .len()
        .max(line.chars().next().map_or(0, char::len_utf8))
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// A byte range of a source text.
#[derive(Debug, Clone, Default)]
pub struct Span {
    pub source: SourceText,
    pub range: Range<usize>,
}

impl Span {
    pub fn line_column(&self) -> (usize, usize) {
        self.source.line_column(self.range.start)
    }
}

/// One problem found in the content, the templates or the theme.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: Message,
    /// The file it is about, when there is one.
    pub path: Option<PathBuf>,
    /// Where in that file, when known.
    pub span: Option<Span>,
    /// A short label under the excerpt.
    pub label: Option<Message>,
    /// How to fix it.
    pub hint: Option<Message>,
}

impl Diagnostic {
    pub fn error(message: Message) -> Self {
        Diagnostic {
            severity: Severity::Error,
            message,
            path: None,
            span: None,
            label: None,
            hint: None,
        }
    }

    pub fn warning(message: Message) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(message)
        }
    }

    pub fn in_file(mut self, path: impl AsRef<Path>) -> Self {
        self.path = Some(path.as_ref().to_path_buf());
        self
    }

    pub fn at(mut self, span: Span) -> Self {
        self.path = Some(span.source.path.clone());
        self.span = Some(span);
        self
    }

    pub fn label(mut self, label: Message) -> Self {
        self.label = Some(label);
        self
    }

    pub fn hint(mut self, hint: Message) -> Self {
        self.hint = Some(hint);
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `path:line:column`, or the path alone, or nothing.
    pub fn location(&self) -> Option<String> {
        let path = self.path.as_ref()?.display().to_string();
        Some(match &self.span {
            Some(span) => {
                let (line, column) = span.line_column();
                format!("{path}:{line}:{column}")
            }
            None => path,
        })
    }

    /// Renders the diagnostic in `lang` as an annotated excerpt, styled for a terminal when
    /// `color` is set.
    pub fn render(&self, lang: Lang, color: bool) -> String {
        let word = |id| Message::new(id).text(lang);
        let level = match self.severity {
            Severity::Error => Level::ERROR.with_name(word("level-error")),
            Severity::Warning => Level::WARNING.with_name(word("level-warning")),
        };
        let help = Level::HELP.with_name(word("level-help"));
        let title = level.primary_title(self.message.text(lang));
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let hint = self.hint.as_ref().map(|hint| hint.text(lang));
        let Some(span) = &self.span else {
            // annotate-snippets shows a path only with an excerpt: lay out the file-only case here.
            let mut out = renderer.render(&[Group::with_title(title)]);
            if let Some(location) = self.location() {
                out.push_str(&format!("\n  --> {location}"));
            }
            if let Some(hint) = hint {
                out.push_str(&format!("\n  = {}: {hint}", word("level-help")));
            }
            return out;
        };
        let (text, range) = visible_tabs(&span.source.text, span.range.clone());
        let label = self.label.as_ref().map(|label| label.text(lang));
        let annotation = AnnotationKind::Primary.span(range).label(label);
        let mut groups = vec![
            title.element(
                Snippet::source(text)
                    .path(span.source.path.display().to_string())
                    .fold(true)
                    .annotation(annotation),
            ),
        ];
        if let Some(hint) = hint {
            groups.push(Group::with_title(help.secondary_title(hint)));
        }
        renderer.render(&groups)
    }
}

/// The text with every tab shown as `→` (a tab in YAML indentation is an error the reader must
/// see), and `range` moved to match.
fn visible_tabs(text: &str, range: Range<usize>) -> (Cow<'_, str>, Range<usize>) {
    if !text.contains('\t') {
        return (Cow::Borrowed(text), range);
    }
    let extra = '→'.len_utf8() - 1;
    let shift = |offset: usize| offset + text[..offset].matches('\t').count() * extra;
    let moved = shift(range.start)..shift(range.end);
    (Cow::Owned(text.replace('\t', "→")), moved)
}

/// The problems of one run, in the order they were found.
#[derive(Debug, Clone, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Diagnostics::default()
    }

    /// Adds a diagnostic, unless the same problem at the same place is already reported.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        let key = (&diagnostic.message, diagnostic.location());
        if !self.items.iter().any(|d| (&d.message, d.location()) == key) {
            self.items.push(diagnostic);
        }
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        for diagnostic in other {
            self.push(diagnostic);
        }
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    /// Turns every warning into an error (for `--deny-warnings`).
    pub fn deny_warnings(&mut self) {
        for item in &mut self.items {
            item.severity = Severity::Error;
        }
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(diagnostic: Diagnostic) -> Self {
        Diagnostics {
            items: vec![diagnostic],
        }
    }
}

/// The closest candidate to `word`, when one is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|candidate| (strsim::jaro_winkler(word, candidate), candidate))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

/// `rest`, preceded by « did you mean `close`? » when there is a close candidate.
pub fn suggest(close: Option<&str>, rest: Message) -> Message {
    match close {
        Some(close) => crate::msg!("did-you-mean", close = close, rest = rest),
        None => rest,
    }
}

/// The `count` candidates closest to `word`, closest first (ties in alphabetical order, so that
/// hints do not depend on the candidates' order).
pub fn closest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    count: usize,
) -> Vec<&'a str> {
    let mut scored: Vec<(f64, &str)> = candidates
        .into_iter()
        .map(|candidate| (strsim::jaro_winkler(word, candidate), candidate))
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    scored.into_iter().take(count).map(|(_, c)| c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::msg;

    #[test]
    fn line_column_round_trips_through_offsets() {
        let source = SourceText::new("a.yaml", "title: é\ncodes: [A.1, B.2]\n");
        let offset = source.offset_of(2, 14);
        assert_eq!(&source.text[offset..offset + 3], "B.2");
        assert_eq!(source.line_column(offset), (2, 14));
        assert_eq!(source.span_at(2, 14).range.len(), 3);
    }

    #[test]
    fn rendered_error_names_file_line_and_hint() {
        let source = SourceText::new("content/a.yaml", "codes: [A.1, Z.9]\n");
        let problem = Diagnostic::error(msg!("unknown-code", code = "Z.9"))
            .at(source.span_at(1, 14))
            .label(msg!("unknown-code-label"))
            .hint(msg!(
                "unknown-code-hint-domain",
                domain = "A",
                codes = "A.1"
            ));
        let text = problem.render(Lang::En, false);
        assert!(text.contains("content/a.yaml:1:14"), "{text}");
        assert!(text.contains("Z.9"), "{text}");
        assert!(text.contains("help: domain A has: A.1"), "{text}");
        let text = problem.render(Lang::Fr, false);
        assert!(
            text.contains("erreur\u{202f}: code de compétence inconnu"),
            "{text}"
        );
        assert!(
            text.contains("aide\u{202f}: le domaine A contient\u{202f}: A.1"),
            "{text}"
        );
    }

    #[test]
    fn tabs_are_shown_and_the_caret_stays_under_its_token() {
        let source = SourceText::new("a.yaml", "title: x\n\torder: 2\n");
        let text = Diagnostic::error(msg!("yaml-empty-text"))
            .at(source.span(9..10))
            .render(Lang::En, false);
        assert!(text.contains("→order: 2"), "{text}");
        let caret_line = text.lines().find(|l| l.contains('^')).unwrap();
        let excerpt_line = text.lines().find(|l| l.contains("→order")).unwrap();
        assert_eq!(
            caret_line.find('^').unwrap(),
            excerpt_line.find('→').unwrap(),
            "{text}"
        );
    }

    #[test]
    fn file_only_error_shows_path() {
        let text = Diagnostic::error(msg!("not-utf8"))
            .in_file("content/x.yaml")
            .render(Lang::En, false);
        assert!(text.contains("--> content/x.yaml"), "{text}");
    }

    #[test]
    fn did_you_mean_finds_close_codes_only() {
        assert_eq!(did_you_mean("X.2.6", ["X.2.5", "Y.1.1"]), Some("X.2.5"));
        assert_eq!(did_you_mean("zzz", ["X.2.5", "Y.1.1"]), None);
    }

    #[test]
    fn closest_ranks_by_similarity_then_name() {
        let ids = ["objectifs", "modalites", "objectif", "zz", "aa"];
        assert_eq!(closest("objectifz", ids, 2), ["objectif", "objectifs"]);
        assert_eq!(closest("q", ["b", "a"], 5), ["a", "b"]);
    }
}
