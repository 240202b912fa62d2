//! The template environments (the theme's templates, typography, escaping, strict variables, and
//! the smaller one the content's texts and the labels expand their values in), each with a fuel
//! budget so that template code cannot run away, the rendering of the content's Markdown texts,
//! and template errors as diagnostics. It knows nothing of which page uses which template.

use std::path::Path;
use std::sync::{Arc, RwLock};

use minijinja::{Environment, Value};

use crate::catalogue::{Arg, Message};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::{Model, Page, Settings};
use crate::msg;
use crate::render::labels;
use crate::render::markdown::{self, Also, LinkTargets, Markdown, Placement, SourceLink};
use crate::render::theme::{TEMPLATES_DIR, Theme};
use crate::render::typography;

use super::REQUIRED_TEMPLATES;

/// The work one template render may do, in minijinja's fuel (about one instruction, or 64 bytes
/// of data made): the heaviest render of a 10,000-page handbook, its print edition, takes about
/// 1.1 million, the handbook's heaviest page about 12,000.
pub const TEMPLATE_FUEL: u64 = 20_000_000;

/// The work the values of one Markdown text or label may do: the handbook's texts take at most 29.
pub const TEXT_FUEL: u64 = 100_000;

/// The environment the content's texts expand their `{{ }}` values in: strict undefined values,
/// no templates, the small [`TEXT_FUEL`] budget, and the catalogue's sentences in the handbook's
/// language (`t("id", …)`).
pub fn text_environment(settings: &Settings) -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    // minijinja names an undefined value (`site.certification.requis`) only in debug mode,
    // which it turns off in release builds: the reader needs the name in every build.
    env.set_debug(true);
    env.set_fuel(Some(TEXT_FUEL));
    add_catalogue(&mut env, settings);
    env
}

/// Renders the Markdown texts of the content: template values first (so a page can say
/// `{{ site.certification.required_total }}` instead of repeating the settings), then Markdown.
pub struct Texts<'a> {
    pub env: &'a Environment<'a>,
    /// The values a text may use: `site`, `referentiel`, `activities`.
    pub values: &'a Value,
    pub language: &'a str,
    pub targets: &'a LinkTargets,
}

impl Texts<'_> {
    pub fn page(
        &self,
        page: &Page,
        path: &str,
        problems: &mut Diagnostics,
        links: &mut Vec<SourceLink>,
        also: Also,
    ) -> String {
        let markdown = Markdown {
            text: page.body(),
            source: &page.source,
            placement: Placement::At(page.body_offset),
            page_path: path,
        };
        self.render(&markdown, problems, links, also)
    }

    /// Renders one text; problems go to `problems`, its links to `links`, its events to `also`.
    pub fn render(
        &self,
        markdown: &Markdown,
        problems: &mut Diagnostics,
        links: &mut Vec<SourceLink>,
        also: Also,
    ) -> String {
        let (language, targets) = (self.language, self.targets);
        if !markdown.text.contains("{{") && !markdown.text.contains("{%") {
            return markdown::render_also(markdown, language, targets, problems, links, also);
        }
        // Not `.html`: minijinja does not escape, the values go into Markdown as typed.
        let name = markdown.source.path.display().to_string();
        match self.env.render_named_str(&name, markdown.text, self.values) {
            Ok(expanded) => {
                // Expansion keeps lines but shifts columns: locate later problems by line.
                let first_line = markdown::locate_line(markdown, 1).line_column().0;
                let expanded_markdown = Markdown {
                    text: &expanded,
                    placement: Placement::Lines { first_line },
                    ..*markdown
                };
                markdown::render_also(&expanded_markdown, language, targets, problems, links, also)
            }
            Err(error) => {
                let at = markdown::locate_line(markdown, error.line().unwrap_or(1));
                problems.push(text_error(&error).at(at));
                String::new()
            }
        }
    }
}

/// A text's value error, without its location: running out of fuel has its own explanation.
pub fn text_error(error: &minijinja::Error) -> Diagnostic {
    if error.kind() == minijinja::ErrorKind::OutOfFuel {
        return Diagnostic::error(msg!("text-out-of-fuel", steps = TEXT_FUEL))
            .hint(msg!("text-out-of-fuel-hint"));
    }
    Diagnostic::error(msg!("text-value-error", problem = engine_problem(error)))
        .hint(msg!("text-value-error-hint"))
}

/// What the template engine says went wrong, in the reader's words where the catalogue has them
/// (an undefined value, a syntax error, too much work); the engine's own detail otherwise.
pub fn engine_problem(error: &minijinja::Error) -> Message {
    use minijinja::ErrorKind;
    let detail = error.detail().unwrap_or_default();
    match error.kind() {
        ErrorKind::UndefinedError => {
            // minijinja writes « `name` is undefined »: the name is what the reader wrote.
            let name = detail.split('`').nth(1).filter(|_| detail.contains('`'));
            match name {
                Some(name) => msg!("engine-undefined", name = name),
                None => msg!("engine-undefined-value"),
            }
        }
        ErrorKind::SyntaxError => msg!("engine-syntax", detail = detail),
        ErrorKind::OutOfFuel => msg!("engine-out-of-fuel"),
        ErrorKind::TemplateNotFound => msg!("engine-not-found", detail = detail),
        kind => msg!("engine-other", kind = kind.to_string(), detail = detail),
    }
}

/// The template environment: the theme's templates, auto-escaping, strict undefined variables
/// (a typo in a template is an error, not a blank), and the language's typography on every text
/// value a template prints.
pub fn environment<'a>(model: &Model, theme: &'a Theme) -> Result<Environment<'a>, Diagnostics> {
    let mut env = Environment::new();
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    // As in `text_environment`: undefined values named in every build.
    env.set_debug(true);
    env.set_fuel(Some(TEMPLATE_FUEL));
    let language = model.settings.language.clone();
    env.set_formatter(move |out, state, value| match value.as_str() {
        // Escape only what HTML needs (minijinja's default also escapes `/`, which makes every
        // relative URL unreadable), after the language's typography.
        Some(text)
            if !value.is_safe() && matches!(state.auto_escape(), minijinja::AutoEscape::Html) =>
        {
            let text = typography::apply(&language, text);
            let out = pulldown_cmark_escape::FmtWriter(out);
            pulldown_cmark_escape::escape_html(out, &text).map_err(|_| {
                minijinja::Error::new(minijinja::ErrorKind::WriteFailure, "write failed")
            })
        }
        _ => minijinja::escape_formatter(out, state, value),
    });
    add_catalogue(&mut env, &model.settings);
    let mut problems = Diagnostics::new();
    for name in REQUIRED_TEMPLATES {
        if !theme.templates.contains_key(*name) {
            problems.push(
                Diagnostic::error(msg!("template-missing", name = *name))
                    .in_file(Path::new(TEMPLATES_DIR).join(name))
                    .hint(msg!(
                        "template-missing-hint",
                        names = REQUIRED_TEMPLATES.join(", ")
                    )),
            );
        }
    }
    for (name, source) in &theme.templates {
        if let Err(error) = env.add_template_owned(name.clone(), source.text.to_string()) {
            problems.push(template_diagnostic(&error, theme));
        }
    }
    if problems.has_errors() {
        Err(problems)
    } else {
        Ok(env)
    }
}

/// A minijinja error as a diagnostic pointing into the template file.
pub fn template_diagnostic(error: &minijinja::Error, theme: &Theme) -> Diagnostic {
    let message = msg!("template-error", problem = engine_problem(error));
    let hint = match error.kind() {
        minijinja::ErrorKind::UndefinedError => msg!("template-undefined-hint"),
        minijinja::ErrorKind::TemplateNotFound => msg!("template-not-found-hint"),
        minijinja::ErrorKind::OutOfFuel => msg!("template-out-of-fuel-hint", steps = TEMPLATE_FUEL),
        _ => msg!("template-error-hint"),
    };
    let name = error.name().unwrap_or("");
    let diagnostic = Diagnostic::error(message).hint(hint);
    // Running out of fuel stops wherever the count ends: the line is the place, not the column
    // (so that every page stopped in the same loop gives one error).
    let range = error
        .range()
        .filter(|_| error.kind() != minijinja::ErrorKind::OutOfFuel);
    match (theme.templates.get(name), range, error.line()) {
        (Some(source), Some(range), _) => diagnostic.at(source.span(range)),
        (Some(source), None, Some(line)) => diagnostic.at(source.span_at(line, 1)),
        (Some(source), None, None) => diagnostic.in_file(&source.path),
        (None, _, _) if !name.is_empty() => diagnostic.in_file(Path::new(TEMPLATES_DIR).join(name)),
        _ => diagnostic,
    }
}

/// `t("id", name=value, …)`: a sentence of the message catalogue in the handbook's language
/// (English for a language the catalogue lacks), numbers choosing plurals, the audience's words
/// (`$learner`…) given to every sentence. An unknown id is an error, so a typo in a template does
/// not print an id.
pub fn add_catalogue(env: &mut Environment, settings: &Settings) {
    let catalogue = labels::catalogue_of(settings);
    let audience = labels::audience_args(settings);
    // Most sentences take no argument of their own, and every page says them again: each is
    // formatted once, and looked up with a fast hash (its keys are the templates' ids).
    let plain: RwLock<foldhash::HashMap<String, Arc<str>>> = RwLock::default();
    env.add_function(
        "t",
        move |id: &str, kwargs: minijinja::value::Kwargs| -> Result<Value, minijinja::Error> {
            let unknown = || {
                let detail = format!("`{id}` is not in the message catalogue");
                minijinja::Error::new(minijinja::ErrorKind::UndefinedError, detail)
            };
            // The audience's words are borrowed, not copied: this runs for every sentence of
            // every page.
            let audience = audience.iter().map(|(name, value)| (name.as_str(), value));
            if kwargs.args().next().is_none() {
                if let Some(text) = plain.read().ok().and_then(|p| p.get(id).cloned()) {
                    return Ok(Value::from(text));
                }
                let text = catalogue.format_runtime(id, audience).ok_or_else(unknown)?;
                let text: Arc<str> = text.into();
                if let Ok(mut plain) = plain.write() {
                    plain.insert(id.to_owned(), Arc::clone(&text));
                }
                return Ok(Value::from(text));
            }
            let mut args = Vec::new();
            for name in kwargs.args() {
                let value: Value = kwargs.get(name)?;
                let arg = match value.as_i64() {
                    Some(number) => Arg::Number(number as f64),
                    None => Arg::Text(value.to_string()),
                };
                args.push((name, arg));
            }
            let all = audience.chain(args.iter().map(|(name, value)| (*name, value)));
            let text = catalogue.format_runtime(id, all).ok_or_else(unknown)?;
            Ok(Value::from(text))
        },
    );
}
