//! Coverage: what the activity → competency mapping makes possible, derived once.
//!
//! Which competencies no activity validates, which only one does, which activities validate
//! nothing, and whether doing every activity can meet the certification rule (the total, and the
//! per-domain limit of non-validated competencies and minimum of validated ones). `check` turns it into warnings, the site shows it
//! to trainers. It reads the model and nothing else.

use serde::Serialize;

use crate::model::Model;

#[derive(Debug, Clone, Serialize)]
pub struct Coverage {
    /// Competencies in the référentiel.
    pub total: usize,
    /// Competencies at least one activity validates.
    pub covered: usize,
    /// Codes no activity validates.
    pub uncovered: Vec<String>,
    /// Competencies exactly one activity validates, with that activity's slug.
    pub covered_once: Vec<CoveredOnce>,
    /// Slugs of activities that validate no competency.
    pub without_competency: Vec<String>,
    pub domains: Vec<DomainCoverage>,
    /// The rule in force: how many competencies it requires…
    pub required_total: u32,
    /// …how many each domain may miss, if it limits that.
    pub max_missing_per_domain: Option<u32>,
    /// Whether a student doing every activity can meet the rule.
    pub rule_reachable: bool,
}

impl Coverage {
    /// The domains over the limit even with every activity done, as `code (never validated)`.
    pub fn domains_over_limit(&self) -> Vec<String> {
        self.domains
            .iter()
            .filter(|d| d.over_limit)
            .map(|d| format!("{} ({})", d.code, d.uncovered))
            .collect()
    }

    /// The domains below their minimum even with every activity done, as `code (validated /
    /// minimum)`.
    pub fn domains_below_minimum(&self) -> Vec<String> {
        self.domains
            .iter()
            .filter(|d| d.below_minimum)
            .map(|d| format!("{} ({} / {})", d.code, d.total - d.uncovered, d.minimum))
            .collect()
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct CoveredOnce {
    pub code: String,
    pub activity: String,
}

/// One domain, as a student doing every activity would end it.
#[derive(Debug, Clone, Serialize)]
pub struct DomainCoverage {
    pub code: String,
    pub title: String,
    pub total: usize,
    /// Competencies of the domain that no activity validates.
    pub uncovered: usize,
    /// How many of its competencies the rule requires (0 when it sets no minimum).
    pub minimum: u32,
    /// Whether `uncovered` exceeds the rule's limit.
    pub over_limit: bool,
    /// Whether fewer than `minimum` of its competencies can be validated.
    pub below_minimum: bool,
}

pub fn coverage(model: &Model) -> Coverage {
    let rule = &model.settings.certification;
    let max_missing = rule.max_missing();
    let mut uncovered = Vec::new();
    let mut covered_once = Vec::new();
    let mut domains = Vec::new();
    for domain in model.referentiel.domains() {
        let mut domain_uncovered = 0;
        for competency in &domain.competencies {
            let code = &competency.code.value;
            let mut validating = model.activities_validating(code);
            match (validating.next(), validating.next()) {
                (None, _) => {
                    uncovered.push(code.clone());
                    domain_uncovered += 1;
                }
                (Some(only), None) => covered_once.push(CoveredOnce {
                    code: code.clone(),
                    activity: only.slug.value.clone(),
                }),
                _ => {}
            }
        }
        let total = domain.competencies.len();
        let minimum = rule.minimum_for(&domain.code.value);
        domains.push(DomainCoverage {
            code: domain.code.value.clone(),
            title: domain.title.clone(),
            total,
            uncovered: domain_uncovered,
            minimum,
            over_limit: max_missing.is_some_and(|max| domain_uncovered > max as usize),
            below_minimum: total - domain_uncovered < minimum as usize,
        });
    }
    let total = model.referentiel.competencies().count();
    let covered = total - uncovered.len();
    let required_total = rule.required(total);
    let rule_reachable = covered >= required_total as usize
        && domains.iter().all(|d| !d.over_limit && !d.below_minimum);
    Coverage {
        total,
        covered,
        uncovered,
        covered_once,
        without_competency: model
            .activities
            .iter()
            .filter(|a| a.competencies.value.is_empty())
            .map(|a| a.slug.value.clone())
            .collect(),
        domains,
        required_total,
        max_missing_per_domain: max_missing,
        rule_reachable,
    }
}
