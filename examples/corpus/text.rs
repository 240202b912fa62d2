//! Deterministic French-looking Markdown for the benchmark corpus: titles, sentences and page
//! bodies of a chosen size with headings, lists, tables, emphasis and links.
//!
//! Links are written as placeholders (`[texte](@p42)`, `[texte](@a7)`) and resolved per generator
//! by [`resolve`], so livret, Hugo and mdBook get the same text with their own link syntax. It
//! knows nothing of any generator's files.

use fastrand::Rng;

/// What a link points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A guidance page, by index.
    Page(usize),
    /// An activity, by index.
    Activity(usize),
}

/// Nouns, with whether they are feminine.
const NOUNS: &[(&str, bool)] = &[
    ("activité", true),
    ("compétence", true),
    ("séance", true),
    ("ressource", true),
    ("évaluation", true),
    ("classe", true),
    ("élève", false),
    ("enseignant", false),
    ("établissement", false),
    ("projet", false),
    ("document", false),
    ("plateforme", true),
    ("usage", false),
    ("démarche", true),
    ("situation", true),
    ("production", true),
    ("consigne", true),
    ("grille", true),
    ("progression", true),
    ("équipe", true),
    ("discipline", true),
    ("référentiel", false),
    ("dossier", false),
    ("outil", false),
    ("réseau", false),
    ("forum", false),
    ("scénario", false),
    ("parcours", false),
    ("objectif", false),
    ("critère", false),
    ("stratégie", true),
    ("médiation", true),
    ("collaboration", true),
    ("portfolio", false),
    ("tablette", true),
    ("charte", true),
    ("donnée", true),
    ("sécurité", true),
    ("citoyenneté", true),
    ("image", true),
];

/// Adjectives: masculine and feminine.
const ADJECTIVES: &[(&str, &str)] = &[
    ("numérique", "numérique"),
    ("pédagogique", "pédagogique"),
    ("collaboratif", "collaborative"),
    ("disciplinaire", "disciplinaire"),
    ("transversal", "transversale"),
    ("individuel", "individuelle"),
    ("partagé", "partagée"),
    ("accessible", "accessible"),
    ("responsable", "responsable"),
    ("critique", "critique"),
    ("formatif", "formative"),
    ("sommatif", "sommative"),
    ("adapté", "adaptée"),
    ("progressif", "progressive"),
    ("commun", "commune"),
    ("institutionnel", "institutionnelle"),
    ("ouvert", "ouverte"),
    ("réflexif", "réflexive"),
];

const VERBS: &[&str] = &[
    "prépare",
    "présente",
    "analyse",
    "construit",
    "évalue",
    "organise",
    "documente",
    "partage",
    "accompagne",
    "mobilise",
    "explicite",
    "compare",
    "intègre",
    "anime",
    "vérifie",
    "publie",
];

const LINKERS: &[&str] = &[
    "avec",
    "pour",
    "dans",
    "selon",
    "avant",
    "après",
    "autour de",
    "à partir de",
    "au service de",
    "en lien avec",
];

const OPENERS: &[&str] = &[
    "L’enseignant",
    "Chaque équipe",
    "Le stagiaire",
    "La classe",
    "Le formateur",
    "Un groupe d’élèves",
    "L’établissement",
    "Le tuteur",
];

/// Picks one item of a non-empty list.
pub fn pick<T: Copy>(rng: &mut Rng, items: &[T]) -> T {
    items[rng.usize(..items.len())]
}

/// A noun with an agreeing adjective, one time in three.
fn noun(rng: &mut Rng) -> (String, bool) {
    let (noun, feminine) = pick(rng, NOUNS);
    if rng.u8(..3) == 0 {
        let (masculine, feminine_form) = pick(rng, ADJECTIVES);
        let adjective = if feminine { feminine_form } else { masculine };
        (format!("{noun} {adjective}"), feminine)
    } else {
        (noun.to_owned(), feminine)
    }
}

/// A noun phrase with its article: « la séance numérique », « un dossier partagé », « l’élève ».
fn noun_phrase(rng: &mut Rng) -> String {
    let (noun, feminine) = noun(rng);
    let article = match (
        rng.bool(),
        noun.starts_with(['a', 'e', 'é', 'i', 'o', 'u']),
        feminine,
    ) {
        (true, true, _) => "l’",
        (true, false, true) => "la ",
        (true, false, false) => "le ",
        (false, _, true) => "une ",
        (false, _, false) => "un ",
    };
    format!("{article}{noun}")
}

/// « autour de » + « un outil » → « autour d’un outil »; « de le » → « du ».
fn after(preposition: &str, phrase: &str) -> String {
    let Some(head) = preposition.strip_suffix(" de") else {
        return format!("{preposition} {phrase}");
    };
    if let Some(rest) = phrase.strip_prefix("le ") {
        format!("{head} du {rest}")
    } else if phrase.starts_with("un") {
        format!("{head} d’{phrase}")
    } else {
        format!("{head} de {phrase}")
    }
}

/// A title of a few words, capitalised: « Séance numérique », « Grille commune : l’outil ».
pub fn title(rng: &mut Rng) -> String {
    let (phrase, _) = noun(rng);
    let mut chars = phrase.chars();
    let first = chars.next().map(|c| c.to_uppercase().to_string());
    let title = format!("{}{}", first.unwrap_or_default(), chars.as_str());
    if rng.u8(..4) == 0 {
        format!("{title} : {}", noun_phrase(rng))
    } else {
        title
    }
}

/// One sentence, sometimes with emphasis, a quotation or a link among `pages` and `activities`.
pub fn sentence(rng: &mut Rng, pages: usize, activities: usize) -> String {
    let mut parts = vec![
        pick(rng, OPENERS).to_owned(),
        pick(rng, VERBS).to_owned(),
        noun_phrase(rng),
    ];
    for _ in 0..rng.usize(1..4) {
        let linker = pick(rng, LINKERS);
        parts.push(after(linker, &noun_phrase(rng)));
    }
    match rng.u8(..10) {
        0 => parts.push(format!("et *{}*", noun_phrase(rng))),
        1 => parts.push(format!("**{}**", noun_phrase(rng))),
        2 => parts.push(format!("« {} »", noun_phrase(rng))),
        3 | 4 if pages + activities > 0 => {
            let target = if activities > 0 && rng.u8(..3) == 0 {
                Target::Activity(rng.usize(..activities))
            } else if pages > 0 {
                Target::Page(rng.usize(..pages))
            } else {
                Target::Activity(rng.usize(..activities))
            };
            parts.push(format!("(voir [{}]({}))", noun_phrase(rng), marker(target)));
        }
        _ => {}
    }
    let end = match rng.u8(..12) {
        0 => " ?",
        1 => " !",
        _ => ".",
    };
    format!("{}{end}", parts.join(" "))
}

fn paragraph(rng: &mut Rng, pages: usize, activities: usize) -> String {
    let sentences: Vec<String> = (0..rng.usize(2..6))
        .map(|_| sentence(rng, pages, activities))
        .collect();
    sentences.join(" ")
}

fn list(rng: &mut Rng, ordered: bool) -> String {
    let mut out = format!("{} :\n\n", pick(rng, OPENERS));
    for i in 1..=rng.usize(3..7) {
        let bullet = if ordered { format!("{i}.") } else { "-".into() };
        out.push_str(&format!("{bullet} {} ;\n", noun_phrase(rng)));
        if !ordered && rng.u8(..4) == 0 {
            out.push_str(&format!("  - {} ;\n", noun_phrase(rng)));
        }
    }
    out
}

fn table(rng: &mut Rng) -> String {
    let columns = rng.usize(3..5);
    let header: Vec<String> = (0..columns).map(|_| title(rng)).collect();
    let mut out = format!("| {} |\n|{}\n", header.join(" | "), "---|".repeat(columns));
    for _ in 0..rng.usize(2..6) {
        let cells: Vec<String> = (0..columns).map(|_| noun_phrase(rng)).collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out
}

/// A Markdown body of about `size` bytes (at least one paragraph), with link placeholders.
pub fn body(rng: &mut Rng, size: usize, pages: usize, activities: usize) -> String {
    let mut blocks = vec![paragraph(rng, pages, activities)];
    let mut length = blocks[0].len();
    while length < size {
        let block = match rng.u8(..10) {
            0..=1 => format!("## {}", title(rng)),
            2 => format!("### {}", title(rng)),
            3 => list(rng, false),
            4 => list(rng, true),
            5 => table(rng),
            6 => format!("> {}", sentence(rng, pages, activities)),
            _ => paragraph(rng, pages, activities),
        };
        length += block.len() + 2;
        blocks.push(block);
    }
    let mut text = blocks.join("\n\n");
    text.push('\n');
    text
}

fn marker(target: Target) -> String {
    match target {
        Target::Page(i) => format!("@p{i}"),
        Target::Activity(i) => format!("@a{i}"),
    }
}

/// Replaces every link placeholder of `text` by `href(target)`.
pub fn resolve(text: &str, href: impl Fn(Target) -> String) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut rest = text;
    while let Some(at) = rest.find("](@") {
        out.push_str(&rest[..at + 2]);
        let after = &rest[at + 3..];
        let digits_at = 1;
        let end = after[digits_at..]
            .find(|c: char| !c.is_ascii_digit())
            .map_or(after.len(), |e| e + digits_at);
        let index: usize = after[digits_at..end].parse().expect("a generated index");
        let target = match &after[..1] {
            "p" => Target::Page(index),
            _ => Target::Activity(index),
        };
        out.push_str(&href(target));
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}
