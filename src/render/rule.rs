//! The certification rule as the templates and the tracker see it: the rule in force (its total,
//! each domain's maximum and minimum), the scale of levels with the level that validates and the
//! level that counts for the certificate, and the rule's sentence in the handbook's language.
//! Derived from the settings and the référentiel; no markup.

use serde::Serialize;

use crate::model::Model;

use super::labels;
use super::paths::Paths;

#[derive(Debug, Clone, Serialize)]
pub struct RuleView {
    /// The rule in one sentence (the message catalogue's words).
    pub sentence: String,
    /// How many competencies the certificate requires, of `total`.
    pub required: u32,
    pub total: usize,
    /// How many competencies each domain may miss, if the rule limits it.
    pub max_missing: Option<u32>,
    /// Whether the rule sets a minimum in some domain.
    pub has_minimums: bool,
    pub domains: Vec<DomainRule>,
    /// The scale, lowest first; empty for a framework without levels.
    pub levels: Vec<LevelView>,
    /// The level from which a competency counts for the certificate, with levels.
    pub level: Option<LevelView>,
}

/// What the rule asks of one domain.
#[derive(Debug, Clone, Serialize)]
pub struct DomainRule {
    pub code: String,
    pub title: String,
    pub anchor: String,
    pub total: usize,
    /// How many must be validated (0 when the rule sets no minimum).
    pub minimum: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct LevelView {
    pub code: String,
    pub title: String,
    pub description: Option<String>,
    /// Its position in the scale, from 0.
    pub position: usize,
    /// Whether a competency at this level is validated (the scale's `validated_from` or above).
    pub validates: bool,
    /// Whether a competency at this level counts for the certificate (the rule's level or above).
    pub counts: bool,
}

pub fn rule_view(model: &Model) -> RuleView {
    let rule = &model.settings.certification;
    let referentiel = &model.referentiel;
    let total = referentiel.competencies().count();
    let levels = levels(model);
    let paths = Paths::of(&model.settings.language);
    RuleView {
        sentence: labels::rule_sentence(model),
        required: rule.required(total),
        total,
        max_missing: rule.max_missing(),
        has_minimums: rule.has_minimums(),
        domains: referentiel
            .domains()
            .map(|d| DomainRule {
                code: d.code.value.clone(),
                title: d.title.clone(),
                anchor: paths.domain_anchor(&d.code.value),
                total: d.competencies.len(),
                minimum: rule.minimum_for(&d.code.value),
            })
            .collect(),
        level: levels.iter().find(|l| l.counts).cloned(),
        levels,
    }
}

fn levels(model: &Model) -> Vec<LevelView> {
    let Some(levels) = &model.referentiel.levels else {
        return Vec::new();
    };
    let validated_from = levels.position(&levels.validated_from.value).unwrap_or(0);
    let counts_from = model.counting_level().unwrap_or(validated_from);
    levels
        .scale
        .iter()
        .enumerate()
        .map(|(position, level)| LevelView {
            code: level.code.value.clone(),
            title: level.title.value.clone(),
            description: level.description.clone(),
            position,
            validates: position >= validated_from,
            counts: position >= counts_from,
        })
        .collect()
}
