//! The mapping: which activities validate which competency, derived once from the model.
//!
//! Each activity's competencies in référentiel order (each once, unknown codes left out: the
//! checks report them), and each competency's activities in activity order. The views, the
//! documents, the coverage and the exports all read it from here instead of working it out again.
//! It changes nothing and knows nothing of presentation.

use std::collections::HashMap;

use super::{Activity, Competency, Domain, Model};

/// A competency's place in the référentiel: group, domain and competency indices.
type Position = (usize, usize, usize);

#[derive(Debug, Clone, Default)]
pub struct Mapping {
    /// Per activity slug: its competencies, in référentiel order, each once.
    by_activity: HashMap<String, Vec<Position>>,
    /// Per competency code: the indices of the activities validating it, in activity order.
    by_competency: HashMap<String, Vec<usize>>,
}

impl Mapping {
    pub fn new(model: &Model) -> Mapping {
        let referentiel = &model.referentiel;
        let mut mapping = Mapping::default();
        for (index, activity) in model.activities.iter().enumerate() {
            let mut positions: Vec<Position> = activity
                .codes()
                .filter_map(|code| referentiel.position(code))
                .collect();
            positions.sort_unstable();
            positions.dedup();
            for &(g, d, c) in &positions {
                let code = &referentiel.groups[g].domains[d].competencies[c].code.value;
                mapping
                    .by_competency
                    .entry(code.clone())
                    .or_default()
                    .push(index);
            }
            // With two activities of one slug (an error the checks report), the first counts.
            mapping
                .by_activity
                .entry(activity.slug.value.clone())
                .or_insert(positions);
        }
        mapping
    }

    /// The indices (in the model's activities) of the activities validating a competency.
    pub fn validating(&self, code: &str) -> &[usize] {
        self.by_competency.get(code).map_or(&[], Vec::as_slice)
    }
}

impl Model {
    /// The activities that validate a competency, in activity order.
    pub fn activities_validating<'a>(&'a self, code: &str) -> impl Iterator<Item = &'a Activity> {
        let indices = self.mapping().validating(code);
        indices.iter().map(|&index| &self.activities[index])
    }

    /// The competencies an activity validates, in référentiel order, each once, with their domain.
    pub fn competencies_of<'a>(
        &'a self,
        activity: &Activity,
    ) -> impl Iterator<Item = (&'a Domain, &'a Competency)> {
        let positions = self.mapping().by_activity.get(&activity.slug.value);
        positions.into_iter().flatten().map(|&(g, d, c)| {
            let domain = &self.referentiel.groups[g].domains[d];
            (domain, &domain.competencies[c])
        })
    }

    /// The same, grouped by domain (in référentiel order).
    pub fn domains_of<'a>(&'a self, activity: &Activity) -> Vec<(&'a Domain, Vec<&'a Competency>)> {
        let mut domains: Vec<(&Domain, Vec<&Competency>)> = Vec::new();
        for (domain, competency) in self.competencies_of(activity) {
            match domains.last_mut() {
                Some((last, competencies)) if std::ptr::eq(*last, domain) => {
                    competencies.push(competency);
                }
                _ => domains.push((domain, vec![competency])),
            }
        }
        domains
    }
}
