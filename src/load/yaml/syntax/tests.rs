use super::*;
use crate::catalogue::Lang;
use crate::load::yaml::parse;
use crate::model::Activity;

/// The one diagnostic of a broken text: its message, hint and caret (line, column), in English.
fn explained(text: &str) -> (String, String, (usize, usize)) {
    let source = SourceText::new("a.yaml", text);
    let problems = parse::<Activity>(&source, text).unwrap_err();
    let problem = problems.iter().next().unwrap();
    (
        problem.message.english(),
        problem.hint.as_ref().unwrap().english(),
        problem.span.as_ref().unwrap().line_column(),
    )
}

#[test]
fn a_tab_is_named_at_its_line_and_shown() {
    let text = "title: a\nfiche:\n  blocks:\n\t- heading: x\n";
    let (message, hint, at) = explained(text);
    assert_eq!(message, "a tab in the indentation of line 4");
    assert!(hint.starts_with("replace the tab"), "{hint}");
    assert_eq!(at, (4, 1));
    let source = SourceText::new("a.yaml", text);
    let rendered = parse::<Activity>(&source, text)
        .unwrap_err()
        .iter()
        .next()
        .unwrap()
        .render(Lang::En, false);
    assert!(rendered.contains("→- heading: x"), "{rendered}");
}

#[test]
fn a_list_left_open_is_pointed_at_its_bracket() {
    let text = "title: a\ncompetencies: [A.1, A.2\nsummary: b\n";
    let (message, hint, at) = explained(text);
    assert_eq!(message, "the list opened here, on line 2, is never closed");
    assert!(hint.contains("`]`"), "{hint}");
    assert_eq!(at, (2, 15));
}

#[test]
fn brackets_inside_quotes_do_not_count() {
    let text = "title: \"[a\"\ncompetencies: [A.1, A.2\nsummary: b\n";
    assert_eq!(explained(text).2, (2, 15));
}

#[test]
fn a_colon_in_a_text_gets_quotes() {
    let (message, hint, at) = explained("title: Séance: préparer\nslug: a\n");
    assert!(
        message.starts_with("a colon followed by a space"),
        "{message}"
    );
    assert_eq!(
        hint,
        "put the whole text between quotation marks: `title: \"Séance: préparer\"`"
    );
    assert_eq!(at, (1, 14));
}

#[test]
fn a_quote_left_open_is_pointed_at() {
    let (message, hint, at) = explained("title: \"abc\nslug: a\n");
    assert_eq!(message, "the quotation mark opened here is never closed");
    assert!(hint.contains('"'), "{hint}");
    assert_eq!(at, (1, 8));
}

#[test]
fn a_line_indented_too_far_says_by_how_much() {
    let (message, hint, at) = explained("title: a\nslug: b\n  order: 2\n");
    assert_eq!(
        message,
        "line 3 is indented 2 spaces more than `slug` on line 2"
    );
    assert_eq!(
        hint,
        "remove 2 spaces at the start of the line, so that `order` lines up with `slug`"
    );
    assert_eq!(at, (3, 3));
}

#[test]
fn a_line_not_indented_enough_says_which_key_to_line_up_with() {
    let (message, hint, _) = explained("fiche:\n  title: a\n blocks: []\n");
    assert_eq!(
        message,
        "line 3 is indented 1 space less than `title` on line 2"
    );
    assert!(hint.starts_with("add 1 space"), "{hint}");
}

/// The parser's own words never reach the reader.
#[test]
fn no_parser_phrase_is_shown() {
    let broken = [
        "title: a\n\tslug: b\n",
        "title: a\ncompetencies: [A.1\nsummary: x\n",
        "title: a\nslug: projet\n  order: 2\n",
        "fiche:\n  title: a\n blocks: []\n",
        "title: a: b\n",
        "title: \"a\n",
        "title: a\n- b\n",
        "{title: a\n",
        "title: a\n  - b\n c: d\n",
    ];
    let phrases = [
        "while parsing",
        "did not find expected",
        "expected mapping",
        "expected sequence",
        "tabs disallowed",
        "illegal placement",
        "mapping values are not allowed",
        "unexpected end",
        "while scanning",
    ];
    for text in broken {
        let source = SourceText::new("a.yaml", text);
        for problem in parse::<Activity>(&source, text).unwrap_err().iter() {
            for lang in Lang::ALL {
                let shown = problem.render(lang, false);
                for phrase in phrases {
                    assert!(
                        !shown.contains(phrase),
                        "{text:?} shows {phrase:?}:\n{shown}"
                    );
                }
            }
        }
    }
}
