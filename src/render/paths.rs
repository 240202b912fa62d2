//! Where things are in the site, named in the handbook's language: the folders of the activities'
//! and competencies' pages, the search and print pages, the calendar and the matrix files, the
//! domains' anchors (`activites/`, `recherche.html`, `domaine-a-1` in French; `activities/`,
//! `search.html`, `domain-a-1` in English). The names come from the message catalogue
//! (`locales/<language>/paths.ftl`), read once per language; this module only joins them.

use std::sync::OnceLock;

use crate::catalogue::{Catalogue, Lang};

use super::markdown::slugify;

#[derive(Debug)]
pub struct Paths {
    /// The activities' folder, ending with `/`.
    pub activities: String,
    /// The competencies' folder, ending with `/`.
    pub competencies: String,
    /// The search page.
    pub search: String,
    /// The print edition.
    pub print: String,
    /// The deadlines' iCalendar file.
    pub calendar: String,
    /// The matrix for spreadsheets, in the exports' folder.
    pub matrix: String,
    domain_anchor: String,
    matrix_anchor: String,
}

impl Paths {
    /// The paths of a handbook in `language` (English names for a language livret does not speak).
    pub fn of(language: &str) -> &'static Paths {
        static FR: OnceLock<Paths> = OnceLock::new();
        static EN: OnceLock<Paths> = OnceLock::new();
        let lang = Lang::from_tag(language).unwrap_or(Lang::En);
        let cell = match lang {
            Lang::Fr => &FR,
            Lang::En => &EN,
        };
        cell.get_or_init(|| Paths::load(Catalogue::get(lang)))
    }

    fn load(catalogue: &Catalogue) -> Paths {
        let path_name = |id: &str| catalogue.lookup(id).unwrap_or_default();
        Paths {
            activities: format!("{}/", path_name("path-activities")),
            competencies: format!("{}/", path_name("path-competencies")),
            search: format!("{}.html", path_name("path-search")),
            print: format!("{}.html", path_name("path-print")),
            calendar: format!("{}.ics", path_name("path-calendar")),
            matrix: format!("{}.csv", path_name("path-matrix")),
            domain_anchor: path_name("path-domain-anchor"),
            matrix_anchor: path_name("path-matrix-anchor"),
        }
    }

    /// An activity's page: `activites/sitographie.html`.
    pub fn activity(&self, slug: &str) -> String {
        format!("{}{slug}.html", self.activities)
    }

    /// A competency's page: its code made into a file name (`D.2.3` → `competences/d-2-3.html`).
    pub fn competency(&self, code: &str) -> String {
        format!("{}{}.html", self.competencies, slugify(code))
    }

    /// The id of a domain's heading on the référentiel page: `X.1` → `domaine-x-1`.
    pub fn domain_anchor(&self, code: &str) -> String {
        format!("{}-{}", self.domain_anchor, slugify(code))
    }

    /// The id of a domain's table on the matrix page: `X.1` → `matrice-x-1`.
    pub fn matrix_anchor(&self, code: &str) -> String {
        format!("{}-{}", self.matrix_anchor, slugify(code))
    }

    /// The page names the site generates itself, which a chapter may not take (without `.html`).
    pub fn reserved_slugs(&self) -> [&str; 4] {
        [
            "index",
            "404",
            self.search.trim_end_matches(".html"),
            self.print.trim_end_matches(".html"),
        ]
    }
}
