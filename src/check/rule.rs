//! The certification rule and the proficiency scale: that what the rule names exists in the
//! référentiel (its domains, its levels), that it asks no more than the référentiel holds, and
//! whether doing every activity can meet it (warnings). Reads the model; changes nothing.

use crate::coverage;
use crate::diagnostic::{Diagnostic, Diagnostics, Span, did_you_mean, suggest};
use crate::load::{REFERENTIEL_FILE, SETTINGS_FILE};
use crate::model::{Model, Settings, span_of};
use crate::msg;

use super::report_duplicates;

/// The scale's codes are unique and `validated_from` names one of them.
pub(super) fn check_levels(model: &Model, problems: &mut Diagnostics) {
    let referentiel = &model.referentiel;
    let Some(levels) = &referentiel.levels else {
        return;
    };
    let source = &referentiel.source;
    report_duplicates(
        levels.scale.iter().map(|l| ("level", source, &l.code)),
        problems,
    );
    if levels.position(&levels.validated_from.value).is_none() {
        problems.push(unknown_level(
            &levels.validated_from.value,
            model,
            span_of(source, &levels.validated_from),
        ));
    }
}

/// A level code that is not in the scale, with the closest codes as a hint.
fn unknown_level(code: &str, model: &Model, at: Span) -> Diagnostic {
    let codes: Vec<&str> = model
        .referentiel
        .levels
        .iter()
        .flat_map(|l| l.scale.iter().map(|level| level.code.value.as_str()))
        .collect();
    Diagnostic::error(msg!("level-unknown", code = code))
        .at(at)
        .hint(suggest(
            did_you_mean(code, codes.iter().copied()),
            msg!("level-unknown-hint", codes = codes.join(", ")),
        ))
}

/// What the rule names exists, it asks no more than the référentiel holds, and the activities can
/// meet it.
pub(super) fn check_rule(model: &Model, problems: &mut Diagnostics) {
    if model.is_unloaded(SETTINGS_FILE) || model.is_unloaded(REFERENTIEL_FILE) {
        return;
    }
    check_rule_names(model, problems);
    check_rule_coverage(model, problems);
}

/// The rule's level and the domains of its minimums exist; no minimum exceeds its domain.
fn check_rule_names(model: &Model, problems: &mut Diagnostics) {
    let settings = &model.settings;
    let rule = &settings.certification;
    let referentiel = &model.referentiel;
    if let Some(level) = &rule.level {
        let at = span_of(&settings.source, level);
        match &referentiel.levels {
            None => problems.push(
                Diagnostic::error(msg!("rule-level-without-scale", code = &level.value))
                    .at(at)
                    .hint(msg!("rule-level-without-scale-hint")),
            ),
            Some(levels) if levels.position(&level.value).is_none() => {
                problems.push(unknown_level(&level.value, model, at));
            }
            Some(_) => {}
        }
    }
    for (code, minimum) in &rule.domain_minimums {
        if !referentiel.domains().any(|d| &d.code.value == code) {
            let codes: Vec<&str> = referentiel
                .domains()
                .map(|d| d.code.value.as_str())
                .collect();
            let rest = msg!("rule-minimum-unknown-domain-hint", codes = codes.join(", "));
            problems.push(
                Diagnostic::error(msg!("rule-minimum-unknown-domain", code = code))
                    .at(span_of(&settings.source, minimum))
                    .hint(suggest(did_you_mean(code, codes.iter().copied()), rest)),
            );
        }
    }
    for domain in referentiel.domains() {
        let minimum = rule.minimum_for(&domain.code.value);
        if minimum as usize > domain.competencies.len() {
            let at = rule
                .domain_minimums
                .get(&domain.code.value)
                .or(rule.min_per_domain.as_ref())
                .map(|m| span_of(&settings.source, m));
            problems.push(
                Diagnostic::error(msg!(
                    "rule-minimum-exceeds-domain",
                    domain = &domain.code.value,
                    minimum = minimum,
                    total = domain.competencies.len()
                ))
                .at(at.unwrap_or_else(|| rule_span(settings)))
                .hint(msg!("rule-minimum-exceeds-domain-hint")),
            );
        }
    }
}

/// Warnings about coverage and whether doing every activity can meet the certification rule.
fn check_rule_coverage(model: &Model, problems: &mut Diagnostics) {
    // Without activities, every competency would be « validated by no activity »: the missing
    // activities are the one problem, reported by the activities' check.
    let empty = model.referentiel.domains().next().is_none() || model.activities.is_empty();
    if empty {
        return;
    }
    let referentiel = &model.referentiel;
    let settings = &model.settings;
    let coverage = coverage::coverage(model);
    if coverage.required_total as usize > coverage.total {
        problems.push(
            Diagnostic::error(msg!(
                "rule-exceeds-referentiel",
                required = coverage.required_total,
                total = coverage.total
            ))
            .at(rule_span(settings))
            .hint(msg!("rule-exceeds-referentiel-hint")),
        );
    }
    for code in &coverage.uncovered {
        let Some(competency) = referentiel.competency(code) else {
            continue;
        };
        problems.push(
            Diagnostic::warning(msg!("competency-uncovered", code = code))
                .at(span_of(&referentiel.source, &competency.code))
                .hint(msg!("competency-uncovered-hint")),
        );
    }
    if !coverage.rule_reachable {
        problems.push(
            Diagnostic::warning(msg!("rule-unreachable"))
                .at(rule_span(settings))
                .label(unreachable_reason(&coverage))
                .hint(msg!("rule-unreachable-hint")),
        );
    }
}

/// Why the rule cannot be met: the total, then the domains over their limit or under their
/// minimum.
fn unreachable_reason(coverage: &coverage::Coverage) -> crate::catalogue::Message {
    let mut reason = msg!(
        "rule-unreachable-total",
        covered = coverage.covered,
        required = coverage.required_total
    );
    let over = coverage.domains_over_limit();
    if let (false, Some(maximum)) = (over.is_empty(), coverage.max_missing_per_domain) {
        reason = msg!(
            "rule-unreachable-domains",
            total = reason,
            over = over.join(", "),
            maximum = maximum
        );
    }
    let below = coverage.domains_below_minimum();
    if !below.is_empty() {
        reason = msg!(
            "rule-unreachable-minimums",
            total = reason,
            below = below.join(", ")
        );
    }
    reason
}

/// Where a diagnostic about the whole rule points: its total if written, else its first key
/// written, else the `certification:` line, else the file.
fn rule_span(settings: &Settings) -> Span {
    let rule = &settings.certification;
    let written = [
        &rule.required_total,
        &rule.max_missing_per_domain,
        &rule.min_per_domain,
    ];
    if let Some(value) = written.into_iter().flatten().next() {
        return span_of(&settings.source, value);
    }
    if let Some(value) = rule.domain_minimums.values().next() {
        return span_of(&settings.source, value);
    }
    let line = settings
        .source
        .text
        .lines()
        .position(|l| l.starts_with("certification"))
        .map_or(1, |i| i + 1);
    settings.source.span_at(line, 1)
}
