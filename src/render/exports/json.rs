//! The référentiel, the certification rule and the mapping as JSON, for other tools: what the
//! handbook's YAML says, without presentation (no typography, no HTML) and without anything derived.
//! Key order is the structs' order, so the bytes are stable. This module must not add wording.

use serde::Serialize;

use crate::diagnostic::Diagnostics;

use super::{Context, pretty_json};

#[derive(Serialize)]
struct Export<'a> {
    referentiel: Referentiel<'a>,
    rule: Rule,
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
    /// The groups and their domains; a framework without groups has `domains` instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    groups: Option<Vec<Group<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    domains: Option<Vec<Domain<'a>>>,
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
    text: &'a str,
    items: &'a [String],
}

#[derive(Serialize)]
struct Rule {
    required_total: u32,
    max_missing_per_domain: u32,
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
                text: &c.text.value,
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
            required_total: rule.required_total.value,
            max_missing_per_domain: rule.max_missing_per_domain.value,
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
