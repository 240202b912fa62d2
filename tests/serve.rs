//! `livret serve`, end to end: the real binary on a free port in a temporary copy of `content/`,
//! driven with file edits and plain HTTP/1.1 over `TcpStream` (pages, and the Server-Sent Events
//! that reload the browsers). Every wait is bounded by [`TIMEOUT`]; no test asserts a duration
//! (reload latency is measured by `bench/reload-latency.py`).

#[allow(dead_code)] // the helpers the other test files use
mod common;

use std::collections::BTreeMap;
use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// The longest any awaited thing may take; generous for a debug build on a busy 2-core machine.
const TIMEOUT: Duration = Duration::from_secs(20);
const POLL: Duration = Duration::from_millis(20);

const FORMATION: &str = "content/pages/formation.md";
const SITOGRAPHIE: &str = "content/activities/sitographie.yaml";
const SITOGRAPHIE_PAGE: &str = "/activites/sitographie.html";

/// Calls `check` every [`POLL`] until it gives a value; panics after [`TIMEOUT`] with its last
/// complaint.
fn wait_until<T>(what: &str, mut check: impl FnMut() -> Result<T, String>) -> T {
    let started = Instant::now();
    loop {
        match check() {
            Ok(value) => return value,
            Err(last) if started.elapsed() > TIMEOUT => {
                panic!("gave up after {TIMEOUT:?} waiting for {what}; last seen: {last}")
            }
            Err(_) => thread::sleep(POLL),
        }
    }
}

#[track_caller]
fn assert_has(text: &str, needle: &str) {
    assert!(text.contains(needle), "{needle:?} not found in:\n{text}");
}

// ---------------------------------------------------------------------------------------------
// The server

/// A running `livret serve` in a temporary project; killed when dropped, so a failing test never
/// leaves one behind.
struct Server {
    child: Child,
    root: PathBuf,
    address: String,
    stdout: Arc<Mutex<Vec<String>>>,
    stderr: Arc<Mutex<Vec<String>>>,
    _dir: tempfile::TempDir,
}

impl Server {
    /// Copies `folders` of the repository (`content`, and `theme` if needed) into a new project
    /// and serves it.
    fn start(folders: &[&str]) -> Server {
        Server::launch(folders, &[], |_| {})
    }

    /// The same with more arguments, and `prepare` run on the project before the server starts.
    fn launch(folders: &[&str], arguments: &[&str], prepare: impl FnOnce(&Path)) -> Server {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        for folder in folders {
            copy_tree(&common::root().join(folder), &root.join(folder));
        }
        prepare(&root);
        let mut child = Command::new(env!("CARGO_BIN_EXE_livret"))
            .args(["serve", "--port", "0", "--root"])
            .arg(&root)
            .args(arguments)
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("cannot start livret serve");
        let stdout = collect_lines(child.stdout.take().unwrap());
        let stderr = collect_lines(child.stderr.take().unwrap());
        let address = String::new();
        let mut server = Server {
            child,
            root,
            address,
            stdout,
            stderr,
            _dir: dir,
        };
        let line = server.wait_for_line(0, "livret: serving http://");
        let url = line.split("http://").nth(1).unwrap();
        server.address = url.split('/').next().unwrap().to_owned();
        server.get("/"); // answered: the server, and its watcher, are running
        server
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.root.join(relative)
    }

    fn read(&self, relative: &str) -> String {
        fs::read_to_string(self.path(relative)).unwrap()
    }

    fn output(&self) -> PathBuf {
        self.root.join("public")
    }

    /// How many lines the server has printed so far, to wait for the next ones.
    fn mark(&self) -> usize {
        self.stdout.lock().unwrap().len()
    }

    /// The first stdout line from the `since`-th on containing `needle`.
    fn wait_for_line(&self, since: usize, needle: &str) -> String {
        wait_until(&format!("a line with {needle:?}"), || {
            let lines = self.stdout.lock().unwrap();
            let found = lines
                .iter()
                .skip(since)
                .find(|l| l.contains(needle))
                .cloned();
            drop(lines); // the transcript locks it again
            found.ok_or_else(|| self.transcript())
        })
    }

    /// The line reporting the first rebuild after `since`.
    fn wait_for_rebuild(&self, since: usize) -> String {
        self.wait_for_line(since, " changed → ")
    }

    fn transcript(&self) -> String {
        let (out, err) = (self.stdout.lock().unwrap(), self.stderr.lock().unwrap());
        format!("\nstdout:\n{}\nstderr:\n{}", out.join("\n"), err.join("\n"))
    }

    /// `GET path`, sent as is (not normalised), on a connection of its own.
    fn get(&self, path: &str) -> Response {
        let (head, mut reader, chunked) = request(&self.address, path, "Connection: close\r\n");
        let mut body = Vec::new();
        while let Some(piece) = body_piece(&mut reader, chunked) {
            body.extend(piece);
        }
        let status = head.split(' ').nth(1).and_then(|s| s.parse().ok());
        let status = status.unwrap_or_else(|| panic!("GET {path}: bad response {head}"));
        Response { status, head, body }
    }

    /// The text of a page that must be found.
    fn page(&self, path: &str) -> String {
        let response = self.get(path);
        assert_eq!(response.status, 200, "GET {path}{}", self.transcript());
        response.text()
    }

    /// A new connection to the event stream, subscribed when this returns.
    fn events(&self) -> Events {
        Events::open(&self.address)
    }

    /// Sends SIGINT (Ctrl-C) and waits for the exit.
    fn interrupt(&mut self) -> ExitStatus {
        let pid = self.child.id().to_string();
        let kill = Command::new("kill").args(["-INT", &pid]).status();
        assert!(kill.unwrap().success());
        let child = &mut self.child;
        wait_until("the server to stop after SIGINT", || {
            child.try_wait().unwrap().ok_or("still running".into())
        })
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn collect_lines(pipe: impl Read + Send + 'static) -> Arc<Mutex<Vec<String>>> {
    let lines = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&lines);
    thread::spawn(move || {
        for line in BufReader::new(pipe).lines().map_while(Result::ok) {
            sink.lock().unwrap().push(line);
        }
    });
    lines
}

// ---------------------------------------------------------------------------------------------
// HTTP/1.1 and Server-Sent Events

struct Response {
    status: u16,
    head: String,
    body: Vec<u8>,
}

impl Response {
    fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().skip(1).find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.eq_ignore_ascii_case(name).then(|| value.trim())
        })
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Sends `GET path` and reads the response head; returns it, the reader positioned on the body,
/// and whether the body is chunked.
fn request(address: &str, path: &str, headers: &str) -> (String, BufReader<TcpStream>, bool) {
    let stream = TcpStream::connect(address).unwrap();
    stream.set_read_timeout(Some(TIMEOUT)).unwrap();
    let request = format!("GET {path} HTTP/1.1\r\nHost: x\r\n{headers}\r\n");
    (&stream).write_all(request.as_bytes()).unwrap();
    let mut reader = BufReader::new(stream);
    let mut head = String::new();
    while reader.read_line(&mut head).unwrap() > 2 {} // up to the empty line
    let chunked = head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked");
    (head, reader, chunked)
}

/// The next piece of a body (a chunk if `chunked`), `None` at its end.
fn body_piece(reader: &mut BufReader<TcpStream>, chunked: bool) -> Option<Vec<u8>> {
    let mut piece = vec![0; 8192];
    if chunked {
        let mut line = String::new();
        reader.read_line(&mut line).ok()?;
        let size = usize::from_str_radix(line.trim().split(';').next()?, 16).ok()?;
        piece.resize(size + 2, 0); // with its CRLF
        reader.read_exact(&mut piece).ok()?;
        piece.truncate(size);
    } else {
        let read = reader.read(&mut piece).ok()?;
        piece.truncate(read);
    }
    (!piece.is_empty()).then_some(piece)
}

/// An open `/__livret/events` stream; a thread parses it into (event, data) pairs.
struct Events {
    stream: TcpStream,
    received: Receiver<(String, String)>,
}

impl Events {
    fn open(address: &str) -> Events {
        let (head, mut reader, chunked) = request(address, "/__livret/events", "");
        let ok = head.starts_with("HTTP/1.1 200") && head.contains("text/event-stream");
        assert!(ok, "event stream refused:\n{head}");
        let stream = reader.get_ref().try_clone().unwrap();
        stream.set_read_timeout(None).unwrap(); // the thread ends when the stream closes
        let (send, received) = mpsc::channel();
        thread::spawn(move || {
            let (mut pending, mut event, mut data) = (Vec::new(), String::new(), Vec::new());
            while let Some(piece) = body_piece(&mut reader, chunked) {
                pending.extend(piece);
                while let Some(end) = pending.iter().position(|&b| b == b'\n') {
                    let line: Vec<u8> = pending.drain(..=end).collect();
                    let line = String::from_utf8_lossy(&line);
                    let line = line.trim_end_matches(['\r', '\n']);
                    let value = |v: &str| v.strip_prefix(' ').unwrap_or(v).to_owned();
                    match line.split_once(':') {
                        _ if line.is_empty() && !data.is_empty() => {
                            let complete = (std::mem::take(&mut event), data.join("\n"));
                            data.clear();
                            if send.send(complete).is_err() {
                                return;
                            }
                        }
                        Some(("event", name)) => event = value(name),
                        Some(("data", text)) => data.push(value(text)),
                        _ => {} // `:` comments (keep-alive) and other fields
                    }
                }
            }
        });
        Events { stream, received }
    }

    /// The next event, which must be `name`; returns its data.
    #[track_caller]
    fn expect(&self, name: &str) -> String {
        let received = self.received.recv_timeout(TIMEOUT);
        let (event, data) = received.unwrap_or_else(|e| panic!("no {name:?} event: {e}"));
        assert_eq!(event, name, "another event came first; its data:\n{data}");
        data
    }
}

impl Drop for Events {
    fn drop(&mut self) {
        let _ = self.stream.shutdown(Shutdown::Both);
    }
}

// ---------------------------------------------------------------------------------------------
// Files

/// Every file under `dir`, as paths relative to it.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.strip_prefix(dir).unwrap().to_path_buf();
        if path.is_dir() {
            found.extend(files(&path).into_iter().map(|p| name.join(p)));
        } else {
            found.push(name);
        }
    }
    found
}

fn copy_tree(from: &Path, to: &Path) {
    for file in files(from) {
        fs::create_dir_all(to.join(&file).parent().unwrap()).unwrap();
        fs::copy(from.join(&file), to.join(&file)).unwrap();
    }
}

/// Every file under `dir`: relative path → bytes.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let read = |file: PathBuf| {
        (
            file.display().to_string(),
            fs::read(dir.join(file)).unwrap(),
        )
    };
    files(dir).into_iter().map(read).collect()
}

/// Asserts that the output folder the server wrote is, file by file, what `livret build` of the
/// same sources writes.
#[track_caller]
fn assert_equals_full_build(server: &Server) {
    let other = tempfile::tempdir().unwrap();
    let run = Command::new(env!("CARGO_BIN_EXE_livret"))
        .args(["build", "--root"])
        .arg(&server.root)
        .arg("--output")
        .arg(other.path().join("site"))
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "full build failed: {stderr}");
    let (served, full) = (tree(&server.output()), tree(&other.path().join("site")));
    let names = |t: &BTreeMap<String, Vec<u8>>| t.keys().cloned().collect::<Vec<_>>();
    assert_eq!(names(&served), names(&full), "not the same files");
    let differing: Vec<&String> = full.keys().filter(|k| served[*k] != full[*k]).collect();
    assert!(differing.is_empty(), "unlike a full build: {differing:?}");
}

/// An activity file with an unknown `key` on its line 4.
fn with_unknown_key(yaml: &str, key: &str) -> String {
    let broken = yaml.replacen("order: 2\n", &format!("order: 2\n{key}: 1\n"), 1);
    assert_ne!(broken, yaml, "no `order: 2` line to break");
    broken
}

/// Appends to a file in place (one write, no truncation), as a simple editor saves.
fn append(path: &Path, text: &str) {
    let mut file = fs::OpenOptions::new().append(true).open(path).unwrap();
    file.write_all(text.as_bytes()).unwrap();
}

/// Replaces a file by writing `NAME.tmp` and renaming it over `NAME`, as vim or JetBrains save.
/// Every whole-file rewrite here goes this way, so the server never sees a half-written file.
fn save(path: &Path, text: &str) {
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(".tmp");
    fs::write(&temporary, text).unwrap();
    fs::rename(&temporary, path).unwrap();
}

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
    assert_has(&server.page("/__livret/reload.js"), "/__livret/events");
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
    assert_has(&line, "1 error(s); the last good site is still served");
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
    assert_has(&data, &format!("{SITOGRAPHIE}:4:"));
    assert_has(&data, "unknown key `couleur`");
    let line = server.wait_for_rebuild(mark);
    assert_has(&line, "1 error(s); the last good site is still served");
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
    fs::remove_file(server.path("content/pages/matrice.md")).unwrap();
    wait_for("/nouveau.html", "/matrice.html");
    assert_has(&server.page("/nouveau.html"), "Une page toute neuve.");
    assert_has(&server.page("/"), "Nouvelle page"); // in the menu

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
    for page in [FORMATION, "content/index.md"] {
        let mark = server.mark();
        append(&server.path(page), "\nUn ajout en fin de page.\n");
        events.expect("reload");
        assert_has(&server.wait_for_rebuild(mark), "→ 1 page re-rendered");
        assert_equals_full_build(&server);
    }
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
    assert_has(&line, "1 error(s); the last good site is still served");
    server.events().expect("failed");
}

#[test]
fn a_project_broken_at_start_is_served_once_fixed() {
    let break_it = |root: &Path| {
        let sitographie = root.join(SITOGRAPHIE);
        let good = fs::read_to_string(&sitographie).unwrap();
        fs::write(sitographie, with_unknown_key(&good, "x")).unwrap();
    };
    let server = Server::launch(&["content"], &[], break_it);
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
    let server = Server::launch(&["content"], &["--poll"], |_| {});
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
