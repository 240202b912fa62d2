//! The HTTP side of `livret serve`: the site from memory, the reload script and its event stream.
//!
//! Pages are served from the last good build held in memory, swapped whole after each rebuild, so a
//! request sees the old site or the new one, never a half-written page, and nothing outside the
//! build can be reached: a request path is decoded and checked (no `..`, backslash, NUL, absolute
//! or over-long path) and then only looked up among the built files. HTML responses get the
//! reload script; the files on disk never do. This module knows nothing of building.

use std::collections::HashMap;
use std::convert::Infallible;
use std::sync::Arc;

use bytes::Bytes;

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio::sync::{RwLock, broadcast};
use tokio_stream::wrappers::BroadcastStream;
use tokio_stream::{Stream, StreamExt};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::catalogue::{Lang, Message as CatalogueMessage};
use crate::render::OutputFile;

/// Where the serve-only routes live; no built file can be there (no site path starts with `__`).
pub const RELOAD_SCRIPT: &str = "/__livret/reload.js";
pub const EVENTS: &str = "/__livret/events";

/// Request paths longer than this are refused (404) before any lookup.
const MAX_PATH: usize = 1024;

/// What the browser is told after a rebuild.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// Reload the page.
    Reload,
    /// Swap the stylesheets only.
    Css,
    /// The rebuild failed: show these diagnostics over the last good page.
    Failed(String),
}

impl Message {
    fn event(&self) -> Event {
        match self {
            Message::Reload => Event::default().event("reload").data("reload"),
            Message::Css => Event::default().event("css").data("css"),
            Message::Failed(text) => Event::default().event("failed").data(text),
        }
    }
}

/// The site being served and the channel to the browsers.
pub struct Served {
    files: RwLock<Arc<HashMap<String, Bytes>>>,
    /// The last build's failure, shown to browsers that connect while it stands.
    failure: RwLock<Option<String>>,
    messages: broadcast::Sender<Message>,
    /// The reload script, its overlay's words in the reader's language.
    script: String,
    lang: Lang,
}

impl Served {
    pub fn new(files: &[OutputFile], lang: Lang) -> Arc<Served> {
        let (messages, _) = broadcast::channel(64);
        Arc::new(Served {
            files: RwLock::new(Arc::new(index(files))),
            failure: RwLock::new(None),
            messages,
            script: reload_script_in(lang),
            lang,
        })
    }

    /// Swaps in a new build and tells the browsers.
    pub async fn publish(&self, files: &[OutputFile], message: Message) {
        *self.files.write().await = Arc::new(index(files));
        *self.failure.write().await = None;
        let _ = self.messages.send(message);
    }

    /// Keeps the last good build and shows the failure in the browsers.
    pub async fn fail(&self, diagnostics: String) {
        *self.failure.write().await = Some(diagnostics.clone());
        let _ = self.messages.send(Message::Failed(diagnostics));
    }
}

fn index(files: &[OutputFile]) -> HashMap<String, Bytes> {
    files
        .iter()
        .map(|f| (f.path.clone(), f.bytes.clone()))
        .collect()
}

pub fn router(served: Arc<Served>) -> Router {
    Router::new()
        .route(RELOAD_SCRIPT, get(reload_script))
        .route(EVENTS, get(events))
        .fallback(get(file))
        .with_state(served)
        // A preview must always show the latest build.
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
}

/// The reload script with the overlay's words from the catalogue (as JSON strings, so no text can
/// break the script).
fn reload_script_in(lang: Lang) -> String {
    let word = |id| serde_json::to_string(&CatalogueMessage::new(id).text(lang));
    include_str!("reload.js")
        .replace(
            "\"__FAILED_TITLE__\"",
            &word("serve-overlay-title").unwrap_or_default(),
        )
        .replace(
            "\"__HIDE__\"",
            &word("serve-overlay-hide").unwrap_or_default(),
        )
}

async fn reload_script(State(served): State<Arc<Served>>) -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        served.script.clone(),
    )
        .into_response()
}

async fn events(
    State(served): State<Arc<Served>>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    // A browser connecting while a build has failed sees the overlay at once.
    let current = served.failure.read().await.clone().map(Message::Failed);
    let updates = BroadcastStream::new(served.messages.subscribe()).filter_map(Result::ok);
    let stream = tokio_stream::iter(current)
        .chain(updates)
        .map(|m| Ok(m.event()));
    Sse::new(stream).keep_alive(KeepAlive::default())
}

async fn file(State(served): State<Arc<Served>>, uri: Uri) -> Response {
    let files = served.files.read().await.clone();
    if files.is_empty() {
        // No good build yet: a page that shows the failure and reloads when it is fixed.
        let page = format!(
            "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\">\
             <title>livret serve</title></head><body></body></html>",
            served.lang.code()
        );
        return respond(
            StatusCode::SERVICE_UNAVAILABLE,
            "index.html",
            page.as_bytes(),
        );
    }
    let found =
        site_path(uri.path()).and_then(|path| files.get(&path).map(|bytes| (path, bytes.clone())));
    match found {
        Some((path, bytes)) => respond(StatusCode::OK, &path, &bytes),
        None => match files.get("404.html") {
            Some(page) => respond(StatusCode::NOT_FOUND, "404.html", page),
            None => {
                let text = CatalogueMessage::new("serve-not-found").text(served.lang);
                (StatusCode::NOT_FOUND, text).into_response()
            }
        },
    }
}

fn respond(status: StatusCode, path: &str, bytes: &[u8]) -> Response {
    let content_type = content_type(path);
    let body = if content_type.starts_with("text/html") {
        Body::from(inject_reload(bytes))
    } else {
        Body::from(bytes.to_vec())
    };
    let mut response = (status, body).into_response();
    if let Ok(value) = HeaderValue::from_str(&content_type) {
        response.headers_mut().insert(header::CONTENT_TYPE, value);
    }
    response
}

/// The media type of a built file, with `charset=utf-8` for text.
pub fn content_type(path: &str) -> String {
    let extension = path.rsplit_once('.').map_or("", |(_, e)| e);
    let known = crate::render::documents::FORMATS
        .iter()
        .find(|f| f.extension == extension)
        .map(|f| f.media_type.to_owned());
    let media = known.unwrap_or_else(|| {
        mime_guess::from_ext(extension)
            .first_or_octet_stream()
            .to_string()
    });
    let textual = media.starts_with("text/")
        || media == "application/json"
        || media == "application/javascript"
        || media == "image/svg+xml";
    if textual {
        format!("{media}; charset=utf-8")
    } else {
        media
    }
}

/// Adds the reload script before `</body>` (or at the end).
fn inject_reload(html: &[u8]) -> Vec<u8> {
    let tag = format!("<script src=\"{RELOAD_SCRIPT}\"></script>");
    let text = String::from_utf8_lossy(html);
    let at = text.rfind("</body>").unwrap_or(text.len());
    let mut out = String::with_capacity(text.len() + tag.len());
    out.push_str(&text[..at]);
    out.push_str(&tag);
    out.push_str(&text[at..]);
    out.into_bytes()
}

/// The built file a request path names, or `None` for anything that could leave the site: the
/// path is percent-decoded once and must be relative, without `..`, `.`, empty segments inside,
/// backslashes, NUL or other control characters, and not over-long. A folder means its index.
pub fn site_path(request: &str) -> Option<String> {
    if request.len() > MAX_PATH || !request.starts_with('/') {
        return None;
    }
    let decoded = percent_encoding::percent_decode_str(request)
        .decode_utf8()
        .ok()?;
    if decoded.len() > MAX_PATH
        || decoded.contains('\\')
        || decoded.chars().any(char::is_control)
        || decoded.starts_with("//")
    {
        return None;
    }
    let relative = &decoded[1..];
    let segments: Vec<&str> = relative.split('/').collect();
    let last = segments.len() - 1;
    for (i, segment) in segments.iter().enumerate() {
        let empty_inside = segment.is_empty() && i != last;
        if empty_inside || *segment == "." || *segment == ".." || segment.contains(':') {
            return None;
        }
    }
    Some(if relative.is_empty() || relative.ends_with('/') {
        format!("{relative}index.html")
    } else {
        relative.to_owned()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_paths_map_to_files_and_folders_to_their_index() {
        assert_eq!(site_path("/").as_deref(), Some("index.html"));
        assert_eq!(
            site_path("/activites/x.html").as_deref(),
            Some("activites/x.html")
        );
        assert_eq!(
            site_path("/documents/").as_deref(),
            Some("documents/index.html")
        );
        assert_eq!(
            site_path("/comp%C3%A9tences.html").as_deref(),
            Some("compétences.html")
        );
    }

    #[test]
    fn escaping_paths_are_refused() {
        for path in [
            "/../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/a/%2E%2E/%2E%2E/x",
            "/..%2fsecret",
            "/a%5c..%5cb",
            "/a\\b",
            "/%00index.html",
            "//etc/passwd",
            "/C:/Windows/win.ini",
            "/a//b",
            "/./index.html",
            "relative.html",
        ] {
            assert_eq!(site_path(path), None, "{path}");
        }
        assert_eq!(site_path(&format!("/{}", "a".repeat(2000))), None);
    }

    #[test]
    fn media_types_carry_a_charset_for_text_and_documents_their_own() {
        assert_eq!(content_type("a.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("assets/style.css"), "text/css; charset=utf-8");
        assert_eq!(
            content_type("d/x.odt"),
            "application/vnd.oasis.opendocument.text"
        );
        assert!(content_type("d/x.docx").starts_with("application/vnd.openxmlformats"));
    }

    #[test]
    fn the_reload_script_goes_before_the_end_of_body() {
        let html = inject_reload(b"<html><body><p>x</p></body></html>");
        let html = String::from_utf8(html).unwrap();
        assert!(html.ends_with(&format!(
            "<script src=\"{RELOAD_SCRIPT}\"></script></body></html>"
        )));
    }
}
