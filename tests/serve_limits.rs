//! `livret serve` under misuse: requests addressed to another host, connections that never send
//! their request, more connections than it keeps open, and an output folder another writer holds.
//! Every wait is bounded; no test asserts a duration.

#[allow(dead_code)] // the helpers the other test files use
mod common;

use std::fs;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;

use common::server::*;

const FORMATION: &str = "content/pages/formation.md";

/// Sends `head` (the request line and headers, without the final empty line unless given) on a
/// new connection and returns the connection.
fn send(server: &Server, head: &str) -> TcpStream {
    let stream = TcpStream::connect(&server.address).unwrap();
    stream.set_read_timeout(Some(TIMEOUT)).unwrap();
    (&stream).write_all(head.as_bytes()).unwrap();
    stream
}

/// The status code of the response that comes on `stream`.
fn status(mut stream: TcpStream) -> u16 {
    let mut response = String::new();
    let _ = stream.read_to_string(&mut response);
    let code = response.split(' ').nth(1).and_then(|s| s.parse().ok());
    code.unwrap_or_else(|| panic!("no response: {response:?}"))
}

#[test]
fn only_requests_addressed_to_the_server_are_answered() {
    let server = Server::start(&["content"]);
    let port = server.address.rsplit(':').next().unwrap().to_owned();
    let get = |host: Option<&str>| {
        let host = host.map(|h| format!("Host: {h}\r\n")).unwrap_or_default();
        let head = format!("GET / HTTP/1.1\r\n{host}Connection: close\r\n\r\n");
        status(send(&server, &head))
    };
    for allowed in [
        format!("localhost:{port}"),
        format!("127.0.0.1:{port}"),
        server.address.clone(),
    ] {
        assert_eq!(get(Some(&allowed)), 200, "Host: {allowed}");
    }
    // A page of another site whose name was pointed at 127.0.0.1 (DNS rebinding) sends its own name.
    for refused in [
        format!("attacker.example:{port}"),
        format!("127.0.0.1.nip.io:{port}"),
        "127.0.0.1:1".to_owned(),
    ] {
        assert_eq!(get(Some(&refused)), 400, "Host: {refused}");
    }
    assert_eq!(get(None), 400, "no Host");
}

#[test]
fn a_request_whose_headers_never_end_is_closed() {
    let server = Server::start(&["content"]);
    let mut stream = send(
        &server,
        &format!("GET / HTTP/1.1\r\nHost: {}\r\nX-Slow: ", server.address),
    );
    // The server closes it (with or without a response) before the test's own timeout.
    let mut buffer = Vec::new();
    let ended = stream.read_to_end(&mut buffer);
    assert!(
        ended.is_ok(),
        "the half-sent request was still open after {TIMEOUT:?}: {ended:?}"
    );
    // And it still serves everyone else.
    assert_eq!(server.get("/").status, 200);
}

/// The sockets a process has open, from /proc.
#[cfg(target_os = "linux")]
fn sockets(pid: u32) -> usize {
    fs::read_dir(format!("/proc/{pid}/fd"))
        .unwrap()
        .flatten()
        .filter(|fd| {
            fs::read_link(fd.path())
                .is_ok_and(|target| target.to_string_lossy().starts_with("socket:"))
        })
        .count()
}

#[cfg(target_os = "linux")]
#[test]
fn idle_connections_beyond_the_cap_wait_to_be_accepted() {
    const CAP: usize = 128; // src/serve/listen.rs
    let server = Server::start(&["content"]);
    let idle: Vec<TcpStream> = (0..CAP + 72)
        .map(|_| TcpStream::connect(&server.address).unwrap())
        .collect();
    // The listener, and a few the test's own requests may hold: never one per idle connection.
    let open = wait_until("the server to accept up to its cap", || {
        let open = sockets(server.child.id());
        if open >= CAP {
            Ok(open)
        } else {
            Err(format!("{open} sockets"))
        }
    });
    assert!(
        open <= CAP + 4,
        "{open} sockets open for {} connections",
        idle.len()
    );
    drop(idle);
    assert_eq!(server.get("/").status, 200);
}

#[test]
fn a_write_blocked_by_another_writer_is_reported_and_retried_by_the_next_rebuild() {
    let server = Server::launch(&["content"], &[], &[("LIVRET_LOCK_WAIT", "0.5")], |_| {});
    let lock_file = server.root.join(".public.livret-lock");
    // Another writer (a deploy script's `livret build`, say) holds the output folder.
    let held = livret::output::OutputLock::acquire(&lock_file, &server.output()).unwrap();
    let mark = server.mark();
    append(&server.path(FORMATION), "\nPremière modification.\n");
    let line = server.wait_for_line(mark, "was NOT updated");
    assert!(line.contains("the next rebuild writes it again"), "{line}");
    // The preview has the edit; the folder does not.
    assert!(
        server
            .page("/formation.html")
            .contains("Première modification")
    );
    let written = fs::read_to_string(server.output().join("formation.html")).unwrap();
    assert!(!written.contains("Première modification"));
    drop(held);
    let mark = server.mark();
    append(&server.path(FORMATION), "\nSeconde modification.\n");
    server.wait_for_rebuild(mark);
    let written = fs::read_to_string(server.output().join("formation.html")).unwrap();
    assert!(written.contains("Première modification") && written.contains("Seconde modification"));
    assert_equals_full_build(&server);
    assert!(Path::new(&lock_file).exists());
}

#[test]
fn a_number_out_of_range_saved_while_serving_is_an_error_not_a_crash() {
    const ACTIVITY: &str = "content/activities/analyse-article.yaml";
    let mut server = Server::start(&["content"]);
    let events = server.events();
    let good = server.read(ACTIVITY);
    let huge = good.replacen("        lines: 1\n", "        lines: 4000000000\n", 1);
    assert_ne!(huge, good, "no `lines: 1` to change");
    save(&server.path(ACTIVITY), &huge);
    let shown = events.expect("failed");
    assert!(
        shown.contains("`lines` is 4000000000, out of its range"),
        "{shown}"
    );
    assert!(
        server.child.try_wait().unwrap().is_none(),
        "the server stopped"
    );
    assert_eq!(
        server.get("/").status,
        200,
        "the last good site is no longer served"
    );
    save(&server.path(ACTIVITY), &good);
    events.expect("reload");
}
