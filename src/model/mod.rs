//! The typed model of a handbook: settings, référentiel, activities, pages and data tables.
//!
//! The loaders produce it, the checks read it, the renderers turn it into output. It keeps the source
//! locations of the values that diagnostics point at (through `Spanned`), and nothing about
//! presentation: no HTML, no URLs, no wording of the site. It must not know which framework it holds.

use std::path::PathBuf;
use std::sync::OnceLock;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

use crate::diagnostic::{SourceText, Span};

pub mod bounds;
mod calendar;
mod date;
mod fiche;
mod mapping;
mod referentiel;
mod settings;

pub use calendar::Deadline;
pub use date::Date;
pub use fiche::*;
pub use mapping::Mapping;
pub use referentiel::*;
pub use settings::*;

/// Everything livret knows about one handbook.
#[derive(Debug, Clone)]
pub struct Model {
    pub settings: Settings,
    pub referentiel: Referentiel,
    /// Sorted by `order`, then slug.
    pub activities: Vec<Activity>,
    /// The home page, when `content/index.md` exists.
    pub home: Option<Page>,
    /// The chapters, sorted by `order`, then slug.
    pub pages: Vec<Page>,
    /// Data tables by name (the file stem), in name order.
    pub data: Vec<DataTable>,
    /// Fiche models written in their own files (`content/fiches/*.yaml`).
    pub fiches: Vec<FicheFile>,
    /// Content files that exist but failed to load (their errors are reported): checks must not
    /// also report them as absent.
    pub unloaded: Vec<PathBuf>,
    /// The mapping, derived on first use (see [`Model::mapping`]).
    pub(crate) derived: OnceLock<Mapping>,
}

impl Model {
    /// Which activities validate which competency, worked out once, on first use: the activities
    /// and the référentiel must not change after that (loading sorts them before any use).
    pub fn mapping(&self) -> &Mapping {
        self.derived.get_or_init(|| Mapping::new(self))
    }

    pub fn activity(&self, slug: &str) -> Option<&Activity> {
        self.activities.iter().find(|a| a.slug.value == slug)
    }

    pub fn data_table(&self, name: &str) -> Option<&DataTable> {
        self.data.iter().find(|t| t.name == name)
    }

    /// Whether every content file loaded: otherwise what the checks and the renderers see is
    /// partial, and they leave alone what the missing files would have said.
    pub fn is_complete(&self) -> bool {
        self.unloaded.is_empty()
    }

    /// Whether the file at `path` (relative to the root) exists but failed to load.
    pub fn is_unloaded(&self, path: &str) -> bool {
        self.unloaded
            .iter()
            .any(|p| p == std::path::Path::new(path))
    }

    /// Whether a file of the folder `dir` (relative to the root) failed to load.
    pub fn has_unloaded_in(&self, dir: &str) -> bool {
        self.unloaded.iter().any(|p| p.starts_with(dir))
    }

    /// Whether a data table of that name exists but failed to load.
    pub fn data_table_unloaded(&self, name: &str) -> bool {
        self.unloaded.iter().any(|path| {
            path.starts_with(crate::load::DATA_DIR) && path.file_stem().is_some_and(|s| s == name)
        })
    }

    /// With a scale of levels, the position of the first level that counts for the certificate:
    /// the rule's `level`, else the scale's `validated_from` (the checks report unknown codes).
    pub fn counting_level(&self) -> Option<usize> {
        let levels = self.referentiel.levels.as_ref()?;
        let rule = self.settings.certification.level.as_ref();
        rule.and_then(|l| levels.position(&l.value))
            .or_else(|| levels.position(&levels.validated_from.value))
    }

    /// The fiche model of an activity: its own `fiche:`, or a `content/fiches/` file naming it.
    pub fn fiche_of<'a>(&'a self, activity: &'a Activity) -> Option<&'a FicheModel> {
        activity.fiche.as_ref().or_else(|| {
            self.fiches
                .iter()
                .find(|f| f.activity.value == activity.slug.value)
                .map(|f| &f.fiche)
        })
    }
}

/// `content/activities/<file>.yaml`: an activity and the competencies it validates.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    pub title: String,
    #[schemars(with = "String")]
    pub slug: Spanned<String>,
    #[schemars(with = "i64", range(min = bounds::ORDER.min, max = bounds::ORDER.max))]
    pub order: Spanned<i64>,
    /// THE mapping: the codes of the competencies this activity validates.
    #[schemars(with = "Vec<String>")]
    pub competencies: Spanned<Vec<Spanned<String>>>,
    pub summary: String,
    /// Markdown instructions.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub guidance: Option<Spanned<String>>,
    #[serde(default)]
    pub requirements: Vec<Requirement>,
    #[serde(default)]
    pub annexes: Vec<String>,
    /// The model of the fiche students fill in for this activity.
    #[serde(default)]
    pub fiche: Option<FicheModel>,
    /// When its work is handed in, per year of study.
    #[serde(default)]
    #[schemars(with = "Vec<Deadline>")]
    pub calendar: Vec<Spanned<Deadline>>,
    #[serde(skip)]
    pub source: SourceText,
}

impl Activity {
    pub fn codes(&self) -> impl Iterator<Item = &str> {
        self.competencies.value.iter().map(|c| c.value.as_str())
    }
}

/// A value the file does not give: it has no location.
pub(crate) fn unlocated<T>(value: T) -> Spanned<T> {
    Spanned::new(
        value,
        serde_saphyr::Location::UNKNOWN,
        serde_saphyr::Location::UNKNOWN,
    )
}

fn default_order() -> Spanned<i64> {
    unlocated(0)
}

/// A rule or requirement of an activity, with optional sub-items.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    pub text: String,
    #[serde(default)]
    pub items: Vec<String>,
}

/// A Markdown page: its front matter and its body.
#[derive(Debug, Clone, Serialize)]
pub struct Page {
    /// The file stem; the home page's is `index`.
    pub slug: String,
    #[serde(flatten)]
    pub front: FrontMatter,
    /// Byte offset of the body in the source file (see [`Page::body`]), so body diagnostics point
    /// at the right line.
    #[serde(skip)]
    pub body_offset: usize,
    #[serde(skip)]
    pub source: SourceText,
}

impl Page {
    /// The Markdown after the front matter: a slice of the source, kept once for the
    /// diagnostics and the renderers (a 10,000-page handbook holds 32 MB of it).
    pub fn body(&self) -> &str {
        self.source.text.get(self.body_offset..).unwrap_or_default()
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: String,
    /// Position in the menu and the reading order (the home page needs none).
    #[serde(default = "default_order")]
    #[schemars(with = "i64", range(min = bounds::ORDER.min, max = bounds::ORDER.max))]
    pub order: Spanned<i64>,
    #[serde(default = "default_true")]
    pub menu: bool,
    /// The group of the menu the page belongs to (its chapters share one entry).
    #[serde(default)]
    pub part: Option<String>,
    /// Whether the page is in the print edition (a page for trainers need not be).
    #[serde(default = "default_true")]
    pub print: bool,
    #[serde(default)]
    pub template: PageTemplate,
    /// Names of data tables shown after the body.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub data: Vec<Spanned<String>>,
}

fn default_true() -> bool {
    true
}

/// Which layout a page uses: a plain chapter, or a chapter that also lists generated content.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum PageTemplate {
    #[default]
    Page,
    /// Lists every activity after the body.
    Activities,
    /// Shows the whole référentiel after the body.
    Referentiel,
    /// Lists every downloadable document and export after the body.
    Downloads,
    /// The activity × competency matrix.
    Matrix,
    /// The coverage report for trainers.
    Coverage,
    /// The students' certification-rule tracker (« Mon suivi »).
    Tracker,
    /// Every activity's deadlines, in date order.
    Calendar,
}

impl PageTemplate {
    pub fn name(self) -> &'static str {
        match self {
            PageTemplate::Page => "page",
            PageTemplate::Activities => "activities",
            PageTemplate::Referentiel => "referentiel",
            PageTemplate::Downloads => "downloads",
            PageTemplate::Matrix => "matrix",
            PageTemplate::Coverage => "coverage",
            PageTemplate::Tracker => "tracker",
            PageTemplate::Calendar => "calendar",
        }
    }
}

/// `content/data/<name>.yaml`: a table of numbers with row groups; blank cells stay blank.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataTable {
    #[serde(skip_deserializing)]
    pub name: String,
    pub title: String,
    #[serde(default)]
    pub caption: Option<String>,
    pub row_header: String,
    pub columns: Vec<String>,
    pub groups: Vec<DataGroup>,
    /// A chart of the table, drawn beside it.
    #[serde(default)]
    #[schemars(with = "Option<ChartSpec>")]
    pub chart: Option<Spanned<ChartSpec>>,
    #[serde(skip)]
    pub source: SourceText,
}

/// `chart:` of a data table: a stacked bar chart of each group's total per column.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChartSpec {
    #[schemars(with = "String")]
    pub title: Spanned<String>,
    /// The legend's name for the rows of the group without a title (required when there is one).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub untitled_group: Option<Spanned<String>>,
    /// Draws the columns in reverse order: for tables written newest first, time then goes left
    /// to right.
    #[serde(default)]
    pub chronological: bool,
    /// What the numbers count, for the chart's text alternative (« admis »).
    #[serde(default)]
    pub unit: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataGroup {
    #[serde(default)]
    pub title: Option<String>,
    pub rows: Vec<DataRow>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataRow {
    pub label: String,
    /// One cell per column; `null` is a blank cell (nothing recorded), not zero.
    #[schemars(
        with = "Vec<Option<u64>>",
        inner(range(min = bounds::DATA_VALUE.min, max = bounds::DATA_VALUE.max))
    )]
    pub values: Spanned<Vec<Option<u64>>>,
}

/// The span of a spanned value inside its source file.
pub fn span_of<T>(source: &SourceText, value: &Spanned<T>) -> Span {
    let location = value.referenced;
    match location.span().byte_offset() {
        Some(offset) => {
            let len = location.span().byte_len().unwrap_or(0).max(1) as usize;
            source.span(offset as usize..offset as usize + len)
        }
        None => source.span_at(location.line() as usize, location.column() as usize),
    }
}
