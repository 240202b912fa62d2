//! The preview's connections: who may talk to it and for how long.
//!
//! Only requests whose `Host` names this server get an answer (others get 400), so that a web
//! page in the same browser cannot read the preview through a domain name it points at
//! 127.0.0.1 (DNS rebinding). A connection must send its request headers within a few seconds,
//! and at most [`MAX_CONNECTIONS`] are open at once (more wait to be accepted), so half-sent
//! requests cannot pile up. This module knows nothing of the site; `http` answers the requests.

use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{StatusCode, header, uri::Authority};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

use crate::catalogue::Lang;

/// Connections open at once: a few browser tabs need a dozen.
pub const MAX_CONNECTIONS: usize = 128;

/// Time a connection has to send its request headers (and an idle one to send its next request).
pub const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);

/// The names a request's `Host` may give this server.
#[derive(Debug, Clone, Copy)]
pub struct Hosts {
    /// The address the server listens on.
    pub bind: IpAddr,
    /// The port it listens on.
    pub port: u16,
    /// The language of the refusal.
    pub lang: Lang,
}

impl Hosts {
    /// Whether `host` (a `Host` header's value) names this server: `localhost`, a loopback
    /// address or the bound one, with the server's port (none for port 80). A server bound to
    /// every address answers any address written as such, never a domain name: rebinding needs
    /// a name.
    pub fn allow(&self, host: &str) -> bool {
        let Ok(authority) = host.parse::<Authority>() else {
            return false;
        };
        let port_matches = match authority.port_u16() {
            Some(port) => port == self.port,
            None => self.port == 80,
        };
        let name = authority.host();
        let address = name
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<IpAddr>();
        let name_matches = match address {
            Ok(address) => {
                address.is_loopback() || address == self.bind || self.bind.is_unspecified()
            }
            Err(_) => name.eq_ignore_ascii_case("localhost"),
        };
        port_matches && name_matches
    }
}

/// Adds the `Host` check in front of `app`.
pub fn guard(app: Router, hosts: Hosts) -> Router {
    app.layer(middleware::from_fn_with_state(hosts, check_host))
}

async fn check_host(State(hosts): State<Hosts>, request: Request, next: Next) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|value| value.to_str().ok());
    match host {
        Some(host) if hosts.allow(host) => next.run(request).await,
        _ => (
            StatusCode::BAD_REQUEST,
            crate::msg!("serve-wrong-host").text(hosts.lang),
        )
            .into_response(),
    }
}

/// Accepts connections and serves `app` on each, within the limits above, until dropped.
pub async fn run(listener: TcpListener, app: Router) {
    let slots = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    loop {
        let Ok(slot) = Arc::clone(&slots).acquire_owned().await else {
            return;
        };
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            // Out of file descriptors or a connection reset before it was accepted: wait a
            // moment rather than spin.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let service = TowerToHyperService::new(app.clone());
        tokio::spawn(async move {
            let _slot = slot;
            let mut builder = hyper::server::conn::http1::Builder::new();
            builder
                .timer(TokioTimer::new())
                .header_read_timeout(HEADER_READ_TIMEOUT);
            // A connection's errors (a client gone, a timeout) end that connection only.
            let _ = builder
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_names_of_this_server_are_allowed() {
        let local = Hosts {
            bind: "127.0.0.1".parse().unwrap(),
            port: 1111,
            lang: Lang::En,
        };
        for host in [
            "127.0.0.1:1111",
            "localhost:1111",
            "LocalHost:1111",
            "[::1]:1111",
        ] {
            assert!(local.allow(host), "{host}");
        }
        for host in [
            "evil.example:1111",
            "127.0.0.1.nip.io:1111",
            "localhost.evil.example:1111",
            "127.0.0.1:2222",
            "127.0.0.1",
            "192.168.1.10:1111",
            "",
            "localhost:1111/x",
        ] {
            assert!(!local.allow(host), "{host}");
        }
        let network = Hosts {
            bind: "0.0.0.0".parse().unwrap(),
            port: 80,
            lang: Lang::En,
        };
        assert!(network.allow("192.168.1.10"));
        assert!(!network.allow("intranet.example"));
    }
}
