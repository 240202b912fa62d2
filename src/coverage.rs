//! Coverage: what the activity → competency mapping makes possible, derived once.
//!
//! Which competencies no activity validates, which only one does, which activities validate
//! nothing, and whether doing every activity can meet the certification rule (the total, and the
//! limit of non-validated competencies per domain). `check` turns it into warnings, the site shows it
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
    pub required_total: u32,
    pub max_missing_per_domain: u32,
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
    /// Whether `uncovered` exceeds the rule's limit.
    pub over_limit: bool,
}

pub fn coverage(model: &Model) -> Coverage {
    let rule = &model.settings.certification;
    let max_missing = rule.max_missing_per_domain.value;
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
        domains.push(DomainCoverage {
            code: domain.code.value.clone(),
            title: domain.title.clone(),
            total: domain.competencies.len(),
            uncovered: domain_uncovered,
            over_limit: domain_uncovered > max_missing as usize,
        });
    }
    let total = model.referentiel.competencies().count();
    let covered = total - uncovered.len();
    let rule_reachable =
        covered >= rule.required_total.value as usize && domains.iter().all(|d| !d.over_limit);
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
        required_total: rule.required_total.value,
        max_missing_per_domain: max_missing,
        rule_reachable,
    }
}
