//! The référentiel, the certification rule and the mapping as JSON, for other tools: what the
//! handbook's YAML says, without presentation (no typography, no HTML) and without anything derived.
//! Key order is the structs' order, so the bytes are stable. This module must not add wording.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::diagnostic::Diagnostics;

use super::{Context, pretty_json};

#[derive(Serialize)]
struct Export<'a> {
    referentiel: Referentiel<'a>,
    rule: Rule<'a>,
    activities: Vec<Activity<'a>>,
}

#[derive(Serialize)]
struct Referentiel<'a> {
    name: &'a str,
    short_name: Option<&'a str>,
    version: Option<&'a str>,
    reference: Option<&'a str>,
    /// ISO `YYYY-MM-DD`, when the référentiel has a valid `date:`.
    date: Option<String>,
    /// The proficiency scale, lowest first, when the framework has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    levels: Option<Levels<'a>>,
    /// The groups and their domains; a framework without groups has `domains` instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    groups: Option<Vec<Group<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    domains: Option<Vec<Domain<'a>>>,
}

#[derive(Serialize)]
struct Levels<'a> {
    validated_from: &'a str,
    scale: Vec<Level<'a>>,
}

#[derive(Serialize)]
struct Level<'a> {
    code: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
}

#[derive(Serialize)]
struct Group<'a> {
    code: Option<&'a str>,
    title: Option<&'a str>,
    domains: Vec<Domain<'a>>,
}

#[derive(Serialize)]
struct Domain<'a> {
    code: &'a str,
    title: &'a str,
    competencies: Vec<Competency<'a>>,
}

#[derive(Serialize)]
struct Competency<'a> {
    code: &'a str,
    /// Its title (the statement, for a framework without descriptions).
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    items: &'a [String],
}

/// The rule in force: the parts the settings leave out are omitted, except the total (by default
/// every competency).
#[derive(Serialize)]
struct Rule<'a> {
    required_total: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    max_missing_per_domain: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    min_per_domain: Option<u32>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    domain_minimums: BTreeMap<&'a str, u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    level: Option<&'a str>,
}

#[derive(Serialize)]
struct Activity<'a> {
    slug: &'a str,
    title: &'a str,
    /// The codes it validates, as the activity's file lists them.
    competencies: Vec<&'a str>,
}

fn domain(domain: &crate::model::Domain) -> Domain<'_> {
    Domain {
        code: &domain.code.value,
        title: &domain.title,
        competencies: domain
            .competencies
            .iter()
            .map(|c| Competency {
                code: &c.code.value,
                text: &c.title.value,
                description: c.description.as_deref(),
                items: &c.items,
            })
            .collect(),
    }
}

pub fn write(context: &Context, problems: &mut Diagnostics) -> Option<Vec<u8>> {
    let model = context.model;
    let referentiel = &model.referentiel;
    let rule = &model.settings.certification;
    let export = Export {
        referentiel: Referentiel {
            name: &referentiel.name,
            short_name: referentiel.short_name.as_deref(),
            version: referentiel.version.as_deref(),
            reference: referentiel.reference.as_deref(),
            date: context.dates.date.map(|d| d.iso()),
            levels: referentiel.levels.as_ref().map(|levels| Levels {
                validated_from: &levels.validated_from.value,
                scale: levels
                    .scale
                    .iter()
                    .map(|l| Level {
                        code: &l.code.value,
                        title: &l.title.value,
                        description: l.description.as_deref(),
                    })
                    .collect(),
            }),
            groups: referentiel.has_groups.then(|| {
                referentiel
                    .groups
                    .iter()
                    .map(|group| Group {
                        code: group.code.as_ref().map(|c| c.value.as_str()),
                        title: group.title.as_deref(),
                        domains: group.domains.iter().map(domain).collect(),
                    })
                    .collect()
            }),
            domains: (!referentiel.has_groups).then(|| referentiel.domains().map(domain).collect()),
        },
        rule: Rule {
            required_total: rule.required(referentiel.competencies().count()),
            max_missing_per_domain: rule.max_missing(),
            min_per_domain: rule.min_per_domain.as_ref().map(|m| m.value),
            domain_minimums: rule
                .domain_minimums
                .iter()
                .map(|(code, min)| (code.as_str(), min.value))
                .collect(),
            level: rule.level.as_ref().map(|l| l.value.as_str()),
        },
        activities: model
            .activities
            .iter()
            .map(|activity| Activity {
                slug: &activity.slug.value,
                title: &activity.title,
                competencies: activity.codes().collect(),
            })
            .collect(),
    };
    pretty_json("JSON", &export, problems)
}
