//! The corpus as the sites users would otherwise build: a Hugo site (competencies as a taxonomy,
//! one layout with a small menu, pretty-URL-free relative links so it opens from the disk like
//! livret's) and an mdBook with its default theme. Same Markdown text as the livret project.

use std::fmt::Write as _;
use std::path::Path;

use crate::{Corpus, From, Layout, MENU_PAGES, quoted, write};

const HUGO_CONFIG: &str = r#"baseURL = "https://exemple.invalid/"
languageCode = "fr"
defaultContentLanguage = "fr"
uglyURLs = true
relativeURLs = true
disableKinds = ["RSS", "sitemap", "robotsTXT"]
enableRobotsTXT = false

[taxonomies]
competence = "competences"
"#;

const HUGO_BASEOF: &str = r#"<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} – {{ site.Title }}</title>
<link rel="stylesheet" href="{{ "style.css" | relURL }}">
</head>
<body>
<header>
<p><a href="{{ "index.html" | relURL }}">{{ site.Title }}</a></p>
<nav aria-label="Menu principal"><ul>
{{- range site.Menus.main }}
<li><a href="{{ .URL | relURL }}">{{ .Name }}</a></li>
{{- end }}
</ul></nav>
</header>
<main>
<h1>{{ .Title }}</h1>
{{ block "main" . }}{{ end }}
</main>
<footer><p>Banc d’essai de livret</p></footer>
</body>
</html>
"#;

const HUGO_SINGLE: &str = r#"{{ define "main" }}
{{- with .Params.summary }}<p class="lead">{{ . }}</p>{{ end }}
{{- with .GetTerms "competences" }}
<ul class="competences">
{{- range . }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}
</ul>
{{- end }}
<div class="prose">{{ .Content }}</div>
{{- with .Params.requirements }}
<h2>Exigences</h2>
<ul>{{ range . }}<li>{{ . }}</li>{{ end }}</ul>
{{- end }}
<nav class="pager">
{{- with .PrevInSection }}<a rel="prev" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{- with .NextInSection }}<a rel="next" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
</nav>
{{ end }}
"#;

/// Lists: the home page lists its sections, the activities section its activities, the taxonomy
/// its terms, a term its activities; the guidance pages' section lists nothing (no page lists
/// every page, as in livret).
const HUGO_LIST: &str = r#"{{ define "main" }}
<div class="prose">{{ .Content }}</div>
{{- if ne .Section "pages" }}
<ul>
{{- range .Pages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Params.summary }} – {{ . }}{{ end }}</li>
{{- end }}
</ul>
{{- end }}
{{ end }}
"#;

/// Hugo and mdBook keep the pages in `pages/` and the activities in `activites/`, and link to
/// them by their output (`html`) or source (`md`) names.
fn site_layout(extension: &'static str) -> Layout {
    Layout {
        pages: "pages",
        activities: "activites",
        page_extension: extension,
        activity_extension: extension,
    }
}

const STYLE: &str = "body { font-family: sans-serif; max-width: 50rem; margin: auto; }\n";

/// The Hugo site: `content/pages/`, `content/activites/` with a `competences` taxonomy whose
/// terms carry the competency texts.
pub fn write_hugo(corpus: &Corpus, dir: &Path) {
    let mut config = format!("title = {}\n{HUGO_CONFIG}", quoted(&corpus.title));
    let mut menu = vec![
        ("Activités".to_owned(), "/activites.html".to_owned()),
        ("Référentiel".to_owned(), "/competences.html".to_owned()),
    ];
    for page in corpus.pages.iter().take(MENU_PAGES) {
        menu.push((page.title.clone(), format!("/pages/{}.html", page.slug)));
    }
    for (weight, (name, url)) in menu.iter().enumerate() {
        let _ = write!(
            config,
            "\n[[menus.main]]\nname = {}\nurl = {}\nweight = {}\n",
            quoted(name),
            quoted(url),
            weight + 1
        );
    }
    write(dir, "hugo.toml", &config);
    write(dir, "layouts/_default/baseof.html", HUGO_BASEOF);
    write(dir, "layouts/_default/single.html", HUGO_SINGLE);
    write(dir, "layouts/_default/list.html", HUGO_LIST);
    write(dir, "static/style.css", STYLE);
    let layout = site_layout("html");
    let home = layout.resolve(From::Home, &corpus.home);
    write(
        dir,
        "content/_index.md",
        &format!("---\ntitle: {}\n---\n{home}", quoted(&corpus.title)),
    );
    for (i, page) in corpus.pages.iter().enumerate() {
        let text = format!(
            "---\ntitle: {}\nweight: {}\n---\n{}",
            quoted(&page.title),
            i + 1,
            layout.resolve(From::Page, &page.body)
        );
        write(dir, &format!("content/pages/{}.md", page.slug), &text);
    }
    write(
        dir,
        "content/activites/_index.md",
        "---\ntitle: \"Les activités\"\n---\n",
    );
    for (i, activity) in corpus.activities.iter().enumerate() {
        let codes: Vec<String> = activity.codes.iter().map(|c| quoted(c)).collect();
        let requirements: Vec<String> = activity.requirements.iter().map(|r| quoted(r)).collect();
        let text = format!(
            "---\ntitle: {}\nweight: {}\nsummary: {}\ncompetences: [{}]\nrequirements: [{}]\n---\n{}",
            quoted(&activity.title),
            i + 1,
            quoted(&activity.summary),
            codes.join(", "),
            requirements.join(", "),
            layout.resolve(From::Activity, &activity.guidance)
        );
        write(
            dir,
            &format!("content/activites/{}.md", activity.slug),
            &text,
        );
    }
    write(
        dir,
        "content/competences/_index.md",
        "---\ntitle: \"Le référentiel\"\n---\n",
    );
    for domain in &corpus.domains {
        for (code, text) in &domain.competencies {
            let page = format!(
                "---\ntitle: {}\n---\n{text}\n\nDomaine {} – {}\n",
                quoted(code),
                domain.code,
                domain.title
            );
            let term = code.to_lowercase();
            write(dir, &format!("content/competences/{term}/_index.md"), &page);
        }
    }
}

/// The mdBook: every page and activity a chapter of `SUMMARY.md`, with its title as `#` heading
/// (mdBook has no front matter).
pub fn write_mdbook(corpus: &Corpus, dir: &Path) {
    write(
        dir,
        "book.toml",
        &format!(
            "[book]\ntitle = {}\nlanguage = \"fr\"\nsrc = \"src\"\n\n[build]\ncreate-missing = false\n",
            quoted(&corpus.title)
        ),
    );
    let layout = site_layout("md");
    let home = layout.resolve(From::Home, &corpus.home);
    write(
        dir,
        "src/README.md",
        &format!("# {}\n\n{home}", corpus.title),
    );
    let mut summary = String::from("# Sommaire\n\n[Accueil](README.md)\n\n");
    for page in &corpus.pages {
        let _ = writeln!(summary, "- [{}](pages/{}.md)", page.title, page.slug);
        let text = format!(
            "# {}\n\n{}",
            page.title,
            layout.resolve(From::Page, &page.body)
        );
        write(dir, &format!("src/pages/{}.md", page.slug), &text);
    }
    summary.push_str("- [Les activités](activites/README.md)\n");
    write(dir, "src/activites/README.md", "# Les activités\n");
    for activity in &corpus.activities {
        let _ = writeln!(
            summary,
            "  - [{}](activites/{}.md)",
            activity.title, activity.slug
        );
        let mut text = format!(
            "# {}\n\n{}\n\nCompétences : {}\n\n{}\n## Exigences\n\n",
            activity.title,
            activity.summary,
            activity.codes.join(", "),
            layout.resolve(From::Activity, &activity.guidance)
        );
        for requirement in &activity.requirements {
            let _ = writeln!(text, "- {requirement}");
        }
        write(dir, &format!("src/activites/{}.md", activity.slug), &text);
    }
    write(dir, "src/SUMMARY.md", &summary);
}
