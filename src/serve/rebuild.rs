//! Rebuilding after a change, doing only what the change requires: a page whose body alone changed
//! is re-rendered alone; a stylesheet change recompiles the stylesheet alone; anything else (the
//! référentiel, an activity, the settings, a template, a page's front matter) rebuilds the whole
//! site. Every path gives exactly what a full build gives. It decides and renders; it writes
//! nothing and serves nothing.

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use crate::build::{self, Compiled, Purpose};
use crate::check::links::{NotJudged, Previous};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::{self, HOME_FILE, PAGES_DIR};
use crate::render::theme::{STYLE_ENTRY, THEME_DIR, Theme};
use crate::render::{self, ASSETS_DIR};

/// What a rebuild did, for the terminal line and the browsers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// One page re-rendered.
    Page,
    /// The stylesheet recompiled.
    Stylesheet,
    /// Everything rebuilt.
    Full,
}

/// Rebuilds `previous` after `changed` (paths relative to `root`).
pub fn rebuild(
    root: &Path,
    previous: &Compiled,
    changed: &BTreeSet<PathBuf>,
) -> Result<(Compiled, Scope), Diagnostics> {
    if let Some(path) = single_page_body(root, previous, changed) {
        return page(root, previous, &path).map(|compiled| (compiled, Scope::Page));
    }
    let stylesheets_only = changed.iter().all(|p| {
        p.starts_with(THEME_DIR) && p.extension().is_some_and(|e| e == "scss" || e == "sass")
    });
    if stylesheets_only {
        return stylesheet(root, previous).map(|compiled| (compiled, Scope::Stylesheet));
    }
    build::compile(root, Purpose::Preview).map(|compiled| (compiled, Scope::Full))
}

/// The one Markdown page of `changed`, when its front matter is as before (so that only its body,
/// which no other page shows, changed).
fn single_page_body(
    root: &Path,
    previous: &Compiled,
    changed: &BTreeSet<PathBuf>,
) -> Option<PathBuf> {
    let [path] = changed.iter().collect::<Vec<_>>()[..] else {
        return None;
    };
    let is_page = path == Path::new(HOME_FILE)
        || (path.parent() == Some(Path::new(PAGES_DIR))
            && path.extension().is_some_and(|e| e == "md"));
    if !is_page {
        return None;
    }
    let model = &previous.model;
    let old = model
        .pages
        .iter()
        .chain(model.home.as_ref())
        .find(|p| p.source.path == *path)?;
    let text = load::read_source(root, path).ok()?.text;
    let (_, body_offset) = load::split_front_matter(&text)?;
    (text[..body_offset] == old.source.text[..old.body_offset]).then(|| path.clone())
}

/// Reloads one page and re-renders it alone.
fn page(root: &Path, previous: &Compiled, path: &Path) -> Result<Compiled, Diagnostics> {
    let page = load::load_page(root, path)?;
    let mut model = previous.model.clone();
    let slot = if path == Path::new(HOME_FILE) {
        model.home.as_mut()
    } else {
        model.pages.iter_mut().find(|p| p.source.path == path)
    };
    let output_path = match slot {
        Some(slot) => {
            *slot = page;
            if path == Path::new(HOME_FILE) {
                "index.html".to_owned()
            } else {
                format!("{}.html", slot.slug)
            }
        }
        None => return build::compile(root, Purpose::Preview),
    };
    let only = HashSet::from([output_path]);
    let (rendering, problems) =
        render::rerender_pages(&model, &previous.theme, &previous.rendering, &only);
    // The previous build is a good one (serve keeps no other): only the links its check does
    // not vouch for are judged again.
    let since = Previous {
        scans: &previous.scans,
        changed: &only,
        checked: Some((&previous.rendering.files, &previous.rendering.passed)),
    };
    let (_, scans) = build::check_links(
        &rendering,
        problems,
        Some(since),
        NotJudged::default(),
        &|_| None,
    )?;
    Ok(Compiled {
        model,
        theme: previous.theme.clone(),
        rendering,
        scans,
        warnings: previous.warnings.clone(),
    })
}

/// Reloads the theme and recompiles the stylesheet alone.
fn stylesheet(root: &Path, previous: &Compiled) -> Result<Compiled, Diagnostics> {
    let theme = Theme::load(root)?;
    let css = theme.compile_css().map_err(Diagnostics::from)?;
    let mut rendering = previous.rendering.clone();
    let path = format!("{ASSETS_DIR}/style.css");
    match rendering.files.iter_mut().find(|f| f.path == path) {
        Some(file) => file.bytes = css.into_bytes().into(),
        None => {
            return Err(Diagnostic::error(crate::msg!("serve-stylesheet-missing"))
                .in_file(Path::new(THEME_DIR).join(STYLE_ENTRY))
                .into());
        }
    }
    Ok(Compiled {
        model: previous.model.clone(),
        theme,
        rendering,
        scans: previous.scans.clone(),
        warnings: previous.warnings.clone(),
    })
}
