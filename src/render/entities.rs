//! HTML character references (`&amp;`, `&nbsp;`, `&#233;`, …) decoded, for the stages that read
//! rendered HTML: the link check's URLs and anchors, and the search text. It decodes; it never
//! escapes (templates and the Markdown renderer do that).

use std::borrow::Cow;

use quick_xml::escape::{resolve_html5_entity, unescape_with};

/// `text` with its character references decoded (HTML5's named references included); text with a
/// malformed reference is kept as written, as browsers show it.
pub fn decode(text: &str) -> Cow<'_, str> {
    unescape_with(text, resolve_html5_entity).unwrap_or(Cow::Borrowed(text))
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn named_and_numeric_references_are_decoded() {
        assert_eq!(
            decode("a&nbsp;: l&#39;&eacute;t&#xE9; &amp; &lt;b&gt;"),
            "a\u{a0}: l'été & <b>"
        );
        assert_eq!(decode("AT&T sans point-virgule"), "AT&T sans point-virgule");
    }
}
