//! Loading: reads `content/` into the typed [`Model`].
//!
//! Each file is read (size-capped, UTF-8 checked), parsed and turned into model values; every file's
//! problems are collected so that one run reports them all. Loading checks only what a single file can
//! tell (syntax, keys, types); cross-references between files belong to [`crate::check`]. Nothing here
//! renders or writes.

pub mod files;
mod page;
pub(crate) mod yaml;

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Diagnostics, SourceText};
use crate::model::{
    Activity, DataTable, FicheFile, Group, Model, Page, RawReferentiel, Referentiel, Settings,
};
use crate::msg;

pub use files::MAX_FILE_BYTES;
pub use page::{load_page, split_front_matter};

/// The files of a project, by role, relative to its root.
pub const CONTENT_DIR: &str = "content";
pub const SETTINGS_FILE: &str = "content/settings.yaml";
pub const REFERENTIEL_FILE: &str = "content/referentiel.yaml";
pub const HOME_FILE: &str = "content/index.md";
pub const ACTIVITIES_DIR: &str = "content/activities";
pub const PAGES_DIR: &str = "content/pages";
pub const DATA_DIR: &str = "content/data";
pub const FICHES_DIR: &str = "content/fiches";

/// Loads the handbook under `root`. The model is `None` only when there is no content folder;
/// otherwise it holds every file that loaded (settings or a référentiel that failed stand in
/// empty, and are listed as unloaded), so the checks can still run and report their problems
/// together with the loading errors.
pub fn load(root: &Path) -> (Option<Model>, Diagnostics) {
    if root.join(CONTENT_DIR).symlink_metadata().is_ok() {
        // A `content/` link leaving the project is one error, not one per file.
        if let Err(problem) = files::resolve(root, Path::new(CONTENT_DIR)) {
            return (None, problem.into());
        }
    }
    if !root.join(CONTENT_DIR).is_dir() {
        let problem =
            Diagnostic::error(msg!("no-content-folder", folder = CONTENT_DIR, root = root))
                .hint(msg!("no-content-folder-hint"));
        return (None, problem.into());
    }
    // The settings and the référentiel load beside the folders, read on every core: a large
    // référentiel would otherwise keep one core alone at the start of every build.
    let (single, (collections, failed)) = rayon::join(
        || (load_settings(root), load_referentiel(root)),
        || load_collections(root),
    );
    let mut problems = Diagnostics::new();
    let settings = collect(&mut problems, single.0);
    let referentiel = collect(&mut problems, single.1);
    problems.extend(failed.problems);
    let Collections {
        activities,
        pages,
        data,
        fiches,
        home,
    } = collections;
    let mut unloaded = failed.files;
    let settings = settings.unwrap_or_else(|| {
        unloaded.push(PathBuf::from(SETTINGS_FILE));
        Settings::unloaded(handbook_language(root))
    });
    let referentiel = referentiel.unwrap_or_else(|| {
        unloaded.push(PathBuf::from(REFERENTIEL_FILE));
        Referentiel::unloaded()
    });
    let mut model = Model {
        settings,
        referentiel,
        activities,
        home,
        pages,
        data,
        fiches,
        unloaded,
        derived: Default::default(),
    };
    model
        .activities
        .sort_by(|a, b| (a.order.value, &a.slug.value).cmp(&(b.order.value, &b.slug.value)));
    model
        .pages
        .sort_by(|a, b| (a.front.order.value, &a.slug).cmp(&(b.front.order.value, &b.slug)));
    (Some(model), problems)
}

/// What the content folders and the home page hold.
struct Collections {
    activities: Vec<Activity>,
    pages: Vec<Page>,
    data: Vec<DataTable>,
    fiches: Vec<FicheFile>,
    home: Option<Page>,
}

/// Loads the content folders, each file on every core, and the home page.
fn load_collections(root: &Path) -> (Collections, Failed) {
    let mut failed = Failed {
        problems: Diagnostics::new(),
        files: Vec::new(),
    };
    let activities = load_all(
        root,
        ACTIVITIES_DIR,
        &["yaml", "yml"],
        &mut failed,
        load_activity,
    );
    let pages = load_all(root, PAGES_DIR, &["md"], &mut failed, page::load_page);
    let data = load_all(root, DATA_DIR, &["yaml", "yml"], &mut failed, load_data);
    let fiches = load_all(root, FICHES_DIR, &["yaml", "yml"], &mut failed, load_fiche);
    // `symlink_metadata`: a link to a missing home page is reported, not taken for no home page.
    let home = if root.join(HOME_FILE).symlink_metadata().is_ok() {
        collect(
            &mut failed.problems,
            page::load_page(root, Path::new(HOME_FILE)),
        )
    } else {
        None
    };
    let collections = Collections {
        activities,
        pages,
        data,
        fiches,
        home,
    };
    (collections, failed)
}

fn collect<T>(problems: &mut Diagnostics, result: Result<T, Diagnostics>) -> Option<T> {
    result.map_err(|found| problems.extend(found)).ok()
}

/// Loads every file with one of `extensions` in `dir` (sorted by name, so output order is stable).
fn load_all<T: Send>(
    root: &Path,
    dir: &str,
    extensions: &[&str],
    failed: &mut Failed,
    load_one: impl Fn(&Path, &Path) -> Result<T, Diagnostics> + Sync,
) -> Vec<T> {
    let Failed {
        problems,
        files: failed_files,
    } = failed;
    let mut files = match content_files(root, dir, extensions) {
        Ok(files) => files,
        Err(problem) => {
            problems.push(problem);
            return Vec::new();
        }
    };
    files.sort();
    // Files are read and parsed on every core; results are kept in name order.
    let results: Vec<_> = files.par_iter().map(|path| load_one(root, path)).collect();
    let mut loaded = Vec::with_capacity(files.len());
    for (path, result) in files.into_iter().zip(results) {
        match result {
            Ok(value) => loaded.push(value),
            Err(found) => {
                problems.extend(found);
                failed_files.push(path);
            }
        }
    }
    loaded
}

/// What failed while loading: the problems, and the files they made unavailable.
struct Failed {
    problems: Diagnostics,
    files: Vec<PathBuf>,
}

/// The content files of a folder, relative to the root; editor temporaries and hidden files are skipped.
fn content_files(root: &Path, dir: &str, extensions: &[&str]) -> Result<Vec<PathBuf>, Diagnostic> {
    if root.join(dir).symlink_metadata().is_err() {
        return Ok(Vec::new());
    }
    files::list(root, Path::new(dir), |name| {
        !name.starts_with('.')
            && Path::new(name)
                .extension()
                .is_some_and(|ext| extensions.iter().any(|e| ext == *e))
    })
}

/// Reads a content file: refuses what is not an ordinary file of the project and huge files,
/// reports invalid UTF-8 at its position.
pub fn read_source(root: &Path, relative: &Path) -> Result<SourceText, Diagnostic> {
    let bytes = files::read(root, relative, MAX_FILE_BYTES)?;
    match simdutf8::compat::from_utf8(&bytes) {
        Ok(text) => Ok(SourceText::new(
            relative,
            text.strip_prefix('\u{feff}').unwrap_or(text),
        )),
        Err(e) => {
            let valid = e.valid_up_to();
            let lossy = String::from_utf8_lossy(&bytes).into_owned();
            let source = SourceText::new(relative, lossy);
            let span = source.span(valid..valid + 1);
            Err(Diagnostic::error(msg!("not-utf8"))
                .at(span)
                .label(msg!("not-utf8-label"))
                .hint(msg!("not-utf8-hint")))
        }
    }
}

/// The handbook's `language`, read leniently (a settings file with other mistakes still names its
/// language), to choose the language of livret's messages before anything is checked.
pub fn handbook_language(root: &Path) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Language {
        language: Option<String>,
    }
    let source = read_source(root, Path::new(SETTINGS_FILE)).ok()?;
    let found: Language = serde_saphyr::from_str(&source.text).ok()?;
    found.language
}

fn load_settings(root: &Path) -> Result<Settings, Diagnostics> {
    let source = read_source(root, Path::new(SETTINGS_FILE))?;
    let mut settings: Settings = yaml::parse(&source, &source.text)?;
    settings.source = source;
    Ok(settings)
}

fn load_referentiel(root: &Path) -> Result<Referentiel, Diagnostics> {
    let source = read_source(root, Path::new(REFERENTIEL_FILE))?;
    let mut raw: RawReferentiel = yaml::parse(&source, &source.text)?;
    let (groups, has_groups) = match (raw.groups.take(), raw.domains.take()) {
        (Some(groups), None) => (groups, true),
        (None, Some(domains)) => (
            vec![Group {
                code: None,
                title: None,
                domains,
            }],
            false,
        ),
        (groups, _) => {
            let message = if groups.is_some() {
                msg!("referentiel-groups-and-domains")
            } else {
                msg!("referentiel-no-domains-key")
            };
            return Err(Diagnostic::error(message)
                .at(source.span_at(1, 1))
                .hint(msg!("referentiel-domains-hint"))
                .into());
        }
    };
    Ok(Referentiel::new(raw, groups, has_groups, source))
}

fn load_activity(root: &Path, path: &Path) -> Result<Activity, Diagnostics> {
    let source = read_source(root, path)?;
    let mut activity: Activity = yaml::parse(&source, &source.text)?;
    activity.source = source;
    Ok(activity)
}

fn load_fiche(root: &Path, path: &Path) -> Result<FicheFile, Diagnostics> {
    let source = read_source(root, path)?;
    let mut fiche: FicheFile = yaml::parse(&source, &source.text)?;
    fiche.source = source;
    Ok(fiche)
}

fn load_data(root: &Path, path: &Path) -> Result<DataTable, Diagnostics> {
    let source = read_source(root, path)?;
    let mut table: DataTable = yaml::parse(&source, &source.text)?;
    table.name = file_stem(path);
    table.source = source;
    Ok(table)
}

pub(crate) fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn huge_file_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let big = std::fs::File::create(dir.path().join("big.yaml")).unwrap();
        big.set_len(MAX_FILE_BYTES + 1).unwrap();
        let problem = read_source(dir.path(), Path::new("big.yaml")).unwrap_err();
        assert!(
            problem.message.english().starts_with("file too large"),
            "{}",
            problem.message.english()
        );
        assert_eq!(problem.path.as_deref(), Some(Path::new("big.yaml")));
    }

    #[test]
    fn a_missing_content_folder_is_one_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let (model, problems) = load(dir.path());
        assert!(model.is_none());
        assert_eq!(problems.error_count(), 1);
        assert!(
            problems
                .iter()
                .next()
                .unwrap()
                .hint
                .as_ref()
                .unwrap()
                .english()
                .contains("--root")
        );
    }
}
