//! The CASE 1.0 package (1EdTech Competencies and Academic Standards Exchange), which framework
//! servers such as OpenSALT import: a `CFDocument` for the référentiel, a `CFItem` per group, domain
//! and competency, and an `isChildOf` `CFAssociation` from each item to its parent (the top level to
//! the document), with its position as `sequenceNumber`. A framework with a scale of levels gets
//! one `CFRubric`, with a criterion per competency (pointing at its item) and, in each, the scale's
//! levels (`quality` the level's code and title, `score` its rank from 1), as far as CASE 1.0 goes:
//! it cannot say from which level a competency is validated, which the JSON export carries.
//!
//! Identifiers are UUID v5, so that two builds give the same identifiers and an item keeps its
//! identifier across releases: the document's from [`NAMESPACE`] and the framework id, each item's
//! from the document's identifier and its code, each association's from its two endpoints. URIs are
//! `urn:uuid:<identifier>`: a static site serves no CASE API for base-URL-based URIs to resolve,
//! and a URN does not change when the site moves. `lastChangeDateTime` comes from the content,
//! never from the clock; without a date the package is not written. `CFPackageURI` and
//! `CFDocumentURI` are left out, as the IMS schema wants for a package. This module must not
//! serialize through maps (the key order is the structs' order, so the bytes are stable).

use serde::Serialize;
use uuid::Uuid;

use crate::diagnostic::Diagnostics;
use crate::model::Referentiel;

use super::{Context, Level, Node, nodes, pretty_json};

/// livret's namespace for CASE documents: the UUID v5 of the URL namespace and
/// `https://livret.invalid/case` (checked by a test), fixed forever.
const NAMESPACE: Uuid = Uuid::from_u128(0xfe56_c520_ad37_53be_8e37_3d68_2416_311b);

/// The `associationType` of the tree.
const IS_CHILD_OF: &str = "isChildOf";

#[derive(Serialize)]
struct Package<'a> {
    #[serde(rename = "CFDocument")]
    document: Document<'a>,
    #[serde(rename = "CFItems")]
    items: Vec<Item<'a>>,
    #[serde(rename = "CFAssociations")]
    associations: Vec<Association<'a>>,
    #[serde(rename = "CFRubrics", skip_serializing_if = "Vec::is_empty")]
    rubrics: Vec<Rubric<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rubric<'a> {
    identifier: String,
    uri: String,
    title: &'a str,
    last_change_date_time: &'a str,
    #[serde(rename = "CFRubricCriteria")]
    criteria: Vec<Criterion<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Criterion<'a> {
    identifier: String,
    uri: String,
    #[serde(rename = "CFItemURI")]
    item: Link,
    position: usize,
    rubric_id: String,
    last_change_date_time: &'a str,
    #[serde(rename = "CFRubricCriterionLevels")]
    levels: Vec<CriterionLevel<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CriterionLevel<'a> {
    identifier: String,
    uri: String,
    quality: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    score: usize,
    position: usize,
    rubric_criterion_id: String,
    last_change_date_time: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Document<'a> {
    identifier: String,
    uri: String,
    creator: &'a str,
    title: &'a str,
    last_change_date_time: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    language: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    version: Option<&'a str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Item<'a> {
    identifier: String,
    uri: String,
    full_statement: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    abbreviated_statement: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    human_coding_scheme: Option<&'a str>,
    #[serde(rename = "CFItemType")]
    item_type: &'a str,
    language: &'a str,
    last_change_date_time: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Association<'a> {
    identifier: String,
    uri: String,
    association_type: &'static str,
    sequence_number: usize,
    #[serde(rename = "originNodeURI")]
    origin: Link,
    #[serde(rename = "destinationNodeURI")]
    destination: Link,
    last_change_date_time: &'a str,
}

/// A `LinkGenURI`: what an association points at.
#[derive(Serialize, Clone)]
struct Link {
    title: String,
    identifier: String,
    uri: String,
}

impl Link {
    fn new(title: &str, identifier: Uuid) -> Link {
        Link {
            title: title.to_owned(),
            identifier: identifier.to_string(),
            uri: uri(identifier),
        }
    }
}

/// The package, or `None` when it must not be written (without a date). Codes are unique: the
/// checks refuse a référentiel that gives one twice.
pub fn write(context: &Context, problems: &mut Diagnostics) -> Option<Vec<u8>> {
    // No date: `date::resolve` has reported why.
    let last_change = context.dates.last_change?.rfc3339();
    let nodes = nodes(&context.model.referentiel);
    let package = package(context, &nodes, &last_change);
    pretty_json("CASE", &package, problems)
}

fn package<'a>(context: &'a Context, nodes: &'a [Node], last_change: &'a str) -> Package<'a> {
    let model = context.model;
    let referentiel: &Referentiel = &model.referentiel;
    let language = model.settings.language.as_str();
    let document_id = document_identifier(&context.framework.id);
    let document = Document {
        identifier: document_id.to_string(),
        uri: uri(document_id),
        creator: &model.settings.organisation,
        title: &referentiel.name,
        last_change_date_time: last_change,
        description: referentiel.reference.as_deref(),
        language,
        version: referentiel.version.as_deref(),
    };
    let document_link = Link::new(&referentiel.name, document_id);
    let types = &context.labels.item_types;
    let mut items = Vec::with_capacity(nodes.len());
    let mut links: Vec<Link> = Vec::with_capacity(nodes.len());
    let mut associations = Vec::with_capacity(nodes.len());
    for node in nodes {
        let code = node.code.0;
        // A group may have no code (the Moodle export reports it): its title names it.
        let key = match (code.is_empty(), node.title) {
            (true, Some(title)) => title,
            _ => code,
        };
        let identifier = item_identifier(document_id, key);
        let (item_type, full_statement) = match node.level {
            Level::Group => (&types.group, node.title.unwrap_or(code).to_owned()),
            Level::Domain => (&types.domain, node.title.unwrap_or(code).to_owned()),
            Level::Competency => (
                &types.competency,
                full_statement(
                    node.description
                        .or(node.text.map(|t| t.value.as_str()))
                        .unwrap_or_default(),
                    node.items,
                ),
            ),
        };
        // A competency with a longer statement is abbreviated by its title.
        let abbreviated = match node.description {
            Some(_) => node.text.map(|t| t.value.as_str()),
            None => node.title,
        };
        items.push(Item {
            identifier: identifier.to_string(),
            uri: uri(identifier),
            full_statement,
            abbreviated_statement: abbreviated,
            human_coding_scheme: (!code.is_empty()).then_some(code),
            item_type,
            language,
            last_change_date_time: last_change,
        });
        let origin = Link::new(key, identifier);
        let destination = node.parent.map_or(&document_link, |p| &links[p]).clone();
        let association_id = association_identifier(document_id, identifier, &destination);
        associations.push(Association {
            identifier: association_id.to_string(),
            uri: uri(association_id),
            association_type: IS_CHILD_OF,
            sequence_number: node.position,
            origin: origin.clone(),
            destination,
            last_change_date_time: last_change,
        });
        links.push(origin);
    }
    let competencies = nodes
        .iter()
        .zip(&links)
        .filter(|(node, _)| node.level == Level::Competency)
        .map(|(_, link)| link.clone())
        .collect();
    Package {
        document,
        items,
        associations,
        rubrics: rubric(referentiel, document_id, competencies, last_change)
            .into_iter()
            .collect(),
    }
}

/// The scale of levels as a rubric: a criterion per competency, the levels in each.
fn rubric<'a>(
    referentiel: &'a Referentiel,
    document: Uuid,
    competencies: Vec<Link>,
    last_change: &'a str,
) -> Option<Rubric<'a>> {
    let levels = referentiel.levels.as_ref()?;
    let rubric_id = Uuid::new_v5(&document, b"rubric");
    let criteria = competencies
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            let criterion_id = Uuid::new_v5(&rubric_id, item.identifier.as_bytes());
            let levels = levels
                .scale
                .iter()
                .enumerate()
                .map(|(rank, level)| {
                    let level_id = Uuid::new_v5(&criterion_id, level.code.value.as_bytes());
                    CriterionLevel {
                        identifier: level_id.to_string(),
                        uri: uri(level_id),
                        quality: format!("{} – {}", level.code.value, level.title.value),
                        description: level.description.as_deref(),
                        score: rank + 1,
                        position: rank + 1,
                        rubric_criterion_id: criterion_id.to_string(),
                        last_change_date_time: last_change,
                    }
                })
                .collect();
            Criterion {
                identifier: criterion_id.to_string(),
                uri: uri(criterion_id),
                item,
                position: i + 1,
                rubric_id: rubric_id.to_string(),
                last_change_date_time: last_change,
                levels,
            }
        })
        .collect();
    Some(Rubric {
        identifier: rubric_id.to_string(),
        uri: uri(rubric_id),
        title: &referentiel.name,
        last_change_date_time: last_change,
        criteria,
    })
}

fn uri(identifier: Uuid) -> String {
    format!("urn:uuid:{identifier}")
}

fn document_identifier(framework_id: &str) -> Uuid {
    Uuid::new_v5(&NAMESPACE, framework_id.as_bytes())
}

fn item_identifier(document: Uuid, code: &str) -> Uuid {
    Uuid::new_v5(&document, code.as_bytes())
}

/// From the two endpoints: the same tree gives the same association identifiers.
fn association_identifier(document: Uuid, origin: Uuid, destination: &Link) -> Uuid {
    let name = format!("{origin} {IS_CHILD_OF} {}", destination.identifier);
    Uuid::new_v5(&document, name.as_bytes())
}

/// The competency's text, then its sub-items as a Markdown list (CASE statements are Markdown).
fn full_statement(text: &str, items: &[String]) -> String {
    let mut statement = text.trim().to_owned();
    for item in items {
        statement.push_str("\n- ");
        statement.push_str(item.trim());
    }
    statement
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn namespace_is_derived_as_documented() {
        assert_eq!(
            Uuid::new_v5(&Uuid::NAMESPACE_URL, b"https://livret.invalid/case"),
            NAMESPACE
        );
    }

    #[test]
    fn identifiers_are_deterministic_lower_case_v5() {
        let document = document_identifier("FW-2011");
        assert_eq!(document, document_identifier("FW-2011"));
        assert_ne!(document, document_identifier("FW-2012"));
        let item = item_identifier(document, "X.1.1");
        assert_eq!(item, item_identifier(document, "X.1.1"));
        assert_ne!(item, item_identifier(document, "A.1.2"));
        // The same code in another framework is another item.
        assert_ne!(item, item_identifier(document_identifier("X-1"), "X.1.1"));
        let text = item.to_string();
        assert_eq!(text, text.to_lowercase());
        assert_eq!(item.get_version_num(), 5);
        assert_eq!(uri(item), format!("urn:uuid:{text}"));
        let parent = Link::new("A.1", item_identifier(document, "A.1"));
        assert_eq!(
            association_identifier(document, item, &parent),
            association_identifier(document, item, &parent)
        );
    }

    #[test]
    fn sub_items_follow_the_statement_as_a_list() {
        assert_eq!(
            full_statement("Respecter notamment :", &["un ;".into(), "deux.".into()]),
            "Respecter notamment :\n- un ;\n- deux."
        );
        assert_eq!(full_statement("Lire.", &[]), "Lire.");
    }
}
