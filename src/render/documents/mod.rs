//! Documents: the fiche models and the fiche de suivi, as ODT and DOCX files.
//!
//! `compose` turns the handbook model into format-neutral [`model::Document`]s (the wording comes
//! from the message catalogue, through [`super::labels`]); each writer turns a document into the
//! bytes of one format. A new format is one more entry in [`FORMATS`]. Documents are rendered before the
//! pages, which link to them with their sizes and show their preview.

pub mod compose;
mod docx;
pub mod model;
mod odt;
mod zipfile;

use std::io;

use rayon::prelude::*;
use serde::Serialize;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::{Model, span_of};
use crate::msg;

use super::OutputFile;
use super::labels::Labels;
use model::Document;

/// Folder of the site holding the documents.
pub const DOCUMENTS_DIR: &str = "documents";

/// A document format and its writer.
pub struct Format {
    /// Short name shown to readers (`ODT`).
    pub name: &'static str,
    /// The application readers know it from (`LibreOffice`).
    pub application: &'static str,
    pub extension: &'static str,
    pub media_type: &'static str,
    pub write: fn(&Document) -> io::Result<Vec<u8>>,
}

/// Every format each document is written in, in the order download links list them.
pub const FORMATS: &[Format] = &[
    Format {
        name: "ODT",
        application: "LibreOffice",
        extension: "odt",
        media_type: "application/vnd.oasis.opendocument.text",
        write: odt::write,
    },
    Format {
        name: "DOCX",
        application: "Word",
        extension: "docx",
        media_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        write: docx::write,
    },
];

/// A composed document and the files written from it, for the pages to link to and preview.
#[derive(Debug, Clone, Serialize)]
pub struct Rendered {
    pub document: Document,
    pub files: Vec<DocumentFile>,
}

/// One file of a document, as download links show it.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentFile {
    /// The format's short name (`ODT`).
    pub format: &'static str,
    /// The application readers know it from (`LibreOffice`).
    pub application: &'static str,
    pub media_type: &'static str,
    /// Path from the site root.
    pub path: String,
    pub bytes: usize,
    /// Size in kilobytes, rounded up (what download links show).
    pub kilobytes: usize,
}

/// Composes and writes every document; the output files go to `files`.
pub fn render(
    model: &Model,
    labels: &Labels,
    files: &mut Vec<OutputFile>,
    problems: &mut Diagnostics,
) -> Vec<Rendered> {
    let mut documents: Vec<Document> = Vec::new();
    for document in compose::compose(model, labels) {
        if documents.iter().any(|d| d.slug == document.slug) {
            // Two activities with one slug are reported by the checks; only an activity named as
            // the fiche de suivi (named by the catalogue) is this stage's to report.
            if document.slug == labels.tracking.slug
                && let Some(activity) = model.activity(&document.slug)
            {
                problems.push(
                    Diagnostic::error(msg!("document-name-taken", slug = &document.slug))
                        .at(span_of(&activity.source, &activity.slug))
                        .hint(msg!("document-name-taken-hint")),
                );
            }
            continue;
        }
        documents.push(document);
    }
    // Every document in every format on every core (deflate is most of the cost), gathered in
    // order.
    let written: Vec<Vec<_>> = documents
        .par_iter()
        .map(|document| {
            FORMATS
                .iter()
                .map(|format| (format.write)(document))
                .collect()
        })
        .collect();
    let mut rendered: Vec<Rendered> = Vec::new();
    for (document, written) in documents.into_iter().zip(written) {
        let mut document_files = Vec::with_capacity(FORMATS.len());
        for (format, written) in FORMATS.iter().zip(written) {
            let path = format!("{DOCUMENTS_DIR}/{}.{}", document.slug, format.extension);
            match written {
                Ok(bytes) => {
                    document_files.push(DocumentFile {
                        format: format.name,
                        application: format.application,
                        media_type: format.media_type,
                        path: path.clone(),
                        bytes: bytes.len(),
                        kilobytes: bytes.len().div_ceil(1024),
                    });
                    files.push(OutputFile::new(path, bytes));
                }
                Err(error) => problems.push(Diagnostic::error(msg!(
                    "document-write-error",
                    path = &path,
                    detail = error.to_string()
                ))),
            }
        }
        rendered.push(Rendered {
            document,
            files: document_files,
        });
    }
    rendered
}
