//! `content/settings.yaml`: the site's settings, the audience's words and the certification rule.
//!
//! Part of the [model](super): the rule as written, and the rule in force through
//! [`CertificationRule`]'s methods (what an absent part means). No wording.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

use super::bounds;
use crate::diagnostic::SourceText;

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
    /// The fields of the identity block at the top of every fiche (`Nom et prénom`, `Classe`…),
    /// when not the catalogue's (name, programme, year, school).
    #[serde(default)]
    pub identity_fields: Vec<String>,
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
