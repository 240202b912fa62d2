//! Language-aware typography for text the site shows.
//!
//! French sets a no-break space before the high punctuation `: ; ! ?` and inside « », so a line never
//! starts with a colon or a lone guillemet. Authors type ordinary spaces; this turns them into the
//! right no-break space, and an apostrophe between two letters (l'image) into the typographic one
//! (l’image), as Markdown's smart punctuation does. It only replaces what the author typed between
//! words, so URLs and code stay untouched.
//! Other languages pass through unchanged.

use std::borrow::Cow;

/// No-break space (before `:` and inside « »).
const NBSP: char = '\u{a0}';
/// Narrow no-break space (before `; ! ?`).
const NNBSP: char = '\u{202f}';

/// Applies the typography of `language` (a BCP 47 tag such as `fr` or `fr-FR`) to plain text.
pub fn apply<'a>(language: &str, text: &'a str) -> Cow<'a, str> {
    if !is_french(language) || !text.contains([':', ';', '!', '?', '«', '»', '\'']) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    let mut previous = ' ';
    while let Some(c) = chars.next() {
        let current = c;
        match c {
            '\'' if previous.is_alphabetic() && chars.peek().is_some_and(|n| n.is_alphabetic()) => {
                out.push('\u{2019}')
            }
            ' ' | NBSP | NNBSP => match chars.peek() {
                Some(':') | Some('»') => out.push(NBSP),
                Some(';') | Some('!') | Some('?') => out.push(NNBSP),
                _ => out.push(c),
            },
            '«' => {
                out.push('«');
                if chars
                    .peek()
                    .is_some_and(|next| *next == ' ' || *next == NNBSP)
                {
                    chars.next();
                    out.push(NBSP);
                }
            }
            _ => out.push(c),
        }
        previous = current;
    }
    Cow::Owned(out)
}

fn is_french(language: &str) -> bool {
    language == "fr" || language.starts_with("fr-") || language.starts_with("fr_")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_high_punctuation_gets_no_break_spaces() {
        assert_eq!(
            apply("fr", "Domaines : A ; B ! C ? « D »"),
            "Domaines\u{a0}: A\u{202f}; B\u{202f}! C\u{202f}? «\u{a0}D\u{a0}»"
        );
    }

    #[test]
    fn urls_and_unspaced_punctuation_are_untouched() {
        assert_eq!(
            apply("fr", "http://exemple.fr/a?b=c"),
            "http://exemple.fr/a?b=c"
        );
    }

    #[test]
    fn apostrophes_between_letters_become_typographic() {
        assert_eq!(apply("fr", "l'image 'cité'"), "l\u{2019}image 'cité'");
    }

    #[test]
    fn other_languages_pass_through() {
        assert_eq!(apply("en", "Note : x"), "Note : x");
    }

    #[test]
    fn applying_twice_changes_nothing_more() {
        let once = apply("fr-FR", "« a » : b").into_owned();
        assert_eq!(apply("fr", &once), once);
    }
}
