//! `livret serve`, end to end: the real binary on a free port in a temporary copy of `content/`,
//! driven with file edits and plain HTTP/1.1 over `TcpStream` (pages, and the Server-Sent Events
//! that reload the browsers). Every wait is bounded by [`TIMEOUT`]; no test asserts a duration
//! (reload latency is measured by `bench/reload-latency.py`).

#[allow(dead_code)] // the helpers the other test files use
mod common;

use std::fs;
use std::path::Path;

use common::server::*;
use common::tree;

const FORMATION: &str = "content/pages/formation.md";
const SITOGRAPHIE: &str = "content/activities/sitographie.yaml";
const SITOGRAPHIE_PAGE: &str = "/activites/sitographie.html";

// ---------------------------------------------------------------------------------------------
// Tests

#[test]
fn pages_and_files_are_served_with_their_types_and_only_pages_get_the_script() {
    let server = Server::start(&["content"]);
    let content_type = |path: &str| {
        let response = server.get(path);
        assert_eq!(response.status, 200, "{path}");
        response
            .header("content-type")
            .unwrap_or_default()
            .to_owned()
    };
    for page in ["/", SITOGRAPHIE_PAGE] {
        assert_eq!(content_type(page), "text/html; charset=utf-8");
        let script = r#"<script src="/__livret/reload.js"></script></body>"#;
        assert_has(&server.page(page), script);
    }
    assert_eq!(content_type("/assets/style.css"), "text/css; charset=utf-8");
    let odt = "/documents/sitographie.odt";
    assert_eq!(content_type(odt), "application/vnd.oasis.opendocument.text");
    let written = fs::read(server.output().join(&odt[1..])).unwrap();
    assert!(
        server.get(odt).body == written,
        "the served ODT is not the written one"
    );
    let script = server.page("/__livret/reload.js");
    assert_has(&script, "/__livret/events");
    // The overlay speaks the reader's language (English here, as every test asks).
    assert_has(
        &script,
        r#""The rebuild failed: the last good version stays on screen.""#,
    );
    assert!(
        !script.contains("__FAILED_TITLE__"),
        "a placeholder left in the script"
    );
    let written = tree(&server.output());
    assert!(written.contains_key("index.html") && written.len() > 50);
    for (path, bytes) in &written {
        let script = bytes.windows(8).any(|w| w == b"__livret");
        assert!(!script, "{path} holds the script");
    }
}

#[test]
fn editing_a_page_body_reloads_it_alone() {
    let server = Server::start(&["content"]);
    let events = server.events();
    let mark = server.mark();
    let text = "Une phrase ajoutée par le test.";
    append(&server.path(FORMATION), &format!("\n{text}\n"));
    events.expect("reload");
    let line = server.wait_for_rebuild(mark);
    assert_has(&line, &format!("{FORMATION} changed → 1 page re-rendered"));
    assert_has(&server.page("/formation.html"), text);
}

#[test]
fn a_broken_anchor_fails_a_single_page_rebuild_as_a_full_build_would() {
    let server = Server::start(&["content"]);
    let events = server.events();
    let mark = server.mark();
    append(
        &server.path(FORMATION),
        "\nVoir [le début](#debut-absent).\n",
    );
    let data = events.expect("failed");
    assert_has(&data, "no anchor `#debut-absent` in formation.html");
    assert_has(&data, &format!("{FORMATION}:"));
    let line = server.wait_for_rebuild(mark);
    assert_has(&line, "1 error; the last good site is still served");
}

#[test]
fn a_save_by_rename_is_seen_and_its_temporary_file_ignored() {
    let server = Server::start(&["content"]);
    let events = server.events();
    let mark = server.mark();
    let text = "Enregistrée par renommage.";
    save(
        &server.path(FORMATION),
        &format!("{}\n{text}\n", server.read(FORMATION)),
    );
    events.expect("reload");
    let line = server.wait_for_rebuild(mark);
    assert_has(&line, &format!("livret: {FORMATION} changed → 1 page"));
    assert_has(&server.page("/formation.html"), text);
}

#[test]
fn a_broken_file_keeps_the_last_good_site_and_shows_the_error_until_fixed() {
    let server = Server::start(&["content"]);
    let (before, written) = (server.page(SITOGRAPHIE_PAGE), tree(&server.output()));
    let events = server.events();
    let good = server.read(SITOGRAPHIE);
    let broken = with_unknown_key(&good, "couleur");
    let mark = server.mark();
    save(&server.path(SITOGRAPHIE), &broken);
    let data = events.expect("failed");
    assert_has(&data, &format!("{SITOGRAPHIE}:5:"));
    assert_has(&data, "unknown key `couleur`");
    let line = server.wait_for_rebuild(mark);
    assert_has(&line, "1 error; the last good site is still served");
    assert!(
        server.page(SITOGRAPHIE_PAGE) == before,
        "not the last good page"
    );
    assert!(
        tree(&server.output()) == written,
        "a failed build changed the output"
    );
    let late = server.events();
    assert_eq!(
        late.expect("failed"),
        data,
        "a new browser sees the failure at once"
    );

    save(&server.path(SITOGRAPHIE), &good);
    events.expect("reload");
    late.expect("reload");
    // A browser connecting now gets no failure first: its first event is the next change's.
    let fresh = server.events();
    append(&server.path(FORMATION), "\nAprès la réparation.\n");
    fresh.expect("reload");
}

#[test]
fn new_deleted_and_renamed_pages_are_served_accordingly() {
    let server = Server::start(&["content"]);
    let wait_for = |served: &str, gone: &str| {
        wait_until(&format!("{served} served and {gone} gone"), || {
            let got = (server.get(served).status, server.get(gone).status);
            (got == (200, 404)).then_some(()).ok_or(format!("{got:?}"))
        })
    };
    let page = "---\ntitle: \"Nouvelle page\"\norder: 20\n---\nUne page toute neuve.\n";
    save(&server.path("content/pages/nouveau.md"), page);
    // The matrix page, and the home page's link to it.
    let home = server.read("content/index.md");
    let line = home
        .lines()
        .find(|l| l.contains("(pages/matrice.md)"))
        .unwrap();
    save(
        &server.path("content/index.md"),
        &home.replace(&format!("{line}\n"), ""),
    );
    fs::remove_file(server.path("content/pages/matrice.md")).unwrap();
    wait_for("/nouveau.html", "/matrice.html");
    assert_has(&server.page("/nouveau.html"), "Une page toute neuve.");
    assert_has(&server.page("/"), "Nouvelle page"); // in the menu

    // A renamed page, and the home page's link to it renamed too.
    let home = server.read("content/index.md");
    save(
        &server.path("content/index.md"),
        &home.replace("pages/suivi.md", "pages/mon-suivi.md"),
    );
    let pages = server.path("content/pages");
    fs::rename(pages.join("suivi.md"), pages.join("mon-suivi.md")).unwrap();
    wait_for("/mon-suivi.html", "/suivi.html");
}

#[test]
fn nothing_outside_the_built_site_can_be_reached() {
    let server = Server::start(&["content"]);
    std::os::unix::fs::symlink("/etc/passwd", server.output().join("passwd")).unwrap();
    let long = format!("/{}", "a/".repeat(2_500));
    let requests = r"/../Cargo.toml /../../../../../../etc/passwd /%2e%2e/%2e%2e/etc/passwd
        /%2E%2E%2F%2E%2E%2Fetc%2Fpasswd /..%2f..%2fetc/passwd /..\..\etc\passwd
        /%5c..%5c..%5cetc%5cpasswd /%2e%2e%5c%2e%2e%5cetc%5cpasswd //etc/passwd /etc/passwd
        /C:/Windows/win.ini /%00 /index.html%00.css /a/../../x /./index.html
        /%252e%252e/etc/passwd /%C0%AE%C0%AE/%C0%AE%C0%AE/etc/passwd /assets/../../../etc/passwd
        /activites/%2e%2e/%2e%2e/%2e%2e/etc/passwd /__livret/../../Cargo.toml
        /content/settings.yaml /public/index.html /.livret-output /index.html/";
    // `/passwd` is the symlink (the server serves its in-memory build, not the folder);
    // `/activites/` has no index (and no listing).
    let more = ["/passwd", "/activites/", &long];
    let requests: Vec<&str> = requests.split_whitespace().chain(more).collect();
    assert_eq!(requests.len(), 27);
    for path in requests {
        let response = server.get(path);
        let (shown, body) = (&path[..path.len().min(60)], response.text());
        assert_eq!(response.status, 404, "{shown}");
        assert!(
            !body.contains("root:") && !body.contains("[package]"),
            "{shown}"
        );
    }
}

#[test]
fn incremental_page_rebuilds_equal_a_full_build() {
    let server = Server::start(&["content"]);
    let events = server.events();
    // Past a text part's size: the search index's parts after the page are numbered again.
    let long = format!("\n{}\n", "Une phrase de plus. ".repeat(4_000));
    for (page, added) in [
        (FORMATION, "\nUn ajout en fin de page.\n"),
        ("content/index.md", "\nUn ajout en fin de page.\n"),
        // A section more: the search documents after it are numbered again.
        (FORMATION, "\n## Une section de plus\n\nSon texte.\n"),
        (FORMATION, &long),
    ] {
        let mark = server.mark();
        append(&server.path(page), added);
        events.expect("reload");
        assert_has(&server.wait_for_rebuild(mark), "→ 1 page re-rendered");
        assert_equals_full_build(&server);
    }
}

#[test]
fn a_page_edit_in_a_print_volume_equals_a_full_build() {
    // 1,100 more chapters: the print edition comes in two volumes, and serve renders again only
    // the one holding the edited page.
    let server = Server::launch(&["content"], &[], &[], |root| {
        common::add_chapters(root, 1100)
    });
    let events = server.events();
    let mark = server.mark();
    append(&server.path("content/pages/p0003.md"), "\nUn ajout.\n");
    events.expect("reload");
    assert_has(&server.wait_for_rebuild(mark), "→ 1 page re-rendered");
    assert_equals_full_build(&server);
}

#[test]
fn a_stylesheet_change_swaps_the_css_and_equals_a_full_build() {
    let server = Server::start(&["content", "theme"]);
    let events = server.events();
    let mark = server.mark();
    let rule = "\n.ajout-du-test { color: #123456; }\n";
    append(&server.path("theme/_base.scss"), rule);
    events.expect("css");
    let line = server.wait_for_rebuild(mark);
    assert_has(&line, "theme/_base.scss changed → stylesheet recompiled");
    assert_has(&server.page("/assets/style.css"), "ajout-du-test");
    assert_equals_full_build(&server);
}

/// After a failed rebuild the kept build predates a broken source: a later edit elsewhere must
/// not publish it as good (a page-body edit used to be re-rendered alone and clear the failure).
#[test]
fn a_failure_stands_until_the_sources_build_again() {
    let server = Server::start(&["content"]);
    let events = server.events();
    let broken = with_unknown_key(&server.read(SITOGRAPHIE), "x");
    save(&server.path(SITOGRAPHIE), &broken);
    events.expect("failed");
    let mark = server.mark();
    append(&server.path(FORMATION), "\nUn autre ajout.\n");
    assert_has(&events.expect("failed"), "unknown key `x`");
    let line = server.wait_for_rebuild(mark);
    assert_has(&line, "1 error; the last good site is still served");
    server.events().expect("failed");
}

#[test]
fn a_project_broken_at_start_is_served_once_fixed() {
    let break_it = |root: &Path| {
        let sitographie = root.join(SITOGRAPHIE);
        let good = fs::read_to_string(&sitographie).unwrap();
        fs::write(sitographie, with_unknown_key(&good, "x")).unwrap();
    };
    let server = Server::launch(&["content"], &[], &[], break_it);
    let waiting = server.get("/");
    assert_eq!(waiting.status, 503);
    assert_has(&waiting.text(), "/__livret/reload.js");
    let events = server.events();
    assert_has(&events.expect("failed"), "unknown key `x`");
    assert!(!server.output().exists(), "a failed build wrote the output");
    let fixed = fs::read_to_string(common::root().join(SITOGRAPHIE)).unwrap();
    save(&server.path(SITOGRAPHIE), &fixed);
    events.expect("reload");
    server.page("/");
    assert_equals_full_build(&server);
}

#[test]
fn ctrl_c_stops_cleanly_even_with_a_browser_connected() {
    let mut server = Server::start(&["content"]);
    let _browser = server.events(); // its stream never ends by itself
    let mark = server.mark();
    append(&server.path(FORMATION), "\nAvant l'arrêt.\n");
    server.wait_for_rebuild(mark);
    let status = server.interrupt();
    assert_eq!(status.code(), Some(0), "{}", server.transcript());
    server.wait_for_line(mark, "livret: stopped;");
    assert_equals_full_build(&server);
}

#[test]
fn a_templates_folder_created_while_serving_is_watched() {
    let server = Server::start(&["content"]);
    let events = server.events();
    fs::create_dir(server.path("templates")).unwrap();
    events.expect("reload");
    let page = fs::read_to_string(common::root().join("templates/page.html")).unwrap();
    let page = page.replace("<h1>", "<!-- surchargé --><h1>");
    save(&server.path("templates/page.html"), &page);
    events.expect("reload");
    assert_has(&server.page("/formation.html"), "<!-- surchargé -->");
}

/// Two saves in a row, usually within one second, which polling by whole-second times would miss.
#[test]
fn the_poll_watcher_sees_successive_edits() {
    let server = Server::launch(&["content"], &["--poll"], &[], |_| {});
    let events = server.events();
    for text in ["Vu par scrutation.", "Vu encore, dans la même seconde."] {
        append(&server.path(FORMATION), &format!("\n{text}\n"));
        // One save may give two reloads (a scan can catch the file mid-write): wait for the one
        // that carries the text; `expect` fails if no reload comes within its timeout.
        while !server.page("/formation.html").contains(text) {
            events.expect("reload");
        }
    }
}

#[test]
fn the_overlay_speaks_french_to_a_french_reader() {
    let server = Server::launch(&["content"], &[], &[("LIVRET_LANG", "fr")], |_| {});
    let script = server.page("/__livret/reload.js");
    assert_has(
        &script,
        "\"La reconstruction a échoué\u{202f}: la dernière version correcte reste affichée.\"",
    );
    assert_has(&script, "\"Masquer\"");
}

#[test]
fn the_404_page_works_at_any_depth_even_with_a_base_url_elsewhere() {
    // The site will be published under /espe/c2i2e/, but serve serves it at its root: the 404
    // page's stylesheet and links must start from there.
    let server = Server::launch(&["content"], &[], &[], |root| {
        let settings = root.join("content/settings.yaml");
        let mut text = fs::read_to_string(&settings).unwrap();
        text.push_str("base_url: \"https://www.example.fr/espe/c2i2e/\"\n");
        fs::write(settings, text).unwrap();
    });
    let missing = server.get("/activites/nope/deeper.html");
    assert_eq!(missing.status, 404);
    let page = missing.text();
    assert_has(&page, r#"<link rel="stylesheet" href="/assets/style.css">"#);
    assert_has(&page, r#"href="/activites.html""#);
    assert_eq!(server.get("/assets/style.css").status, 200);
    assert_eq!(server.get("/activites.html").status, 200);
}
