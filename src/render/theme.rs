//! The theme: HTML templates, Sass sources and static assets.
//!
//! livret embeds a default theme (the repository's `templates/` and `theme/`), so a handbook needs
//! nothing but `content/`. A project's own `templates/` and `theme/` files override the embedded
//! ones file by file. This module gathers those sources and compiles the Sass; it must not render
//! pages (see `site`).

use std::collections::BTreeMap;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

use crate::diagnostic::{Diagnostic, Diagnostics, SourceText};
use crate::load::files::{self, MAX_THEME_FILE_BYTES};
use crate::msg;

static DEFAULT_TEMPLATES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/templates");
static DEFAULT_THEME: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/theme");

pub const TEMPLATES_DIR: &str = "templates";
pub const THEME_DIR: &str = "theme";
/// The Sass entry point, inside `theme/`.
pub const STYLE_ENTRY: &str = "style.scss";
/// Static files, inside `theme/`, copied to the site's `assets/`.
pub const STATIC_DIR: &str = "static";

/// Every source of the theme, embedded defaults overridden by the project's files.
#[derive(Debug, Clone, Default)]
pub struct Theme {
    /// Template name (e.g. `page.html`) → source, with the path shown in diagnostics.
    pub templates: BTreeMap<String, SourceText>,
    /// Path inside `theme/` → bytes (Sass sources and static files).
    pub files: BTreeMap<PathBuf, Vec<u8>>,
}

impl Theme {
    /// The embedded theme overridden by `root/templates` and `root/theme`.
    pub fn load(root: &Path) -> Result<Theme, Diagnostics> {
        let mut theme = Theme::default();
        let mut problems = Diagnostics::new();
        for file in embedded_files(&DEFAULT_TEMPLATES) {
            theme.add_template(
                Path::new(TEMPLATES_DIR),
                file.path(),
                file.contents(),
                &mut problems,
            );
        }
        for file in embedded_files(&DEFAULT_THEME) {
            theme
                .files
                .insert(file.path().to_path_buf(), file.contents().to_vec());
        }
        for (relative, bytes) in project_files(root, TEMPLATES_DIR, &mut problems) {
            theme.add_template(Path::new(TEMPLATES_DIR), &relative, &bytes, &mut problems);
        }
        for (relative, bytes) in project_files(root, THEME_DIR, &mut problems) {
            theme.files.insert(relative, bytes);
        }
        if problems.has_errors() {
            Err(problems)
        } else {
            Ok(theme)
        }
    }

    fn add_template(
        &mut self,
        dir: &Path,
        relative: &Path,
        bytes: &[u8],
        problems: &mut Diagnostics,
    ) {
        let shown = dir.join(relative);
        match std::str::from_utf8(bytes) {
            Ok(text) => {
                let name = relative.to_string_lossy().replace('\\', "/");
                self.templates.insert(name, SourceText::new(shown, text));
            }
            Err(_) => problems.push(
                Diagnostic::error(msg!("not-utf8"))
                    .in_file(shown)
                    .hint(msg!("not-utf8-hint")),
            ),
        }
    }

    /// Compiles `theme/style.scss` (with its partials) to CSS.
    pub fn compile_css(&self) -> Result<String, Diagnostic> {
        let fs = ThemeFs { files: &self.files };
        let options = grass::Options::default()
            .fs(&fs)
            .style(grass::OutputStyle::Compressed);
        grass::from_path(STYLE_ENTRY, &options)
            .map_err(|error| sass_diagnostic(*error, &self.files))
    }

    /// Static files to copy: path inside `theme/static/` → bytes.
    pub fn static_files(&self) -> impl Iterator<Item = (&Path, &[u8])> {
        self.files.iter().filter_map(|(path, bytes)| {
            path.strip_prefix(STATIC_DIR)
                .ok()
                .map(|relative| (relative, bytes.as_slice()))
        })
    }
}

fn embedded_files<'a>(dir: &'a Dir<'a>) -> Vec<&'a include_dir::File<'a>> {
    let mut files = Vec::new();
    let mut stack = vec![dir];
    while let Some(dir) = stack.pop() {
        files.extend(dir.files());
        stack.extend(dir.dirs());
    }
    files
}

/// The project's files under `root/dir`, relative to that folder, in path order (read through
/// `load::files`, which refuses what is not an ordinary file of the project).
fn project_files(root: &Path, dir: &str, problems: &mut Diagnostics) -> Vec<(PathBuf, Vec<u8>)> {
    if !root.join(dir).is_dir() {
        return Vec::new();
    }
    let listed = match files::walk(root, Path::new(dir)) {
        Ok(listed) => listed,
        Err(problem) => {
            problems.push(problem);
            return Vec::new();
        }
    };
    let mut read = Vec::new();
    for relative in listed {
        match files::read(root, &Path::new(dir).join(&relative), MAX_THEME_FILE_BYTES) {
            Ok(bytes) => read.push((relative, bytes)),
            Err(problem) => problems.push(problem),
        }
    }
    read
}

/// Lets grass read the merged theme files instead of the disk.
struct ThemeFs<'a> {
    files: &'a BTreeMap<PathBuf, Vec<u8>>,
}

impl fmt::Debug for ThemeFs<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ThemeFs")
            .field("files", &self.files.len())
            .finish()
    }
}

impl grass::Fs for ThemeFs<'_> {
    fn is_dir(&self, path: &Path) -> bool {
        let path = clean(path);
        self.files
            .keys()
            .any(|file| file.starts_with(&path) && *file != path)
    }

    fn is_file(&self, path: &Path) -> bool {
        self.files.contains_key(&clean(path))
    }

    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        self.files
            .get(&clean(path))
            .cloned()
            .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, path.display().to_string()))
    }
}

/// grass joins import paths onto the importing file's folder: drop `./` parts so lookups match.
fn clean(path: &Path) -> PathBuf {
    path.components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect()
}

fn sass_diagnostic(error: grass::Error, files: &BTreeMap<PathBuf, Vec<u8>>) -> Diagnostic {
    match error.kind() {
        grass::ErrorKind::ParseError { message, loc, .. } => {
            let relative = PathBuf::from(loc.file.name());
            let shown = Path::new(THEME_DIR).join(&relative);
            let text = files
                .get(&clean(&relative))
                .map(|bytes| String::from_utf8_lossy(bytes).into_owned())
                .unwrap_or_default();
            let source = SourceText::new(shown, text);
            let start = source.offset_of(loc.begin.line + 1, loc.begin.column + 1);
            let end = source.offset_of(loc.end.line + 1, loc.end.column + 1);
            Diagnostic::error(msg!("sass-error", detail = message.as_str()))
                .at(source.span(start..end.max(start + 1)))
                .hint(msg!("sass-error-hint"))
        }
        other => Diagnostic::error(msg!("sass-error", detail = format!("{other:?}")))
            .in_file(Path::new(THEME_DIR).join(STYLE_ENTRY))
            .hint(msg!("sass-entry-hint")),
    }
}
