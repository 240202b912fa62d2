//! The typed model of a handbook: settings, référentiel, activities, pages and data tables.
//!
//! The loaders produce it, the checks read it, the renderers turn it into output. It keeps the source
//! locations of the values that diagnostics point at (through `Spanned`), and nothing about
//! presentation: no HTML, no URLs, no wording of the site. It must not know which framework it holds.

use std::collections::{BTreeMap, HashMap};
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

pub use calendar::Deadline;
pub use date::Date;
pub use fiche::*;
pub use mapping::Mapping;

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

/// `content/settings.yaml`: the site and the certification rule.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    pub title: String,
    #[serde(default)]
    pub short_title: Option<String>,
    pub organisation: String,
    #[serde(default = "default_language")]
    pub language: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub platform: Option<Platform>,
    pub certification: CertificationRule,
    /// Who the handbook is for, in the handbook's words (defaults from the language).
    #[serde(default)]
    pub audience: Audience,
    /// Absolute URL of the published site (checked); only the 404 page uses it, through
    /// [`Settings::base_path`].
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub base_url: Option<Spanned<String>>,
    #[serde(skip)]
    pub source: SourceText,
}

fn default_language() -> String {
    "fr".to_owned()
}

impl Settings {
    /// The path of the published site on its server, ending with `/` (`/livret/` for
    /// `https://www.univ.fr/livret`); `None` without a `base_url`, or with one that is not an
    /// address (the check reports it).
    pub fn base_path(&self) -> Option<String> {
        let uri = self.base_url.as_ref()?.value.parse::<http::Uri>().ok()?;
        uri.authority()?;
        let path = uri.path();
        Some(match path.ends_with('/') {
            true => path.to_owned(),
            false => format!("{path}/"),
        })
    }

    /// The settings of a run whose settings file failed to load: empty texts and a rule of zero,
    /// so that the other files can still be checked (the checks then leave the rule alone).
    pub fn unloaded(language: Option<String>) -> Self {
        Settings {
            title: String::new(),
            short_title: None,
            organisation: String::new(),
            language: language.unwrap_or_else(default_language),
            description: None,
            platform: None,
            certification: CertificationRule::default(),
            audience: Audience::default(),
            base_url: None,
            source: SourceText::default(),
        }
    }
}

/// The words for the handbook's readers and their year, which the site's and documents' sentences
/// use (`élève`, `année scolaire`); each missing one is the catalogue's word in the handbook's
/// language.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Audience {
    #[serde(default)]
    pub learner: Option<String>,
    #[serde(default)]
    pub learners: Option<String>,
    #[serde(default)]
    pub school_year: Option<String>,
    /// The years of study, in order (`M1`, `M2`): the fiche de suivi counts validations per year.
    #[serde(default)]
    pub years_of_study: Vec<String>,
}

/// The training platform the handbook points students to.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Platform {
    pub name: String,
    /// An absolute `http://` or `https://` address (checked).
    #[schemars(with = "String")]
    pub url: Spanned<String>,
}

/// The certification rule, as data: how many competencies in total (by default all), and per
/// domain how many may be missing or must be validated; with levels, from which level a competency
/// counts. Every part is optional; [`CertificationRule`]'s methods give the rule in force.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CertificationRule {
    #[serde(default)]
    #[schemars(with = "Option<u32>", range(min = bounds::REQUIRED_TOTAL.min, max = bounds::REQUIRED_TOTAL.max))]
    pub required_total: Option<Spanned<u32>>,
    #[serde(default)]
    #[schemars(with = "Option<u32>", range(min = bounds::MAX_MISSING.min, max = bounds::MAX_MISSING.max))]
    pub max_missing_per_domain: Option<Spanned<u32>>,
    /// At least this many validated competencies in every domain.
    #[serde(default)]
    #[schemars(with = "Option<u32>", range(min = bounds::MINIMUM.min, max = bounds::MINIMUM.max))]
    pub min_per_domain: Option<Spanned<u32>>,
    /// Per domain code, a minimum that replaces `min_per_domain` for that domain.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, u32>")]
    pub domain_minimums: BTreeMap<String, Spanned<u32>>,
    /// With levels: the code of the level from which a competency counts for the certificate
    /// (by default the scale's `validated_from`).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub level: Option<Spanned<String>>,
}

impl CertificationRule {
    /// How many competencies the certificate requires, of a framework of `total`.
    pub fn required(&self, total: usize) -> u32 {
        self.required_total
            .as_ref()
            .map_or(total as u32, |r| r.value)
    }

    /// How many competencies of a domain may stay non-validated, if the rule limits it.
    pub fn max_missing(&self) -> Option<u32> {
        self.max_missing_per_domain.as_ref().map(|m| m.value)
    }

    /// How many competencies of the domain `code` must be validated (0 when the rule says nothing).
    pub fn minimum_for(&self, code: &str) -> u32 {
        self.domain_minimums
            .get(code)
            .or(self.min_per_domain.as_ref())
            .map_or(0, |m| m.value)
    }

    /// Whether the rule asks for a minimum in any domain.
    pub fn has_minimums(&self) -> bool {
        self.min_per_domain.is_some() || !self.domain_minimums.is_empty()
    }
}

/// `content/referentiel.yaml`: the competency framework.
#[derive(Debug, Clone, Serialize)]
pub struct Referentiel {
    pub name: String,
    pub short_name: Option<String>,
    pub version: Option<String>,
    pub reference: Option<String>,
    /// Publication date of this version, ISO `YYYY-MM-DD` as written (checked by the exports).
    pub date: Option<Spanned<String>>,
    /// Whether the framework has a group level. Without one, `groups` holds a single untitled group.
    pub has_groups: bool,
    /// The proficiency scale, when the framework has one.
    pub levels: Option<Levels>,
    pub groups: Vec<Group>,
    #[serde(skip)]
    pub source: SourceText,
    /// Where `name`, `short_name` and `version` are written, for diagnostics about values derived
    /// from them (the exports' framework identifier).
    #[serde(skip)]
    pub name_span: Span,
    #[serde(skip)]
    pub short_name_span: Option<Span>,
    #[serde(skip)]
    pub version_span: Option<Span>,
    /// Competency code → (group, domain, competency) indices.
    #[serde(skip)]
    index: HashMap<String, (usize, usize, usize)>,
}

impl Referentiel {
    /// The référentiel of a run whose référentiel file failed to load: no competency at all, so
    /// that the other files can still be checked (the checks then leave the codes alone).
    pub fn unloaded() -> Self {
        Referentiel {
            name: String::new(),
            short_name: None,
            version: None,
            reference: None,
            date: None,
            has_groups: false,
            levels: None,
            groups: Vec::new(),
            source: SourceText::default(),
            name_span: Span::default(),
            short_name_span: None,
            version_span: None,
            index: HashMap::new(),
        }
    }

    pub fn new(
        raw: RawReferentiel,
        groups: Vec<Group>,
        has_groups: bool,
        source: SourceText,
    ) -> Self {
        let mut index = HashMap::new();
        for (g, group) in groups.iter().enumerate() {
            for (d, domain) in group.domains.iter().enumerate() {
                for (c, competency) in domain.competencies.iter().enumerate() {
                    index
                        .entry(competency.code.value.clone())
                        .or_insert((g, d, c));
                }
            }
        }
        let span = |value: &Spanned<String>| span_of(&source, value);
        Referentiel {
            name_span: span(&raw.name),
            short_name_span: raw.short_name.as_ref().map(span),
            version_span: raw.version.as_ref().map(span),
            name: raw.name.value,
            short_name: raw.short_name.map(|s| s.value),
            version: raw.version.map(|v| v.value),
            reference: raw.reference,
            date: raw.date,
            has_groups,
            levels: raw.levels,
            groups,
            source,
            index,
        }
    }

    pub fn domains(&self) -> impl Iterator<Item = &Domain> {
        self.groups.iter().flat_map(|g| g.domains.iter())
    }

    pub fn competencies(&self) -> impl Iterator<Item = &Competency> {
        self.domains().flat_map(|d| d.competencies.iter())
    }

    pub fn competency(&self, code: &str) -> Option<&Competency> {
        let &(g, d, c) = self.index.get(code)?;
        Some(&self.groups[g].domains[d].competencies[c])
    }

    /// The domain a competency belongs to.
    pub fn domain_of(&self, code: &str) -> Option<&Domain> {
        let &(g, d, _) = self.index.get(code)?;
        Some(&self.groups[g].domains[d])
    }

    /// Position of a competency in référentiel order, for sorting.
    pub fn position(&self, code: &str) -> Option<(usize, usize, usize)> {
        self.index.get(code).copied()
    }
}

/// The référentiel file as written: either `groups` or `domains` at the top.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawReferentiel {
    #[schemars(with = "String")]
    pub name: Spanned<String>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub short_name: Option<Spanned<String>>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub version: Option<Spanned<String>>,
    #[serde(default)]
    pub reference: Option<String>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub date: Option<Spanned<String>>,
    #[serde(default)]
    pub levels: Option<Levels>,
    #[serde(default)]
    pub groups: Option<Vec<Group>>,
    #[serde(default)]
    pub domains: Option<Vec<Domain>>,
}

/// An ordered proficiency scale, lowest level first.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Levels {
    /// The code of the first level at which a competency counts as validated.
    #[schemars(with = "String")]
    pub validated_from: Spanned<String>,
    pub scale: Vec<Level>,
}

impl Levels {
    /// The position of the level `code` in the scale.
    pub fn position(&self, code: &str) -> Option<usize> {
        self.scale.iter().position(|l| l.code.value == code)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Level {
    #[schemars(with = "String")]
    pub code: Spanned<String>,
    #[schemars(with = "String")]
    pub title: Spanned<String>,
    #[serde(default)]
    pub description: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Group {
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub code: Option<Spanned<String>>,
    #[serde(default)]
    pub title: Option<String>,
    pub domains: Vec<Domain>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Domain {
    #[schemars(with = "String")]
    pub code: Spanned<String>,
    pub title: String,
    pub competencies: Vec<Competency>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = title_or_text)]
pub struct Competency {
    #[schemars(with = "String")]
    pub code: Spanned<String>,
    /// Its statement, or a short title when a `description` follows (`text` is the older name).
    #[serde(alias = "text")]
    #[schemars(with = "String")]
    pub title: Spanned<String>,
    /// A longer statement, under the title.
    #[serde(default)]
    pub description: Option<String>,
    /// Sub-items, for a competency whose text announces a list.
    #[serde(default)]
    pub items: Vec<String>,
}

/// A competency's `title` may be written `text`, its older name (serde's alias, which schemars
/// does not see): the schema accepts either, not both.
fn title_or_text(schema: &mut schemars::Schema) {
    let Some(title) = schema
        .get("properties")
        .and_then(|p| p.get("title"))
        .cloned()
    else {
        return;
    };
    if let Some(properties) = schema.get_mut("properties").and_then(|p| p.as_object_mut()) {
        properties.insert("text".to_owned(), title);
    }
    if let Some(required) = schema.get_mut("required").and_then(|r| r.as_array_mut()) {
        required.retain(|key| key != "title");
    }
    schema.insert(
        "oneOf".to_owned(),
        serde_json::json!([{ "required": ["title"] }, { "required": ["text"] }]),
    );
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
    /// The Markdown after the front matter.
    pub body: String,
    /// Byte offset of the body in the source file, so body diagnostics point at the right line.
    #[serde(skip)]
    pub body_offset: usize,
    #[serde(skip)]
    pub source: SourceText,
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
