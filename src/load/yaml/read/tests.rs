//! The reader held to serde-saphyr: on every content file of the handbook and of the test
//! fixtures, and on each of their values replaced by spellings serde-saphyr reads its own way,
//! a value the reader gives must be the one serde-saphyr gives, locations included.

use std::fmt::Debug;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use super::read;
use crate::load::split_front_matter;
use crate::load::yaml::{options, tree};
use crate::model::{Activity, DataTable, FicheFile, FrontMatter, RawReferentiel, Settings};

/// Values a trainer may write that YAML, or serde-saphyr, reads in more than one way.
const SPELLINGS: &[&str] = &[
    "yes",
    "on",
    "True",
    "\"true\"",
    "'5'",
    "0x1F",
    "0o17",
    "007",
    "-0",
    "+5",
    "1_000",
    "5.0",
    "1e3",
    ".inf",
    "~",
    "null",
    "",
    "!!str 5",
    "!!int 5",
    "&a 5",
    "*a",
    "2016",
    "[a, b]",
    "[]",
    "{a: b}",
    "{}",
    "\"\"",
    "|\n  deux\n  lignes",
    "99999999999999999999",
];

/// What may follow a file's YAML: more documents, or their markers.
const ENDINGS: &[&str] = &[
    "---\nother: 1\n",
    "...\n",
    "...\n---\n",
    "---\n",
    "\n\n# fin\n",
];

/// What a file holds, from where it is in a project.
#[derive(Clone, Copy, Debug)]
enum Kind {
    Settings,
    Referentiel,
    Activity,
    Fiche,
    Data,
    Page,
}

fn kind_of(path: &Path) -> Option<Kind> {
    let name = path.file_name()?.to_str()?;
    let folder = path.parent()?.file_name()?.to_str()?;
    Some(match (folder, name) {
        ("content", "settings.yaml") => Kind::Settings,
        ("content", "referentiel.yaml") => Kind::Referentiel,
        ("content", "index.md") | ("pages", _) if name.ends_with(".md") => Kind::Page,
        ("activities", _) => Kind::Activity,
        ("fiches", _) => Kind::Fiche,
        ("data", _) => Kind::Data,
        _ => return None,
    })
}

/// The content files under `folder`, with their kinds.
fn content_files(folder: &Path, found: &mut Vec<(PathBuf, Kind)>) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            content_files(&path, found);
        } else if let Some(kind) = kind_of(&path) {
            found.push((path, kind));
        }
    }
}

/// `Some(true)` when the reader read `yaml` as serde-saphyr does, `None` when it gave up.
fn agrees<T: DeserializeOwned + Debug>(yaml: &str) -> Option<bool> {
    let read: T = read(&tree::parse(yaml).ok()?)?;
    let parsed = serde_saphyr::from_str_with_options::<T>(yaml, options());
    let (parsed, read) = (format!("{parsed:?}"), format!("Ok({read:?})"));
    if parsed != read {
        eprintln!("serde-saphyr: {parsed}\nreader:       {read}");
    }
    Some(parsed == read)
}

fn agrees_as(kind: Kind, text: &str) -> Option<bool> {
    match kind {
        Kind::Settings => agrees::<Settings>(text),
        Kind::Referentiel => agrees::<RawReferentiel>(text),
        Kind::Activity => agrees::<Activity>(text),
        Kind::Fiche => agrees::<FicheFile>(text),
        Kind::Data => agrees::<DataTable>(text),
        Kind::Page => agrees::<FrontMatter>(&text[..split_front_matter(text)?.0]),
    }
}

/// `text` with the value of its line `line` (after `key: ` or `- `) replaced by `value`.
fn with_value(text: &str, line: usize, value: &str) -> Option<String> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let old = lines.get(line)?;
    let cut = old.find(": ").map(|at| at + 2).or_else(|| {
        let item = old.trim_start().strip_prefix("- ")?;
        Some(old.len() - item.len())
    })?;
    let mut changed: String = lines[..line].concat();
    changed.push_str(&old[..cut]);
    changed.push_str(value);
    changed.push('\n');
    changed.push_str(&lines[line + 1..].concat());
    Some(changed)
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_reader_gives_serde_saphyrs_value_or_gives_up() {
    let (mut handbook, mut fixtures) = (Vec::new(), Vec::new());
    content_files(&root().join("content"), &mut handbook);
    content_files(&root().join("tests/fixtures"), &mut fixtures);
    assert!(fixtures.len() > 100, "{} fixtures", fixtures.len());
    let (mut read, mut checked) = (0, 0);
    let mut check = |kind: Kind, text: &str, what: &dyn Fn() -> String| {
        checked += 1;
        if let Some(agrees) = agrees_as(kind, text) {
            read += 1;
            assert!(agrees, "{} ({kind:?}) read otherwise:\n{text}", what());
        }
    };
    // The fixtures as they are (most hold a mistake), the handbook's files changed line by line.
    for (path, kind) in &fixtures {
        if let Ok(text) = std::fs::read_to_string(path) {
            check(*kind, &text, &|| path.display().to_string());
        }
    }
    for (path, kind) in &handbook {
        let text = std::fs::read_to_string(path).unwrap();
        for (end, tail) in ENDINGS.iter().enumerate() {
            let what = || format!("{} ending {end}", path.display());
            check(*kind, &format!("{text}{tail}"), &what);
        }
        // Many comments in a row, which serde-saphyr buffers.
        let (head, rest) = text.split_at(text.find("\n").unwrap() + 1);
        let comments = "# commentaire\n".repeat(40);
        let what = || format!("{} with comments", path.display());
        check(*kind, &format!("{head}{comments}{rest}"), &what);
        for line in 0..text.lines().count().min(30) {
            for value in SPELLINGS {
                if let Some(changed) = with_value(&text, line, value) {
                    let what = || format!("{} line {} as `{value}`", path.display(), line + 1);
                    check(*kind, &changed, &what);
                }
            }
        }
    }
    // The reader must read many of them, or it would hold nothing.
    assert!(read * 3 > checked, "{read} read of {checked}");
}

/// Whether a tree holds an alias, which only serde-saphyr reads.
fn has_alias(node: &tree::Node) -> bool {
    node.alias
        || match &node.kind {
            tree::Kind::Map(pairs) => pairs.iter().any(|(k, v)| has_alias(k) || has_alias(v)),
            tree::Kind::Seq(items) => items.iter().any(has_alias),
            _ => false,
        }
}

#[test]
fn the_handbook_is_read_from_its_trees() {
    let mut files = Vec::new();
    content_files(&root().join("content"), &mut files);
    let mut read = 0;
    for (path, kind) in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let yaml = match kind {
            Kind::Page => &text[..split_front_matter(&text).unwrap().0],
            _ => &text,
        };
        if !has_alias(&tree::parse(yaml).unwrap().root.unwrap()) {
            assert_eq!(agrees_as(*kind, &text), Some(true), "{}", path.display());
            read += 1;
        }
    }
    assert!(read + 2 > files.len(), "{read} of {} files", files.len());
}

#[test]
fn past_half_the_node_budget_serde_saphyr_reads() {
    let list = |n: usize| format!("[{}]", vec!["a"; n].join(", "));
    let small = read::<Vec<String>>(&tree::parse(&list(1_000)).unwrap());
    assert_eq!(small.map(|l| l.len()), Some(1_000));
    let large = read::<Vec<String>>(&tree::parse(&list(60_000)).unwrap());
    assert!(large.is_none());
}
