//! The JSON Schemas of the content files, generated from the model's types.
//!
//! One schema per kind of file (settings, référentiel, activity, fiche, data table, page front
//! matter) says which keys exist, their types, which are required and the range of each number.
//! livret checks every file against its schema while reading it (so one file's mistakes are all
//! found at once) and writes the schemas for editors (`livret schema`), which then underline
//! mistakes as the trainer types. Descriptions come from the message catalogue. This module must
//! not read or write files.

use std::sync::OnceLock;

use jsonschema::Validator;
use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::catalogue::{Catalogue, Lang};
use crate::model::{Activity, DataTable, FicheFile, FrontMatter, RawReferentiel, Settings};

/// Where a project keeps its schemas, relative to its root (the content files point there).
pub const SCHEMAS_DIR: &str = "schemas";

/// A kind of content file: its type, its schema and the validator built from it once.
pub trait ContentFile: DeserializeOwned + JsonSchema {
    /// The schema's file name without extension (`activity` → `activity.schema.json`).
    const NAME: &'static str;
    /// This kind's schema, without descriptions, made on first use.
    fn schema() -> &'static Value;
    /// The validator of that schema, built on first use.
    fn validator() -> &'static Validator;
}

macro_rules! content_files {
    ($($type:ty => $name:literal),* $(,)?) => {
        $(
            impl ContentFile for $type {
                const NAME: &'static str = $name;
                fn schema() -> &'static Value {
                    static SCHEMA: OnceLock<Value> = OnceLock::new();
                    SCHEMA.get_or_init(|| schema_of::<$type>(None))
                }
                fn validator() -> &'static Validator {
                    static VALIDATOR: OnceLock<Validator> = OnceLock::new();
                    VALIDATOR.get_or_init(|| {
                        jsonschema::validator_for(Self::schema())
                            .expect("a schema generated from the model is valid")
                    })
                }
            }
        )*

        /// Every kind of content file: its name and its schema in a language.
        pub const FILES: &[(&str, fn(Lang) -> Value)] = &[
            $(($name, |lang| schema_of::<$type>(Some(lang)))),*
        ];
    };
}

content_files! {
    Settings => "settings",
    RawReferentiel => "referentiel",
    Activity => "activity",
    FicheFile => "fiche",
    DataTable => "data",
    FrontMatter => "page",
}

/// Every schema in `lang`, as files named `<kind>.schema.json` (pretty JSON, one line break at
/// the end).
pub fn files(lang: Lang) -> Vec<crate::render::OutputFile> {
    FILES
        .iter()
        .map(|(name, schema)| {
            let mut json = serde_json::to_vec_pretty(&schema(lang)).unwrap_or_default();
            json.push(b'\n');
            crate::render::OutputFile::new(format!("{name}.schema.json"), json)
        })
        .collect()
}

/// The schema of `T` (JSON Schema draft 7, which editors read best), with the catalogue's
/// descriptions in `lang`, or without descriptions for validation.
pub fn schema_of<T: JsonSchema>(lang: Option<Lang>) -> Value {
    let settings = SchemaSettings::draft07().for_deserialize();
    let schema = settings.into_generator().into_root_schema_for::<T>();
    let mut value = schema.to_value();
    strip_descriptions(&mut value);
    if let Some(lang) = lang {
        describe(&mut value, Catalogue::get(lang));
    }
    value
}

/// Removes the descriptions schemars takes from the code's doc comments: they are written for
/// programmers, in English; the reader's come from the catalogue.
fn strip_descriptions(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.remove("description");
            for (keyword, inner) in map.iter_mut() {
                match (keyword.as_str(), inner) {
                    // The keys of `properties` are the file's keys (one may be `description`).
                    ("properties" | "definitions", Value::Object(schemas)) => {
                        schemas.values_mut().for_each(strip_descriptions);
                    }
                    (_, inner) => strip_descriptions(inner),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(strip_descriptions),
        _ => {}
    }
}

/// Gives each type and each of its keys the catalogue's description, when it has one:
/// `schema-<type>` and `schema-<type>-<key>` (kebab case).
fn describe(schema: &mut Value, catalogue: &Catalogue) {
    let title = schema
        .get("title")
        .and_then(Value::as_str)
        .map(str::to_owned);
    if let Some(title) = title {
        describe_type(schema, &kebab(&title), catalogue);
    }
    if let Some(Value::Object(definitions)) = schema.get_mut("definitions") {
        for (name, definition) in definitions.iter_mut() {
            describe_type(definition, &kebab(name), catalogue);
        }
    }
}

fn describe_type(schema: &mut Value, name: &str, catalogue: &Catalogue) {
    let text = |id: String| catalogue.lookup(&id).map(Value::String);
    if let Some(description) = text(format!("schema-{name}")) {
        schema["description"] = description;
    }
    if let Some(Value::Object(properties)) = schema.get_mut("properties") {
        for (key, property) in properties.iter_mut() {
            if let Some(description) = text(format!("schema-{name}-{}", kebab(key))) {
                property["description"] = description;
            }
        }
    }
}

/// `FicheFile` → `fiche-file`, `max_missing_per_domain` → `max-missing-per-domain`.
fn kebab(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
        } else if c == '_' {
            out.push('-');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    /// The object schemas of a schema (the root and each definition) by kebab-case name.
    fn types(schema: &Value) -> Vec<(String, &Value)> {
        let mut types = Vec::new();
        if let Some(title) = schema.get("title").and_then(Value::as_str) {
            types.push((kebab(title), schema));
        }
        if let Some(Value::Object(definitions)) = schema.get("definitions") {
            types.extend(definitions.iter().map(|(name, d)| (kebab(name), d)));
        }
        types
    }

    #[test]
    fn every_type_and_key_is_described_in_both_languages() {
        for lang in Lang::ALL {
            for (file, schema) in FILES {
                let schema = schema(lang);
                for (name, definition) in types(&schema) {
                    assert!(
                        definition.get("description").is_some(),
                        "{lang:?} {file}: no description of `{name}`"
                    );
                    let properties = definition.get("properties").and_then(Value::as_object);
                    for (key, property) in properties.into_iter().flatten() {
                        assert!(
                            property.get("description").is_some(),
                            "{lang:?} {file}: no description of `{name}.{key}`"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn no_description_names_a_type_or_key_that_does_not_exist() {
        let mut known = BTreeSet::new();
        for (_, schema) in FILES {
            for (name, definition) in types(&schema(Lang::En)) {
                known.insert(format!("schema-{name}"));
                let properties = definition.get("properties").and_then(Value::as_object);
                for key in properties.into_iter().flatten().map(|(k, _)| k) {
                    known.insert(format!("schema-{name}-{}", kebab(key)));
                }
            }
        }
        for lang in Lang::ALL {
            for (path, text) in crate::catalogue::sources(lang) {
                let ids = text
                    .lines()
                    .filter_map(|l| l.split_once(" = ").map(|(id, _)| id));
                for id in ids.filter(|id| id.starts_with("schema-")) {
                    assert!(known.contains(id), "{path}: `{id}` describes nothing");
                }
            }
        }
    }

    /// The project's own schemas (`livret schema` in French) are those of this version.
    #[test]
    fn the_committed_schemas_are_current() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(SCHEMAS_DIR);
        for file in files(Lang::Fr) {
            let committed = std::fs::read(dir.join(&file.path))
                .unwrap_or_else(|e| panic!("{}: {e}; run `livret schema`", file.path));
            assert!(
                committed == file.bytes.as_ref(),
                "{} differs from what `livret schema` writes: run it again",
                file.path
            );
        }
    }
}
