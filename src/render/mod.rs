//! Rendering: turns the model into the files of the site, in memory.
//!
//! `documents` composes and writes the fiche models (ODT, DOCX), `exports` writes the référentiel
//! for other tools (Moodle, CASE, JSON, CSV), `site` renders the HTML pages through the theme's
//! templates (linking to both), `theme` compiles the stylesheet and
//! lists the static assets. Renderers read the model and produce [`OutputFile`]s; they never write
//! to disk (the output stage does) and never change the model.

pub mod documents;
pub mod exports;
pub mod labels;
pub mod markdown;
pub mod site;
pub mod theme;
pub mod typography;
pub mod views;

use crate::diagnostic::Diagnostics;
use crate::model::Model;

use theme::Theme;

/// A file of the finished site: its path relative to the output folder, and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

impl OutputFile {
    pub fn new(path: impl Into<String>, bytes: Vec<u8>) -> Self {
        OutputFile {
            path: path.into(),
            bytes,
        }
    }
}

/// Folder of the site holding the stylesheet and the theme's static files.
pub const ASSETS_DIR: &str = "assets";

/// Renders the whole site, with every problem found while rendering (the files are complete only
/// when there is no error among them).
pub fn render(model: &Model, theme: &Theme) -> (Vec<OutputFile>, Diagnostics) {
    let mut problems = Diagnostics::new();
    let mut files = Vec::new();
    let (documents, exports) = match labels::Labels::load(theme) {
        Ok(labels) => (
            documents::render(model, &labels, &mut files, &mut problems),
            exports::render(model, &labels, &mut files, &mut problems),
        ),
        Err(problem) => {
            problems.push(problem);
            (Vec::new(), Vec::new())
        }
    };
    let downloads = site::Downloads {
        documents: &documents,
        exports: &exports,
    };
    files.extend(site::render_pages(model, theme, &downloads, &mut problems));
    match theme.compile_css() {
        Ok(css) => files.push(OutputFile::new(
            format!("{ASSETS_DIR}/style.css"),
            css.into_bytes(),
        )),
        Err(problem) => problems.push(problem),
    }
    for (path, bytes) in theme.static_files() {
        let path = path.to_string_lossy().replace('\\', "/");
        files.push(OutputFile::new(
            format!("{ASSETS_DIR}/{path}"),
            bytes.to_vec(),
        ));
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    (files, problems)
}
