//! `livret serve` driven from a test: the real binary on a free port in a temporary copy of the
//! repository's folders, plain HTTP/1.1 over `TcpStream` (pages, and the Server-Sent Events that
//! reload the browsers), and file edits. Every wait is bounded by [`TIMEOUT`].
#![allow(dead_code)] // not every serve test uses every helper

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use super::{copy_tree, tree};

/// The longest any awaited thing may take; generous for a debug build on a busy 2-core machine
/// (the first build of a 1,100-chapter project takes 15 s there alone, more beside other tests).
pub const TIMEOUT: Duration = Duration::from_secs(60);
pub const POLL: Duration = Duration::from_millis(20);

/// Calls `check` every [`POLL`] until it gives a value; panics after [`TIMEOUT`] with its last
/// complaint.
pub fn wait_until<T>(what: &str, mut check: impl FnMut() -> Result<T, String>) -> T {
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
pub fn assert_has(text: &str, needle: &str) {
    assert!(text.contains(needle), "{needle:?} not found in:\n{text}");
}

// ---------------------------------------------------------------------------------------------
// The server

/// A running `livret serve` in a temporary project; killed when dropped, so a failing test never
/// leaves one behind.
pub struct Server {
    pub child: Child,
    pub root: PathBuf,
    pub address: String,
    stdout: Arc<Mutex<Vec<String>>>,
    stderr: Arc<Mutex<Vec<String>>>,
    _dir: tempfile::TempDir,
}

impl Server {
    /// Copies `folders` of the repository (`content`, and `theme` if needed) into a new project
    /// and serves it.
    pub fn start(folders: &[&str]) -> Server {
        Server::launch(folders, &[], &[], |_| {})
    }

    /// The same with more arguments and environment variables, and `prepare` run on the project
    /// before the server starts.
    pub fn launch(
        folders: &[&str],
        arguments: &[&str],
        env: &[(&str, &str)],
        prepare: impl FnOnce(&Path),
    ) -> Server {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        for folder in folders {
            copy_tree(&super::root().join(folder), &root.join(folder));
        }
        prepare(&root);
        let mut args: Vec<&OsStr> = ["serve", "--port", "0", "--root"].map(OsStr::new).to_vec();
        args.push(root.as_os_str());
        args.extend(arguments.iter().map(OsStr::new));
        let mut child = super::process::command(&args, env)
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
        // The line that gives the address, in whichever language the test asked for.
        let line = server.wait_for_line(0, " http://127.0.0.1:");
        let url = line.split("http://").nth(1).unwrap();
        server.address = url.split('/').next().unwrap().to_owned();
        server.get("/"); // answered: the server, and its watcher, are running
        server
    }

    pub fn path(&self, relative: &str) -> PathBuf {
        self.root.join(relative)
    }

    pub fn read(&self, relative: &str) -> String {
        fs::read_to_string(self.path(relative)).unwrap()
    }

    pub fn output(&self) -> PathBuf {
        self.root.join("public")
    }

    /// How many lines the server has printed so far, to wait for the next ones.
    pub fn mark(&self) -> usize {
        self.stdout.lock().unwrap().len()
    }

    /// The first stdout line from the `since`-th on containing `needle`.
    pub fn wait_for_line(&self, since: usize, needle: &str) -> String {
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
    pub fn wait_for_rebuild(&self, since: usize) -> String {
        self.wait_for_line(since, " changed → ")
    }

    pub fn transcript(&self) -> String {
        let (out, err) = (self.stdout.lock().unwrap(), self.stderr.lock().unwrap());
        format!("\nstdout:\n{}\nstderr:\n{}", out.join("\n"), err.join("\n"))
    }

    /// `GET path`, sent as is (not normalised), on a connection of its own.
    pub fn get(&self, path: &str) -> Response {
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
    pub fn page(&self, path: &str) -> String {
        let response = self.get(path);
        assert_eq!(response.status, 200, "GET {path}{}", self.transcript());
        response.text()
    }

    /// A new connection to the event stream, subscribed when this returns.
    pub fn events(&self) -> Events {
        Events::open(&self.address)
    }

    /// Sends SIGINT (Ctrl-C) and waits for the exit.
    pub fn interrupt(&mut self) -> ExitStatus {
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

pub fn collect_lines(pipe: impl Read + Send + 'static) -> Arc<Mutex<Vec<String>>> {
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

pub struct Response {
    pub status: u16,
    pub head: String,
    pub body: Vec<u8>,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().skip(1).find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.eq_ignore_ascii_case(name).then(|| value.trim())
        })
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Sends `GET path` and reads the response head; returns it, the reader positioned on the body,
/// and whether the body is chunked.
pub fn request(address: &str, path: &str, headers: &str) -> (String, BufReader<TcpStream>, bool) {
    let stream = TcpStream::connect(address).unwrap();
    stream.set_read_timeout(Some(TIMEOUT)).unwrap();
    let request = format!("GET {path} HTTP/1.1\r\nHost: {address}\r\n{headers}\r\n");
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
pub fn body_piece(reader: &mut BufReader<TcpStream>, chunked: bool) -> Option<Vec<u8>> {
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
pub struct Events {
    stream: TcpStream,
    received: Receiver<(String, String)>,
}

impl Events {
    pub fn open(address: &str) -> Events {
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
    pub fn expect(&self, name: &str) -> String {
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

/// Asserts that the output folder the server wrote is, file by file, what `livret build` of the
/// same sources writes.
#[track_caller]
pub fn assert_equals_full_build(server: &Server) {
    let other = tempfile::tempdir().unwrap();
    let run = Command::new(env!("CARGO_BIN_EXE_livret"))
        .env("LIVRET_LANG", "en")
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
pub fn with_unknown_key(yaml: &str, key: &str) -> String {
    let broken = yaml.replacen("order: 2\n", &format!("order: 2\n{key}: 1\n"), 1);
    assert_ne!(broken, yaml, "no `order: 2` line to break");
    broken
}

/// Appends to a file in place (one write, no truncation), as a simple editor saves.
pub fn append(path: &Path, text: &str) {
    let mut file = fs::OpenOptions::new().append(true).open(path).unwrap();
    file.write_all(text.as_bytes()).unwrap();
}

/// Replaces a file by writing `NAME.tmp` and renaming it over `NAME`, as vim or JetBrains save.
/// Every whole-file rewrite here goes this way, so the server never sees a half-written file.
pub fn save(path: &Path, text: &str) {
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(".tmp");
    fs::write(&temporary, text).unwrap();
    fs::rename(&temporary, path).unwrap();
}
