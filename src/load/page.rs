//! Markdown pages: splits the YAML front matter from the body and parses it.
//!
//! The front matter is parsed from a prefix of the file itself, so serde-saphyr's line numbers are
//! the file's line numbers. The body stays Markdown: rendering it is the renderer's job.

use std::path::Path;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::{FrontMatter, Page};
use crate::msg;

use super::{file_stem, read_source, yaml};

pub fn load_page(root: &Path, path: &Path) -> Result<Page, Diagnostics> {
    let source = read_source(root, path)?;
    let Some((front_end, body_offset)) = split_front_matter(&source.text) else {
        let opened = source
            .text
            .lines()
            .next()
            .is_some_and(|l| l.trim_end() == "---");
        let problem = if opened {
            Diagnostic::error(msg!("front-matter-unclosed"))
                .hint(msg!("front-matter-unclosed-hint"))
        } else {
            Diagnostic::error(msg!("front-matter-missing")).hint(msg!("front-matter-missing-hint"))
        };
        return Err(problem.at(source.span_at(1, 1)).into());
    };
    let front: FrontMatter = yaml::parse(&source, &source.text[..front_end])?;
    Ok(Page {
        slug: file_stem(path),
        front,
        body_offset,
        source,
    })
}

/// Finds a front matter block: returns the end of its YAML (the opening `---` line included, which
/// YAML reads as a document start) and the offset where the body begins. `None` when the text does
/// not start with `---` or the block is never closed.
pub fn split_front_matter(text: &str) -> Option<(usize, usize)> {
    let first_line_end = text.find('\n')?;
    if text[..first_line_end].trim_end() != "---" {
        return None;
    }
    let mut offset = first_line_end + 1;
    for line in text[offset..].split_inclusive('\n') {
        if line.trim_end() == "---" {
            return Some((offset, offset + line.len()));
        }
        offset += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_split_at_the_closing_line() {
        let text = "---\ntitle: A\n---\nBody\n";
        let (yaml_end, body) = split_front_matter(text).unwrap();
        assert_eq!(&text[..yaml_end], "---\ntitle: A\n");
        assert_eq!(&text[body..], "Body\n");
    }

    #[test]
    fn unclosed_or_missing_front_matter_is_none() {
        assert_eq!(split_front_matter("---\ntitle: A\n"), None);
        assert_eq!(split_front_matter("title: A\n---\n"), None);
    }

    #[test]
    fn front_matter_errors_have_file_lines() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("p.md"),
            "---\ntitle: A\nordre: 1\n---\n# x\n",
        )
        .unwrap();
        let errors = load_page(dir.path(), Path::new("p.md")).unwrap_err();
        let error = errors.iter().next().unwrap();
        assert_eq!(error.span.as_ref().unwrap().line_column(), (3, 1));
    }
}
