//! What the link check's scan finds in one plain tag (see [`tag::plain`]), read without a
//! parser. Most of the lines a page does not share with others are such tags (a link to the
//! next page, a title's heading): lol_html, set up for each, cost about 12,000 instructions a
//! tag. What it reads is what lol_html reads (tested against it). It owns no rule of the check.

use super::scan::Chunk;
use crate::render::html::tag;

/// What the plain tag `piece` (from `<` to its `>`) holds, or `None` when it is not one.
pub(super) fn read_plain(piece: &[u8]) -> Option<Chunk> {
    let tag = tag::plain(piece)?;
    let mut chunk = Chunk::default();
    for attribute in &tag.attributes {
        let name = tag::lowercase(attribute.name);
        chunk.take_attribute(&tag.name, &name, attribute.value, 0..piece.len());
    }
    Some(chunk)
}

#[cfg(test)]
mod tests;
