//! Each word's postings, encoded as the documents come: pairs (document minus the previous one,
//! code) in base64 VLQ (see [`super::DocWords`] for the code). A rebuild after a change to some
//! pages (serve's) edits the previous build's postings where those pages' documents stand rather
//! than encoding every page's words again: [`Postings::splice`] replaces a run of documents, and
//! [`truncate`] drops every document from one on, when the numbering changes there. It knows
//! nothing of pages or files.

use std::ops::Range;

/// Every word's postings, by word.
pub type Words = foldhash::HashMap<Box<str>, Postings>;

/// A word's postings, and its last document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Postings {
    pub encoded: String,
    pub last: u32,
}

impl Postings {
    /// Adds document `doc` (after every document so far) with `code`.
    pub fn push(&mut self, doc: u32, code: u32) {
        vlq_into(
            [(doc - self.last) as usize, code as usize],
            &mut self.encoded,
        );
        self.last = doc;
    }

    /// Replaces the documents in `docs` with `new` (document, code) pairs, in order and within
    /// `docs`; the documents after `docs` keep their numbers. Returns whether any document is left.
    pub fn splice(&mut self, docs: Range<u32>, new: &[(u32, u32)]) -> bool {
        let mut reader = Reader::new(&self.encoded);
        let (start, before) = reader.skip_below(docs.start);
        let (run_end, _) = reader.skip_below(docs.end);
        let mut replacement = String::new();
        let mut last = before;
        for &(doc, code) in new {
            vlq_into([(doc - last) as usize, code as usize], &mut replacement);
            last = doc;
        }
        // The first document after the run, whose difference is written again from what now
        // comes before it; without one, the new last document is the run's.
        let end = match reader.next() {
            Some((doc, delta_end)) => {
                vlq_into([(doc - last) as usize], &mut replacement);
                delta_end
            }
            None => {
                self.last = last;
                run_end
            }
        };
        self.encoded.replace_range(start..end, &replacement);
        !self.encoded.is_empty()
    }

    /// Drops every document from `doc` on. Returns whether any document is left.
    fn truncate(&mut self, doc: u32) -> bool {
        let (end, before) = Reader::new(&self.encoded).skip_below(doc);
        if end < self.encoded.len() {
            self.encoded.truncate(end);
            self.last = before;
        }
        !self.encoded.is_empty()
    }
}

/// Drops every document from `doc` on from every word, and the words left without one.
pub fn truncate(words: &mut Words, doc: u32) {
    words.retain(|_, postings| postings.truncate(doc));
}

/// A reader of encoded postings, pair after pair.
struct Reader<'a> {
    encoded: &'a [u8],
    at: usize,
    doc: u32,
}

impl<'a> Reader<'a> {
    fn new(encoded: &'a str) -> Self {
        Reader {
            encoded: encoded.as_bytes(),
            at: 0,
            doc: 0,
        }
    }

    /// Reads the pairs of documents below `doc`: returns where the first pair not read starts,
    /// and the last document read (0 when none was, as the first difference is from 0).
    fn skip_below(&mut self, doc: u32) -> (usize, u32) {
        loop {
            let (start, before) = (self.at, self.doc);
            match self.next() {
                Some((next, _)) if next < doc => {}
                // Not read after all: the pair is where the next reading starts.
                _ => {
                    (self.at, self.doc) = (start, before);
                    return (start, before);
                }
            }
        }
    }

    /// Reads the next pair: its document, and where its difference's digits end.
    fn next(&mut self) -> Option<(u32, usize)> {
        let delta = self.number()?;
        let delta_end = self.at;
        self.number().expect("postings come in pairs");
        self.doc += delta as u32;
        Some((self.doc, delta_end))
    }

    fn number(&mut self) -> Option<usize> {
        let (mut value, mut shift) = (0, 0);
        loop {
            let digit = VALUES[usize::from(*self.encoded.get(self.at)?)];
            self.at += 1;
            value |= usize::from(digit & 31) << shift;
            if digit & 32 == 0 {
                return Some(value);
            }
            shift += 5;
        }
    }
}

/// The base64 digits of [`vlq`], as in source maps.
const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Each digit's value, by its byte.
const VALUES: [u8; 256] = {
    let mut values = [0; 256];
    let mut i = 0;
    while i < 64 {
        values[DIGITS[i] as usize] = i as u8;
        i += 1;
    }
    values
};

/// Unsigned numbers as base64 VLQ: five bits per digit, low bits first, the digit's sixth bit
/// saying another follows. A number below 32 takes one character, below 1,024 two: far shorter
/// than JSON's digits and commas for the many small numbers of postings.
pub fn vlq(numbers: impl IntoIterator<Item = usize>) -> String {
    let mut out = String::new();
    vlq_into(numbers, &mut out);
    out
}

/// [`vlq`], appended to `out`.
fn vlq_into(numbers: impl IntoIterator<Item = usize>, out: &mut String) {
    for mut n in numbers {
        loop {
            let digit = n & 31;
            n >>= 5;
            if n == 0 {
                out.push(DIGITS[digit] as char);
                break;
            }
            out.push(DIGITS[digit | 32] as char);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Postings of `pairs` (document, code), documents increasing, as `push` encodes them.
    fn encoded(pairs: &[(u32, u32)]) -> Postings {
        let mut postings = Postings::default();
        for &(doc, code) in pairs {
            postings.push(doc, code);
        }
        postings
    }

    /// Increasing documents below 200, each with a code (some past one VLQ digit).
    fn pairs() -> impl Strategy<Value = Vec<(u32, u32)>> {
        proptest::collection::btree_map(0u32..200, 0u32..2_000, 0..40)
            .prop_map(|pairs| pairs.into_iter().collect())
    }

    proptest! {
        /// A splice gives what encoding the documents as they now are gives.
        #[test]
        fn a_splice_is_the_encoding_of_the_new_documents(
            old in pairs(), new in pairs(), start in 0u32..200, length in 0u32..60,
        ) {
            let docs = start..(start + length).min(200);
            let new: Vec<_> = new.into_iter().filter(|(d, _)| docs.contains(d)).collect();
            let mut expected: Vec<_> = old.iter().copied().filter(|(d, _)| !docs.contains(d)).collect();
            expected.extend(&new);
            expected.sort();
            let mut postings = encoded(&old);
            let left = postings.splice(docs, &new);
            prop_assert_eq!(left, !expected.is_empty());
            prop_assert_eq!(postings, encoded(&expected));
        }

        /// A truncation gives the encoding of the documents before it.
        #[test]
        fn a_truncation_is_the_encoding_of_the_documents_before(old in pairs(), doc in 0u32..210) {
            let expected: Vec<_> = old.iter().copied().filter(|(d, _)| *d < doc).collect();
            let mut words = Words::default();
            words.insert("mot".into(), encoded(&old));
            truncate(&mut words, doc);
            let left = (!expected.is_empty()).then(|| encoded(&expected));
            prop_assert_eq!(words.get("mot"), left.as_ref());
        }
    }

    #[test]
    fn numbers_are_written_in_base64_vlq_and_read_back() {
        let numbers = [0, 1, 31, 32, 1023, 1024, 40_000, 1 << 30];
        let text = vlq(numbers);
        assert_eq!(vlq([0, 31, 32]), "AfgB");
        let mut reader = Reader::new(&text);
        let read: Vec<usize> = std::iter::from_fn(|| reader.number()).collect();
        assert_eq!(read, numbers);
    }
}
