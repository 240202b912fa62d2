//! The handbook, mutated at random: a line deleted, duplicated or re-indented, a bracket, colon,
//! tab, quote, template tag or absurd number inserted, a number replaced, the file cut short.
//! Whatever the mutation, `livret check` must end (exit 0 or 1, never a panic), and every error
//! must be located: a file of the project, and a line and column in it when it is a content file;
//! and a failing run must point into the mutated file (or, for a mutation that removes what other
//! files refer to, at those references).
//!
//! The cases are drawn from a fixed seed, so every run tries the same mutations; set
//! PROPTEST_RNG_SEED to draw others. A failure is shrunk to a small mutation and saved under
//! `tests/mutations.proptest-regressions`, which later runs try first.

#[allow(dead_code)] // the helpers the other test files use
mod common;

use std::fs;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use livret::catalogue::Lang;
use livret::diagnostic::{Diagnostic, Diagnostics};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, RngSeed};

/// What a mutation inserts: the characters of YAML, Markdown and template syntax, and values that
/// stretch limits.
const INSERTS: &[&str] = &[
    ":",
    "[",
    "]",
    "{",
    "}",
    "- ",
    "\t",
    "\"",
    "'",
    "#",
    "&a ",
    "*a",
    "---\n",
    "\n",
    "  ",
    "|",
    ">",
    "!!str ",
    "%",
    "?",
    "@",
    "`",
    "\\",
    "{{",
    "}}",
    "{%",
    "%}",
    "{{ site.nope }}",
    "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
    "4000000000",
    "-1",
    "18446744073709551616",
    "1e308",
    "null",
    "~",
    "é",
    "«\u{a0}",
    "\u{0}",
    "\u{feff}",
    "[lien](nulle-part.md)",
    "[ancre](#nulle-part)",
    "![](absent.png)",
    "<script>",
    "&amp",
    "A.1.9",
    "\r",
];

/// Where numbers are put in place of another.
const NUMBERS: &[&str] = &["0", "-5", "4000000000", "99999999999999999999", "1.5", "x"];

#[derive(Debug, Clone)]
enum Mutation {
    DeleteLine(Index),
    DuplicateLine(Index),
    SwapLines(Index, Index),
    Indent(Index, &'static str),
    Dedent(Index),
    Insert(Index, &'static str),
    DeleteChars(Index, usize),
    ReplaceNumber(Index, &'static str),
    Truncate(Index),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let insert = prop::sample::select(INSERTS);
    let number = prop::sample::select(NUMBERS);
    let indent = prop::sample::select(&[" ", "  ", "\t"][..]);
    prop_oneof![
        any::<Index>().prop_map(Mutation::DeleteLine),
        any::<Index>().prop_map(Mutation::DuplicateLine),
        (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        (any::<Index>(), indent).prop_map(|(a, s)| Mutation::Indent(a, s)),
        any::<Index>().prop_map(Mutation::Dedent),
        (any::<Index>(), insert).prop_map(|(a, s)| Mutation::Insert(a, s)),
        (any::<Index>(), 1..40usize).prop_map(|(a, n)| Mutation::DeleteChars(a, n)),
        (any::<Index>(), number).prop_map(|(a, s)| Mutation::ReplaceNumber(a, s)),
        any::<Index>().prop_map(Mutation::Truncate),
    ]
}

impl Mutation {
    fn apply(&self, text: &str) -> String {
        let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
        if lines.is_empty() {
            lines.push(String::new());
        }
        let line = |index: &Index| index.index(lines.len());
        // A character boundary, by character count.
        let at = |index: &Index| {
            let count = text.chars().count().max(1);
            text.char_indices()
                .nth(index.index(count))
                .map_or(text.len(), |(i, _)| i)
        };
        match self {
            Mutation::DeleteLine(i) => {
                lines.remove(line(i));
            }
            Mutation::DuplicateLine(i) => {
                let n = line(i);
                lines.insert(n, lines[n].clone());
            }
            Mutation::SwapLines(a, b) => {
                let (a, b) = (line(a), line(b));
                lines.swap(a, b);
            }
            Mutation::Indent(i, by) => {
                let n = line(i);
                lines[n] = format!("{by}{}", lines[n]);
            }
            Mutation::Dedent(i) => {
                let n = line(i);
                lines[n] = lines[n].trim_start().to_owned();
            }
            Mutation::Insert(i, what) => {
                let at = at(i);
                return format!("{}{what}{}", &text[..at], &text[at..]);
            }
            Mutation::DeleteChars(i, count) => {
                let start = at(i);
                let end = text[start..]
                    .char_indices()
                    .nth(*count)
                    .map_or(text.len(), |(j, _)| start + j);
                return format!("{}{}", &text[..start], &text[end..]);
            }
            Mutation::ReplaceNumber(i, by) => {
                let numbers: Vec<(usize, usize)> = number_spans(text);
                if numbers.is_empty() {
                    return format!("{text}{by}");
                }
                let (start, end) = numbers[i.index(numbers.len())];
                return format!("{}{by}{}", &text[..start], &text[end..]);
            }
            Mutation::Truncate(i) => return text[..at(i)].to_owned(),
        }
        lines.join("\n") + "\n"
    }
}

/// The byte ranges of the runs of ASCII digits in `text`.
fn number_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_ascii_digit(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    spans
}

/// The handbook's content files that `filter` keeps, relative to the repository.
fn content_files(filter: impl Fn(&Path) -> bool) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut folders = vec![common::root().join("content")];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(folder).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else {
                let relative = path.strip_prefix(common::root()).unwrap().to_path_buf();
                if filter(&relative) {
                    found.push(relative);
                }
            }
        }
    }
    found.sort();
    found
}

/// A copy of the handbook in which one file at a time is mutated, then put back.
struct Project {
    _dir: tempfile::TempDir,
    root: PathBuf,
}

impl Project {
    fn new() -> Project {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        common::copy_tree(&common::root().join("content"), &root.join("content"));
        Project { _dir: dir, root }
    }

    /// Checks the project with `file` mutated; returns the problems of a failing run.
    fn check_mutated(&self, file: &Path, mutation: &Mutation) -> Result<(), TestCaseError> {
        let original = fs::read_to_string(common::root().join(file)).unwrap();
        let mutated = mutation.apply(&original);
        fs::write(self.root.join(file), &mutated).unwrap();
        let result = catch_unwind(AssertUnwindSafe(|| livret::build::check(&self.root)));
        fs::write(self.root.join(file), &original).unwrap();
        let outcome = result.map_err(|_| TestCaseError::fail("livret panicked"))?;
        match outcome {
            Ok(_) => Ok(()),
            Err(problems) => located(&self.root, file, &problems),
        }
    }
}

/// Every error is located, and the run points into the mutated file or at references to it.
fn located(root: &Path, mutated: &Path, problems: &Diagnostics) -> Result<(), TestCaseError> {
    let errors: Vec<&Diagnostic> = problems.iter().filter(|d| d.is_error()).collect();
    prop_assert!(!errors.is_empty(), "a failing run without an error");
    for error in &errors {
        let Some(path) = &error.path else {
            return Err(TestCaseError::fail(format!(
                "no file: {}",
                error.message.english()
            )));
        };
        let in_project = root.join(path).exists() || path.starts_with("templates");
        prop_assert!(in_project, "not a project file: {}", path.display());
        if path.starts_with("content") {
            prop_assert!(
                error.span.is_some(),
                "no line in {}: {}",
                path.display(),
                error.message.english()
            );
        }
    }
    let in_mutated = problems.iter().any(|d| d.path.as_deref() == Some(mutated));
    let references = errors.iter().all(|d| is_reference(d));
    prop_assert!(
        in_mutated || references,
        "no diagnostic in {}: {:?}",
        mutated.display(),
        errors
            .iter()
            .map(|d| d.render(Lang::En, false))
            .collect::<Vec<_>>()
    );
    Ok(())
}

/// An error about a reference another file makes: the mutation removed or renamed its target.
fn is_reference(problem: &Diagnostic) -> bool {
    [
        "unknown",
        "the site has no",
        "has no anchor",
        "no id",
        "the rule requires",
    ]
    .iter()
    .any(|words| problem.message.english().contains(words))
}

fn config(cases: u32) -> Config {
    let mut config = Config::with_cases(cases);
    config.source_file = Some(file!());
    if std::env::var_os("PROPTEST_RNG_SEED").is_none() {
        config.rng_seed = RngSeed::Fixed(20_261_130);
    }
    config
}

fn run(files: Vec<PathBuf>, cases: u32) {
    assert!(!files.is_empty(), "no file to mutate");
    let project = Project::new();
    let mut runner = proptest::test_runner::TestRunner::new(config(cases));
    let strategy = (prop::sample::select(files), mutation());
    let result = runner.run(&strategy, |(file, mutation)| {
        project.check_mutated(&file, &mutation)
    });
    if let Err(failure) = result {
        panic!("{failure}");
    }
}

#[test]
fn mutated_yaml_is_reported_and_located() {
    run(
        content_files(|p| p.extension().is_some_and(|e| e == "yaml")),
        200,
    );
}

#[test]
fn mutated_markdown_is_reported_and_located() {
    run(
        content_files(|p| p.extension().is_some_and(|e| e == "md")),
        150,
    );
}
