use std::collections::BTreeSet;

use fluent_bundle::FluentResource;
use fluent_syntax::ast;

use super::*;

/// The ids (messages) each language defines, from its Fluent files.
fn ids(lang: Lang) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for (name, text) in sources(lang) {
        let resource = FluentResource::try_new(text.to_owned())
            .unwrap_or_else(|(_, errors)| panic!("{name}: {errors:?}"));
        for entry in resource.entries() {
            if let ast::Entry::Message(message) = entry {
                assert!(
                    ids.insert(message.id.name.to_owned()),
                    "{name}: `{}` defined twice",
                    message.id.name
                );
            }
        }
    }
    ids
}

/// Every `msg!("id"`, `Message::new("id"` and wording lookup (`say("id"`, `path_name("id"`…) of the
/// source tree, and every `t("id"` of the templates.
fn ids_used_in_code() -> BTreeSet<String> {
    let mut used = BTreeSet::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for entry in walkdir::WalkDir::new(root) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        // Comments may show the syntax with a made-up id.
        let code: Vec<&str> = text
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect();
        let text = code.join("\n");
        for opener in [
            "msg!(",
            "Message::new(",
            "word(",
            "say(",
            "sentence(",
            "path_name(",
            "page_title(",
        ] {
            for piece in text.split(opener).skip(1) {
                let Some(quoted) = piece.trim_start().strip_prefix('"') else {
                    continue;
                };
                let id = quoted.split('"').next().unwrap_or_default();
                if !id.is_empty()
                    && id
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                {
                    used.insert(id.to_owned());
                }
            }
        }
    }
    // The templates' `t("id", …)`.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let templates = walkdir::WalkDir::new(root.join("templates")).into_iter();
    for entry in templates.map(Result::unwrap) {
        if entry.path().extension().is_some_and(|e| e == "html") {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            for piece in text.split("t(\"").skip(1) {
                let id = piece.split('"').next().unwrap_or_default();
                used.insert(id.to_owned());
            }
        }
    }
    used
}

#[test]
fn french_and_english_define_the_same_messages() {
    let (fr, en) = (ids(Lang::Fr), ids(Lang::En));
    let only_fr: Vec<_> = fr.difference(&en).collect();
    let only_en: Vec<_> = en.difference(&fr).collect();
    assert!(only_fr.is_empty(), "only in French: {only_fr:?}");
    assert!(only_en.is_empty(), "only in English: {only_en:?}");
}

#[test]
fn every_message_the_code_names_exists_and_every_message_is_used() {
    let defined = ids(Lang::En);
    let used = ids_used_in_code();
    let missing: Vec<_> = used.difference(&defined).collect();
    assert!(
        missing.is_empty(),
        "used but not in the catalogue: {missing:?}"
    );
    // The schemas' descriptions are named by type and key (see `schema::describe`).
    let unused: Vec<_> = defined
        .difference(&used)
        .filter(|id| !id.starts_with("schema-"))
        .collect();
    assert!(
        unused.is_empty(),
        "in the catalogue but never used: {unused:?}"
    );
}

#[test]
fn plurals_follow_each_language() {
    let one = msg!(
        "summary-failed",
        errors = 1,
        warnings = 0,
        published = "unchanged"
    );
    let many = msg!(
        "summary-failed",
        errors = 3,
        warnings = 2,
        published = "unchanged"
    );
    assert_eq!(
        one.text(Lang::En),
        "livret: 1 error, 0 warnings; nothing was written"
    );
    assert_eq!(
        many.text(Lang::En),
        "livret: 3 errors, 2 warnings; nothing was written"
    );
    // French counts zero as singular.
    assert_eq!(
        one.text(Lang::Fr),
        "livret\u{202f}: 1 erreur, 0 avertissement\u{202f}; rien n'a été écrit"
    );
}

#[test]
fn no_message_writes_a_plural_by_hand() {
    for lang in Lang::ALL {
        for (name, text) in sources(lang) {
            assert!(
                !text.contains("(s)"),
                "{name} writes « (s) »: use a plural selector"
            );
        }
    }
}

/// French typography: a narrow no-break space before « : ; ! ? » and inside « », outside code.
#[test]
fn french_messages_use_french_spacing() {
    for (name, text) in sources(Lang::Fr) {
        for (number, line) in text.lines().enumerate() {
            if line.starts_with('#') {
                continue;
            }
            let prose: String = line.split('`').step_by(2).collect::<Vec<_>>().join(" ");
            for bad in [" :", " ;", " !", " ?", "« ", " »"] {
                // A Fluent `key = value` or a variant's `[one]` is syntax, not prose.
                let prose = prose.replace(" = ", "=");
                assert!(
                    !prose.contains(bad),
                    "{name}:{}: plain space in {bad:?}: {line}",
                    number + 1
                );
            }
        }
    }
}

#[test]
fn the_language_follows_livret_lang_then_the_locale_then_the_handbook() {
    assert_eq!(Lang::from_tag("fr_FR.UTF-8"), Some(Lang::Fr));
    assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
    assert_eq!(Lang::from_tag("de_DE.UTF-8"), None);
    assert_eq!(Lang::from_tag("C.UTF-8"), None);
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        }
    };
    let choose = |pairs, handbook| Lang::choose_from(env(pairs), handbook);
    assert_eq!(
        choose(
            &[("LIVRET_LANG", "en"), ("LANG", "fr_FR.UTF-8")],
            Some("fr")
        ),
        Lang::En
    );
    assert_eq!(choose(&[("LANG", "fr_FR.UTF-8")], Some("en")), Lang::Fr);
    // LC_ALL overrides LANG, even when it names a language livret does not speak.
    assert_eq!(
        choose(&[("LC_ALL", "de_DE.UTF-8"), ("LANG", "en_US")], Some("fr")),
        Lang::Fr
    );
    assert_eq!(choose(&[("LANG", "C.UTF-8")], Some("fr-FR")), Lang::Fr);
    assert_eq!(choose(&[], None), Lang::En);
}

#[test]
fn an_argument_may_be_a_message_in_the_same_language() {
    let hint = crate::diagnostic::suggest(
        Some("order"),
        msg!("yaml-valid-keys", valid = "title, order"),
    );
    assert_eq!(
        hint.text(Lang::En),
        "did you mean `order`? valid keys here: title, order"
    );
    assert!(
        hint.text(Lang::Fr)
            .starts_with("vouliez-vous écrire `order`")
    );
}

#[test]
fn large_numbers_are_grouped_as_each_language_groups_them() {
    let say = |lang, pages: f64| {
        let (pages, count) = (Arg::Number(pages), Arg::Number(11.0));
        let args = [("pages", &pages), ("count", &count)];
        Catalogue::get(lang)
            .format_runtime("print-volumes-lead", args)
            .unwrap()
    };
    assert!(say(Lang::Fr, 10507.0).contains("10\u{202f}507 pages"));
    assert!(say(Lang::En, 10507.0).contains("10,507 pages"));
    assert!(say(Lang::En, 1234567.0).contains("1,234,567 pages"));
    // Four digits, as a year is written: as they are.
    assert!(say(Lang::Fr, 2027.0).contains("2027 pages"));
}
