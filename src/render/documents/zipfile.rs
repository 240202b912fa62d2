//! Deterministic ZIP packages of XML parts, and the few quick-xml helpers both writers share.
//!
//! Same input, same bytes: entries go in the order they are added, with a fixed date
//! (1980-01-01 00:00:00), fixed permissions and no extra fields. This module must know nothing of
//! either format: no part names, no namespaces, no document model.

use std::borrow::Cow;
use std::io::{self, Cursor, Write};

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

/// A ZIP archive being written in memory.
pub struct Package {
    zip: ZipWriter<Cursor<Vec<u8>>>,
}

impl Package {
    pub fn new() -> Self {
        Package {
            zip: ZipWriter::new(Cursor::new(Vec::new())),
        }
    }

    /// Adds an entry, deflated unless `stored` (ODT's `mimetype` must be stored).
    pub fn add(&mut self, name: &str, bytes: &[u8], stored: bool) -> io::Result<()> {
        let method = if stored {
            CompressionMethod::Stored
        } else {
            CompressionMethod::Deflated
        };
        let options = SimpleFileOptions::default()
            .compression_method(method)
            .last_modified_time(DateTime::default())
            .unix_permissions(0o644);
        self.zip
            .start_file(name, options)
            .map_err(io::Error::other)?;
        self.zip.write_all(bytes)
    }

    pub fn finish(self) -> io::Result<Vec<u8>> {
        Ok(self.zip.finish().map_err(io::Error::other)?.into_inner())
    }
}

/// An XML part: the declaration, then what `body` writes. quick-xml escapes text and attribute
/// values; user text must also go through [`clean`] ([`leaf`] does).
pub fn xml(body: impl FnOnce(&mut Writer<Vec<u8>>) -> io::Result<()>) -> io::Result<Vec<u8>> {
    let mut writer = Writer::new(Vec::new());
    writer.write_event(Event::Decl(BytesDecl::new(
        "1.0",
        Some("UTF-8"),
        Some("yes"),
    )))?;
    body(&mut writer)?;
    Ok(writer.into_inner())
}

/// A leaf element holding only `text`.
pub fn leaf(writer: &mut Writer<Vec<u8>>, name: &str, text: &str) -> io::Result<()> {
    writer
        .create_element(name)
        .write_text_content(BytesText::new(&clean(text)))?;
    Ok(())
}

/// An element with its attributes, holding what `content` writes.
pub fn element(
    writer: &mut Writer<Vec<u8>>,
    name: &str,
    attributes: &[(&str, &str)],
    content: impl FnOnce(&mut Writer<Vec<u8>>) -> io::Result<()>,
) -> io::Result<()> {
    writer
        .create_element(name)
        .with_attributes(attributes.iter().copied())
        .write_inner_content(content)?;
    Ok(())
}

/// An empty element with its attributes.
pub fn empty(
    writer: &mut Writer<Vec<u8>>,
    name: &str,
    attributes: &[(&str, &str)],
) -> io::Result<()> {
    writer
        .create_element(name)
        .with_attributes(attributes.iter().copied())
        .write_empty()?;
    Ok(())
}

/// Joins the texts of adjacent runs with equal formatting, so that a word the model splits
/// (`l`, `’`, `objectif`) stays in one run: `[(a, "l"), (a, "’"), (b, "x")]` → `[(a, "l’"), (b, "x")]`.
pub fn join_runs<'a, F: PartialEq>(
    runs: impl IntoIterator<Item = (F, &'a str)>,
) -> Vec<(F, String)> {
    let mut joined: Vec<(F, String)> = Vec::new();
    for (format, text) in runs {
        match joined.last_mut() {
            Some((last, so_far)) if *last == format => so_far.push_str(text),
            _ => joined.push((format, text.to_owned())),
        }
    }
    joined
}

/// `text` without the characters XML 1.0 cannot hold (control characters, U+FFFE, U+FFFF) and
/// without carriage returns, which parsers would turn into line feeds anyway.
pub fn clean(text: &str) -> Cow<'_, str> {
    let invalid =
        |c: char| (c < ' ' && c != '\t' && c != '\n') || c == '\u{FFFE}' || c == '\u{FFFF}';
    if text.contains(invalid) {
        Cow::Owned(text.chars().filter(|&c| !invalid(c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// Reads a package back for the writers' tests: every entry's name and text, in archive order,
/// after checking that each `.xml` or `.rels` part is well-formed (balanced, no malformed event).
#[cfg(test)]
pub fn read_back(bytes: &[u8]) -> Vec<(String, String)> {
    use quick_xml::Reader;
    use std::io::Read;

    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a valid zip");
    let mut parts = Vec::new();
    for index in 0..archive.len() {
        let mut file = archive.by_index(index).unwrap();
        let mut text = String::new();
        file.read_to_string(&mut text).expect("UTF-8 entry");
        let name = file.name().expect("a UTF-8 name").into_owned();
        if name.ends_with(".xml") || name.ends_with(".rels") {
            let mut reader = Reader::from_str(&text);
            reader.config_mut().check_end_names = true;
            let mut open = Vec::new();
            let mut roots = 0;
            loop {
                match reader.read_event() {
                    Ok(Event::Start(start)) => {
                        roots += usize::from(open.is_empty());
                        open.push(start.name().as_ref().to_owned());
                    }
                    Ok(Event::Empty(_)) => roots += usize::from(open.is_empty()),
                    Ok(Event::End(end)) => {
                        assert_eq!(open.pop().as_deref(), Some(end.name().as_ref()), "{name}");
                    }
                    Ok(Event::GeneralRef(reference)) => {
                        let character = reference.resolve_char_ref().expect("a valid reference");
                        let entity = String::from_utf8_lossy(&reference).into_owned();
                        let predefined = ["amp", "lt", "gt", "quot", "apos"].contains(&&*entity);
                        assert!(character.is_some() || predefined, "{name}: &{entity};");
                    }
                    Ok(Event::Eof) => break,
                    Ok(_) => {}
                    Err(error) => panic!("{name} is malformed: {error}"),
                }
            }
            assert!(open.is_empty(), "{name} leaves elements open");
            assert_eq!(roots, 1, "{name} has one root element");
        }
        parts.push((name, text));
    }
    parts
}

/// The text of the entry `name` among `parts`, which must contain every `expected` text.
#[cfg(test)]
pub fn part<'a>(parts: &'a [(String, String)], name: &str, expected: &[&str]) -> &'a str {
    let (_, text) = parts.iter().find(|(n, _)| n == name).expect(name);
    for expected in expected {
        assert!(
            text.contains(expected),
            "{expected} missing from {name}: {text}"
        );
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_entries_give_same_bytes() {
        let build = || {
            let mut package = Package::new();
            package.add("mimetype", b"text/plain", true).unwrap();
            package
                .add("a.xml", &xml(|_| Ok(())).unwrap(), false)
                .unwrap();
            package.finish().unwrap()
        };
        assert_eq!(build(), build());
    }

    #[test]
    fn adjacent_runs_with_the_same_format_join() {
        let runs = [(1, "l"), (1, "’"), (1, "a"), (2, " b"), (1, "c")];
        let joined = [
            (1, "l’a".to_owned()),
            (2, " b".to_owned()),
            (1, "c".to_owned()),
        ];
        assert_eq!(join_runs(runs), joined);
    }

    #[test]
    fn clean_drops_what_xml_cannot_hold() {
        assert_eq!(clean("a\u{1}b\r\nc\td"), "ab\nc\td");
        assert!(matches!(clean("« déjà »"), Cow::Borrowed(_)));
    }
}
