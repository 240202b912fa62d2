//! The message catalogue: every sentence livret writes for a person, in French and in English.
//!
//! Messages live in Project Fluent files under `locales/<language>/`, embedded in the binary. Code
//! names a message by its id with [`msg!`] and gives it arguments; the text is chosen only when the
//! message is shown, in the [`Lang`] the reader asked for. Plurals and French typography are the
//! catalogue's business, never the code's. This module must not decide what to say: callers do.

use std::borrow::Cow;
use std::fmt;
use std::path::Path;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use include_dir::{Dir, include_dir};

static LOCALES: Dir = include_dir!("$CARGO_MANIFEST_DIR/locales");

/// A language livret speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Fr,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// The language a tag names (`fr`, `fr-FR`, `fr_FR.UTF-8`, `en_GB`…), if livret speaks it.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The reader's language: `LIVRET_LANG`, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, the
    /// first one set, as POSIX reads them) when it names a language livret speaks, else the
    /// handbook's own language, else English.
    pub fn choose(handbook: Option<&str>) -> Lang {
        Lang::choose_from(|name| std::env::var(name).ok(), handbook)
    }

    /// [`Lang::choose`] with the environment read through `env`.
    pub fn choose_from(env: impl Fn(&str) -> Option<String>, handbook: Option<&str>) -> Lang {
        let var = |name: &str| env(name).filter(|v| !v.is_empty());
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].into_iter().find_map(var);
        var("LIVRET_LANG")
            .and_then(|tag| Lang::from_tag(&tag))
            .or_else(|| locale.and_then(|tag| Lang::from_tag(&tag)))
            .or_else(|| handbook.and_then(Lang::from_tag))
            .unwrap_or(Lang::En)
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }
}

/// A message to show: its id in the catalogue and its arguments.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    id: &'static str,
    args: Vec<(&'static str, Arg)>,
}

/// A message's argument: text, a number (which chooses plurals), or another message.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Text(String),
    Number(f64),
    Message(Box<Message>),
}

impl Message {
    pub fn new(id: &'static str) -> Self {
        Message {
            id,
            args: Vec::new(),
        }
    }

    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    pub fn id(&self) -> &'static str {
        self.id
    }

    /// The text of this message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        Catalogue::get(lang).text(self)
    }

    /// The text in English, for logs and tests.
    pub fn english(&self) -> String {
        self.text(Lang::En)
    }
}

/// `msg!("id", name = value, …)`: a [`Message`] with named arguments.
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::catalogue::Message::new($id)$(.arg(stringify!($name), $value))*
    };
}

impl From<&str> for Arg {
    fn from(value: &str) -> Self {
        Arg::Text(value.to_owned())
    }
}

impl From<String> for Arg {
    fn from(value: String) -> Self {
        Arg::Text(value)
    }
}

impl From<&String> for Arg {
    fn from(value: &String) -> Self {
        Arg::Text(value.clone())
    }
}

impl From<Cow<'_, str>> for Arg {
    fn from(value: Cow<'_, str>) -> Self {
        Arg::Text(value.into_owned())
    }
}

impl From<&Path> for Arg {
    fn from(value: &Path) -> Self {
        Arg::Text(value.display().to_string())
    }
}

impl From<&std::path::PathBuf> for Arg {
    fn from(value: &std::path::PathBuf) -> Self {
        Arg::Text(value.display().to_string())
    }
}

impl From<&std::io::Error> for Arg {
    fn from(value: &std::io::Error) -> Self {
        Arg::Message(Box::new(io_error(value)))
    }
}

impl From<Message> for Arg {
    fn from(value: Message) -> Self {
        Arg::Message(Box::new(value))
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            #[allow(clippy::cast_precision_loss, clippy::cast_lossless)]
            fn from(value: $t) -> Self {
                Arg::Number(value as f64)
            }
        }
    )*};
}
number_arg!(usize, u64, u32, u16, i64, i32, f64);

/// An operating-system error in the reader's words: the common kinds named by the catalogue, the
/// others with the system's own text.
pub fn io_error(error: &std::io::Error) -> Message {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound => msg!("io-not-found"),
        ErrorKind::PermissionDenied => msg!("io-permission-denied"),
        ErrorKind::AlreadyExists => msg!("io-already-exists"),
        ErrorKind::StorageFull => msg!("io-storage-full"),
        ErrorKind::ReadOnlyFilesystem => msg!("io-read-only"),
        ErrorKind::ResourceBusy => msg!("io-busy"),
        ErrorKind::IsADirectory => msg!("io-is-a-directory"),
        ErrorKind::NotADirectory => msg!("io-not-a-directory"),
        _ => msg!("io-other", detail = error.to_string()),
    }
}

/// The messages of one language, loaded from the embedded Fluent files.
pub struct Catalogue {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
}

impl fmt::Debug for Catalogue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Catalogue")
            .field("lang", &self.lang)
            .finish()
    }
}

impl Catalogue {
    /// The catalogue of `lang`, loaded once.
    pub fn get(lang: Lang) -> &'static Catalogue {
        static FR: OnceLock<Catalogue> = OnceLock::new();
        static EN: OnceLock<Catalogue> = OnceLock::new();
        let cell = match lang {
            Lang::Fr => &FR,
            Lang::En => &EN,
        };
        cell.get_or_init(|| Catalogue::load(lang))
    }

    fn load(lang: Lang) -> Catalogue {
        let id = lang.code().parse().expect("a valid language tag");
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // Isolation marks would reach terminals and files as invisible characters.
        bundle.set_use_isolating(false);
        bundle.set_formatter(Some(match lang {
            Lang::Fr => |value, _| grouped(value, '\u{202f}'),
            Lang::En => |value, _| grouped(value, ','),
        }));
        for (name, text) in sources(lang) {
            let resource = FluentResource::try_new(text.to_owned())
                .unwrap_or_else(|(_, errors)| panic!("{name}: invalid Fluent: {errors:?}"));
            bundle
                .add_resource(resource)
                .unwrap_or_else(|errors| panic!("{name}: {errors:?}"));
        }
        Catalogue { lang, bundle }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The text of `message`; an id missing from the catalogue shows as the id itself (a test
    /// keeps every id the code uses in both languages).
    pub fn text(&self, message: &Message) -> String {
        let mut args = FluentArgs::new();
        for (name, value) in &message.args {
            let value = match value {
                Arg::Text(text) => FluentValue::from(text.as_str()),
                Arg::Number(number) => FluentValue::from(*number),
                Arg::Message(inner) => FluentValue::from(self.text(inner)),
            };
            args.set(*name, value);
        }
        self.format(message.id, Some(&args))
            .unwrap_or_else(|| message.id.to_owned())
    }

    /// The text of a message whose id and arguments come at run time (a template's `t("id",
    /// n=3)`), the arguments borrowed (a later one of the same name wins): numbers choose plurals;
    /// `None` when the catalogue lacks the id.
    pub fn format_runtime<'a>(
        &self,
        id: &str,
        args: impl IntoIterator<Item = (&'a str, &'a Arg)>,
    ) -> Option<String> {
        let mut fluent = FluentArgs::new();
        for (name, value) in args {
            let value = match value {
                Arg::Text(text) => FluentValue::from(text.as_str()),
                Arg::Number(number) => FluentValue::from(*number),
                Arg::Message(inner) => FluentValue::from(self.text(inner)),
            };
            fluent.set(name, value);
        }
        self.format(id, Some(&fluent))
    }

    /// The text of a message without arguments whose id is made at run time (the schemas'
    /// descriptions, `schema-<type>-<key>`), if the catalogue has it.
    pub fn lookup(&self, id: &str) -> Option<String> {
        self.format(id, None)
    }

    fn format(&self, id: &str, args: Option<&FluentArgs>) -> Option<String> {
        let pattern = self.bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        Some(
            self.bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned(),
        )
    }
}

/// The Fluent files of a language: `(path, text)`, in name order.
pub fn sources(lang: Lang) -> Vec<(&'static str, &'static str)> {
    let mut files: Vec<_> = LOCALES
        .get_dir(lang.code())
        .map(|dir| {
            dir.files()
                .filter_map(|f| Some((f.path().to_str()?, f.contents_utf8()?)))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// A whole number of five digits or more with its digits in groups of three (« 10 507 » with a
/// narrow no-break space in French, "10,507" in English); a shorter one, such as a year, as it is.
fn grouped(value: &FluentValue, separator: char) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    let whole = number.value;
    if whole.fract() != 0.0 || whole.abs() < 10_000.0 || whole.abs() >= 1e15 {
        return None;
    }
    let digits = (whole.abs() as u64).to_string();
    let mut out = String::from(if whole < 0.0 { "-" } else { "" });
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(digit);
    }
    Some(out)
}

#[cfg(test)]
mod tests;
