//! Writes a deterministic benchmark corpus of N guidance pages, three times over: as a livret
//! project, as a Hugo site (competencies as a taxonomy) and as an mdBook, with the same Markdown
//! text. Used by `bench/compare.sh`; see BENCHMARKS.md.
//!
//! ```sh
//! cargo run --release --example corpus -- --pages 1000 --out /dev/shm/corpus-1000
//! ```
//!
//! The same arguments give byte-identical files. Every internal link it writes leads to a page that
//! exists. It measures nothing and never touches a folder it did not create.

mod sites;
mod text;

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use clap::Parser;
use fastrand::Rng;

use text::Target;

/// Write a livret project, a Hugo site and an mdBook holding the same N pages.
#[derive(Parser)]
struct Args {
    /// Number of guidance pages.
    #[arg(long)]
    pages: usize,
    /// Folder to write `livret/`, `hugo/` and `mdbook/` into (replaced when it holds a corpus).
    #[arg(long)]
    out: PathBuf,
    /// Number of activities [default: pages / 20, at least 5].
    #[arg(long)]
    activities: Option<usize>,
    /// Seed of the pseudo-random text.
    #[arg(long, default_value_t = 7)]
    seed: u64,
}

/// Marks a folder this generator wrote, so that a later run may replace it.
const MARKER: &str = ".livret-corpus";

/// Competencies per domain; the référentiel has about N/10 competencies.
const PER_DOMAIN: usize = 10;

/// Guidance pages shown in the menu (the others are reached by links and the reading order).
const MENU_PAGES: usize = 4;

/// The slug of the `i`-th guidance page (0-based), and of the `i`-th activity.
pub fn page_slug(i: usize) -> String {
    format!("p{:05}", i + 1)
}

pub fn activity_slug(i: usize) -> String {
    format!("activite-{:04}", i + 1)
}

/// Where a generator keeps the pages and the activities, for relative links between them.
pub struct Layout {
    pub pages: &'static str,
    pub activities: &'static str,
    pub page_extension: &'static str,
    pub activity_extension: &'static str,
}

/// The file a link is written in.
#[derive(Clone, Copy)]
pub enum From {
    Home,
    Page,
    Activity,
}

impl Layout {
    /// The Markdown `text` written in `from`, its link placeholders made relative links.
    pub fn resolve(&self, from: From, text: &str) -> String {
        let here = match from {
            From::Home => None,
            From::Page => Some(self.pages),
            From::Activity => Some(self.activities),
        };
        text::resolve(text, |target| {
            let (dir, file) = match target {
                Target::Page(i) => (
                    self.pages,
                    format!("{}.{}", page_slug(i), self.page_extension),
                ),
                Target::Activity(i) => (
                    self.activities,
                    format!("{}.{}", activity_slug(i), self.activity_extension),
                ),
            };
            match here {
                None => format!("{dir}/{file}"),
                Some(here) if here == dir => file,
                Some(_) => format!("../{dir}/{file}"),
            }
        })
    }
}

/// The corpus, independent of any generator.
pub struct Corpus {
    pub title: String,
    pub home: String,
    pub pages: Vec<PageText>,
    pub domains: Vec<DomainText>,
    pub activities: Vec<ActivityText>,
}

pub struct PageText {
    pub slug: String,
    pub title: String,
    pub body: String,
}

pub struct DomainText {
    pub code: String,
    pub title: String,
    /// (code, text) of each competency.
    pub competencies: Vec<(String, String)>,
}

pub struct ActivityText {
    pub slug: String,
    pub title: String,
    pub codes: Vec<String>,
    pub summary: String,
    pub guidance: String,
    pub requirements: Vec<String>,
}

impl Corpus {
    fn generate(page_count: usize, activity_count: usize, seed: u64) -> Corpus {
        let mut rng = Rng::with_seed(seed);
        let rng = &mut rng;
        let competencies = page_count.div_ceil(10).max(PER_DOMAIN);
        let domains: Vec<DomainText> = (0..competencies.div_ceil(PER_DOMAIN))
            .map(|d| DomainText {
                code: format!("D{:02}", d + 1),
                title: text::title(rng),
                competencies: (0..PER_DOMAIN.min(competencies - d * PER_DOMAIN))
                    .map(|c| {
                        (
                            format!("D{:02}.{:02}", d + 1, c + 1),
                            text::sentence(rng, 0, 0),
                        )
                    })
                    .collect(),
            })
            .collect();
        let codes: Vec<&String> = domains
            .iter()
            .flat_map(|d| d.competencies.iter().map(|(code, _)| code))
            .collect();
        let activities = (0..activity_count)
            .map(|i| {
                // Each activity takes its share of the référentiel, so that every competency is
                // covered, then a few codes at random: 1 to 5 in all.
                let share =
                    i * codes.len() / activity_count..(i + 1) * codes.len() / activity_count;
                let mut picked: Vec<String> =
                    codes[share].iter().take(5).map(|c| (*c).clone()).collect();
                let wanted = rng.usize(1..=5);
                while picked.len() < wanted {
                    let code = codes[rng.usize(..codes.len())];
                    if !picked.contains(code) {
                        picked.push(code.clone());
                    }
                }
                let guidance_size = rng.usize(300..900);
                ActivityText {
                    slug: activity_slug(i),
                    title: text::title(rng),
                    codes: picked,
                    summary: text::sentence(rng, 0, 0),
                    guidance: text::body(rng, guidance_size, page_count, activity_count),
                    requirements: (0..rng.usize(1..4))
                        .map(|_| text::sentence(rng, 0, 0))
                        .collect(),
                }
            })
            .collect();
        let pages = (0..page_count)
            .map(|i| {
                let size = rng.usize(1000..5000);
                PageText {
                    slug: page_slug(i),
                    title: text::title(rng),
                    body: text::body(rng, size, page_count, activity_count),
                }
            })
            .collect();
        Corpus {
            title: format!("Référentiel national – corpus de {page_count} pages"),
            home: text::body(rng, 600, page_count.min(MENU_PAGES), 0),
            pages,
            domains,
            activities,
        }
    }

    pub fn competency_count(&self) -> usize {
        self.domains.iter().map(|d| d.competencies.len()).sum()
    }
}

/// A YAML (and TOML) double-quoted string: JSON's quoting is valid in both.
pub fn quoted(text: &str) -> String {
    serde_json::to_string(text).expect("a string serializes")
}

/// Writes `text` at `dir/relative`, creating folders.
pub fn write(dir: &Path, relative: &str, text: &str) {
    let path = dir.join(relative);
    fs::create_dir_all(path.parent().expect("a file in a folder")).expect("create a folder");
    fs::write(&path, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}

/// The livret project: settings, référentiel, activities, the derived pages and the guidance pages.
fn write_livret(corpus: &Corpus, dir: &Path) {
    let settings = format!(
        "title: {}\nshort_title: \"Corpus\"\norganisation: \"Banc d’essai de livret\"\n\
         language: fr\ndescription: \"Corpus généré pour mesurer livret face à Hugo et mdBook.\"\n\
         certification:\n  required_total: {}\n  max_missing_per_domain: {PER_DOMAIN}\n",
        quoted(&corpus.title),
        corpus.competency_count() / 2,
    );
    write(dir, "content/settings.yaml", &settings);
    let mut referentiel = format!(
        "name: \"Référentiel du corpus\"\nshort_name: CORPUS\nversion: \"{}\"\n\
         date: \"2024-01-01\"\ndomains:\n",
        corpus.pages.len()
    );
    for domain in &corpus.domains {
        let _ = write!(
            referentiel,
            "  - code: {}\n    title: {}\n    competencies:\n",
            quoted(&domain.code),
            quoted(&domain.title)
        );
        for (code, text) in &domain.competencies {
            let _ = writeln!(
                referentiel,
                "      - code: {}\n        text: {}",
                quoted(code),
                quoted(text)
            );
        }
    }
    write(dir, "content/referentiel.yaml", &referentiel);
    let layout = Layout {
        pages: "pages",
        activities: "activities",
        page_extension: "md",
        activity_extension: "yaml",
    };
    for (i, activity) in corpus.activities.iter().enumerate() {
        let codes: Vec<String> = activity.codes.iter().map(|c| quoted(c)).collect();
        let mut yaml = format!(
            "title: {}\nslug: {}\norder: {}\ncompetencies: [{}]\nsummary: {}\nguidance: |\n",
            quoted(&activity.title),
            activity.slug,
            i + 1,
            codes.join(", "),
            quoted(&activity.summary)
        );
        for line in layout.resolve(From::Activity, &activity.guidance).lines() {
            let _ = writeln!(yaml, "  {line}");
        }
        yaml.push_str("requirements:\n");
        for requirement in &activity.requirements {
            let _ = writeln!(yaml, "  - text: {}", quoted(requirement));
        }
        write(
            dir,
            &format!("content/activities/{}.yaml", activity.slug),
            &yaml,
        );
    }
    let derived = [
        ("activites", "Les activités", "activities"),
        ("referentiel", "Le référentiel", "referentiel"),
        ("matrice", "La matrice", "matrix"),
        ("couverture", "La couverture", "coverage"),
        ("suivi", "Mon suivi", "tracker"),
        ("documents", "Les documents", "downloads"),
    ];
    for (order, (slug, title, template)) in derived.iter().enumerate() {
        let page = format!(
            "---\ntitle: \"{title}\"\norder: {}\ntemplate: {template}\n---\n\
             Cette page est dérivée du référentiel et des activités.\n",
            order + 1
        );
        write(dir, &format!("content/pages/{slug}.md"), &page);
    }
    for (i, page) in corpus.pages.iter().enumerate() {
        let text = format!(
            "---\ntitle: {}\norder: {}\nmenu: {}\n---\n{}",
            quoted(&page.title),
            derived.len() + 1 + i,
            i < MENU_PAGES,
            layout.resolve(From::Page, &page.body)
        );
        write(dir, &format!("content/pages/{}.md", page.slug), &text);
    }
    let home = layout.resolve(From::Home, &corpus.home);
    let home = format!("---\ntitle: {}\n---\n{home}", quoted(&corpus.title));
    write(dir, "content/index.md", &home);
}

/// Empties `out` when it is a corpus folder (or new, or empty); refuses any other folder.
fn prepare(out: &Path) -> Result<(), String> {
    if out.exists() {
        let empty = fs::read_dir(out)
            .map_err(|e| format!("cannot read {}: {e}", out.display()))?
            .next()
            .is_none();
        if !empty && !out.join(MARKER).is_file() {
            return Err(format!(
                "{} holds files this generator did not write; choose another --out",
                out.display()
            ));
        }
        fs::remove_dir_all(out).map_err(|e| format!("cannot empty {}: {e}", out.display()))?;
    }
    fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    fs::write(
        out.join(MARKER),
        "Written by `cargo run --example corpus`.\n",
    )
    .map_err(|e| format!("cannot write in {}: {e}", out.display()))
}

fn main() -> Result<(), String> {
    let args = Args::parse();
    if args.pages == 0 {
        return Err("--pages must be at least 1".into());
    }
    let activities = args.activities.unwrap_or((args.pages / 20).max(5));
    prepare(&args.out)?;
    let corpus = Corpus::generate(args.pages, activities, args.seed);
    write_livret(&corpus, &args.out.join("livret"));
    sites::write_hugo(&corpus, &args.out.join("hugo"));
    sites::write_mdbook(&corpus, &args.out.join("mdbook"));
    println!(
        "{}: {} pages, {} activities, {} competencies in {} domains",
        args.out.display(),
        corpus.pages.len(),
        corpus.activities.len(),
        corpus.competency_count(),
        corpus.domains.len()
    );
    Ok(())
}
