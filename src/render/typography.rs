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
    if !is_french(language) {
        return Cow::Borrowed(text);
    }
    // Only the bytes that may call for a change are looked at, in one scan; the rest is copied
    // by runs, into a string made at the first change (most texts have none).
    let mut out: Option<String> = None;
    let mut copied = 0;
    for at in super::positions(text, &CANDIDATE) {
        let Some((start, end, with)) = change_at(text, at) else {
            continue;
        };
        // A space `«` took (its change came first) is not changed again by a `:` after it.
        if start >= copied {
            let out = out.get_or_insert_with(|| String::with_capacity(text.len() + 8));
            out.push_str(&text[copied..start]);
            out.push(with);
            copied = end;
        }
    }
    match out {
        Some(mut out) => {
            out.push_str(&text[copied..]);
            Cow::Owned(out)
        }
        None => Cow::Borrowed(text),
    }
}

/// The bytes French typography may change something for: `: ; ! ? '`, and the last bytes of
/// `«` and `»` (AB and BB, which other characters may also end with). Every value a template
/// prints and every text of the Markdown passes here, most of them holding none of these bytes:
/// runs of sixteen without one are skipped at once.
const CANDIDATE: super::ByteSet =
    super::rare_byte_set(&[b':', b';', b'!', b'?', b'\'', 0xAB, 0xBB]);

/// What French typography changes because of the byte at `at`: the bytes to replace, and with
/// what. An apostrophe between two letters; the space before `: ; ! ? »`; a space after `«`.
fn change_at(text: &str, at: usize) -> Option<(usize, usize, char)> {
    let bytes = text.as_bytes();
    // `«` is C2 AB and `»` C2 BB: the second byte is looked at, the first must precede it.
    let guillemet = at > 0 && bytes[at - 1] == 0xC2;
    match bytes[at] {
        b'\'' => {
            let before = text[..at].chars().next_back();
            let after = text[at + 1..].chars().next();
            let between =
                before.is_some_and(char::is_alphabetic) && after.is_some_and(char::is_alphabetic);
            between.then_some((at, at + 1, '\u{2019}'))
        }
        b':' => space_before(text, at, NBSP),
        b';' | b'!' | b'?' => space_before(text, at, NNBSP),
        0xBB if guillemet => space_before(text, at - 1, NBSP),
        0xAB if guillemet => {
            let space = text[at + 1..].chars().next()?;
            let end = at + 1 + space.len_utf8();
            (space == ' ' || space == NNBSP).then_some((at + 1, end, NBSP))
        }
        _ => None,
    }
}

/// The space before the character at `at`, made `with`.
fn space_before(text: &str, at: usize, with: char) -> Option<(usize, usize, char)> {
    let space = text[..at].chars().next_back()?;
    let start = at - space.len_utf8();
    matches!(space, ' ' | NBSP | NNBSP).then_some((start, at, with))
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
    fn the_space_after_an_opening_guillemet_is_taken_once_whatever_follows() {
        // A narrow no-break space (three bytes) after « becomes a no-break space too, and a
        // space taken by « is not judged again as the space before `;`.
        assert_eq!(
            apply("fr", "«\u{202f}été\u{202f}» « ; l'œuvre"),
            "«\u{a0}été\u{a0}» «\u{a0}; l\u{2019}œuvre"
        );
        // Bytes of `«` and `»` inside other characters (ë is C3 AB): nothing to change.
        assert_eq!(apply("fr", "Noël, Raphaël"), "Noël, Raphaël");
    }

    /// The rule as first written, one character after another: what the byte scan must give.
    fn reference(text: &str) -> String {
        let mut out = String::new();
        let mut chars = text.chars().peekable();
        let mut previous = ' ';
        while let Some(c) = chars.next() {
            match c {
                '\'' if previous.is_alphabetic()
                    && chars.peek().is_some_and(|n| n.is_alphabetic()) =>
                {
                    out.push('\u{2019}')
                }
                ' ' | NBSP | NNBSP => match chars.peek() {
                    Some(':') | Some('»') => out.push(NBSP),
                    Some(';') | Some('!') | Some('?') => out.push(NNBSP),
                    _ => out.push(c),
                },
                '«' => {
                    out.push('«');
                    if chars.next_if(|n| *n == ' ' || *n == NNBSP).is_some() {
                        out.push(NBSP);
                    }
                }
                _ => out.push(c),
            }
            previous = c;
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn the_byte_scan_gives_what_the_rule_says(
            picks in proptest::collection::vec(0..14usize, 0..24)
        ) {
            let alphabet = [' ', NBSP, NNBSP, ':', ';', '!', '?', '«', '»', '\'', 'a', 'é', 'ë', 'Ȼ'];
            let text: String = picks.iter().map(|&i| alphabet[i]).collect();
            proptest::prop_assert_eq!(apply("fr", &text), reference(&text));
        }
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
