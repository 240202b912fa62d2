//! What the link check's scan finds in one plain tag (see [`tag::plain`]), read without a
//! parser. Most of the lines a page does not share with others are such tags (a link to the
//! next page, a title's heading): lol_html, set up for each, cost about 12,000 instructions a
//! tag. What it reads is what lol_html reads (tested against it). It owns no rule of the check.

use super::scan::Chunk;
use crate::render::html::tag;

/// Adds to `chunk` what the plain tag `piece` (from `<` to its `>`, at byte `at` of the chunk)
/// holds: whether it is one (when it is not, nothing is added). Added in place rather than
/// gathered apart and copied: a page's chrome holds dozens of such tags.
pub(super) fn read_plain(piece: &[u8], at: usize, chunk: &mut Chunk) -> bool {
    let Some(tag) = tag::plain(piece) else {
        return false;
    };
    for attribute in &tag.attributes {
        let name = tag::lowercase(attribute.name);
        chunk.take_attribute(&tag.name, &name, attribute.value, at..at + piece.len());
    }
    true
}

#[cfg(test)]
mod tests;
