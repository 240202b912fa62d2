//! The handbook's YAML read independently of livret's model (the référentiel's tree of codes, the
//! activities in site order), for the tests that check livret's output against its sources. Not
//! every test crate uses every item.
#![allow(dead_code)]

use std::fs;
use std::path::Path;

use serde::Deserialize;

#[derive(Deserialize)]
pub struct ReferentielFile {
    pub name: String,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    groups: Option<Vec<GroupFile>>,
    #[serde(default)]
    domains: Option<Vec<DomainFile>>,
}

#[derive(Deserialize)]
pub struct GroupFile {
    code: String,
    domains: Vec<DomainFile>,
}

#[derive(Deserialize)]
pub struct DomainFile {
    code: String,
    competencies: Vec<CompetencyFile>,
}

#[derive(Deserialize)]
pub struct CompetencyFile {
    code: String,
}

/// A domain: its group's code (none without groups), its code, its competencies' codes.
pub type Branch<'a> = (Option<&'a str>, &'a str, Vec<&'a str>);

impl ReferentielFile {
    pub fn read(content: &Path) -> ReferentielFile {
        let text = fs::read_to_string(content.join("referentiel.yaml")).unwrap();
        serde_saphyr::from_str(&text).unwrap()
    }

    /// (group code, domain code, competency codes) in référentiel order; no group code without groups.
    pub fn tree(&self) -> Vec<Branch<'_>> {
        fn domains<'a>(group: Option<&'a str>, domains: &'a [DomainFile]) -> Vec<Branch<'a>> {
            domains
                .iter()
                .map(|d| {
                    let codes = d.competencies.iter().map(|c| c.code.as_str()).collect();
                    (group, d.code.as_str(), codes)
                })
                .collect()
        }
        match (&self.groups, &self.domains) {
            (Some(groups), _) => groups
                .iter()
                .flat_map(|g| domains(Some(&g.code), &g.domains))
                .collect(),
            (None, Some(top)) => domains(None, top),
            (None, None) => panic!("the référentiel has neither groups nor domains"),
        }
    }

    pub fn codes(&self) -> Vec<&str> {
        self.tree()
            .into_iter()
            .flat_map(|(_, _, codes)| codes)
            .collect()
    }
}

#[derive(Deserialize)]
pub struct ActivityFile {
    pub title: String,
    pub slug: String,
    pub order: i64,
    pub competencies: Vec<String>,
    #[serde(default)]
    pub calendar: Vec<CalendarEntry>,
}

/// One entry of an activity's `calendar:`, as written.
#[derive(Deserialize)]
pub struct CalendarEntry {
    pub year: Option<String>,
    pub due: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
}

/// The activities in site order (by `order`, then slug).
pub fn activities(content: &Path) -> Vec<ActivityFile> {
    let mut activities: Vec<ActivityFile> = fs::read_dir(content.join("activities"))
        .unwrap()
        .flatten()
        .map(|entry| serde_saphyr::from_str(&fs::read_to_string(entry.path()).unwrap()).unwrap())
        .collect();
    activities.sort_by(|a, b| (a.order, &a.slug).cmp(&(b.order, &b.slug)));
    activities
}
