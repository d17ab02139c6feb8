//! The versioned JSON API for other scanners (issue 4, item 6), documented in the
//! README:
//!
//! - `GET /api/v1/badges/{token}` → `{"consent":"green"|"red","event":"<event id>"}`;
//!   public like the badge page (the token is the key), no personal data, limited per
//!   client address (429 past the limit); unknown tokens 404 `{"error":"unknown_badge"}`.
//! - `POST /api/v1/scans` with `{"scans":[{"client_scan_id","token","device_time",
//!   "shown"}]}` → `{"scans":[{"client_scan_id","consent"}]}` for a signed-in
//!   photographer, organiser or admin (session cookie from `/api/auth/login`). Uploads
//!   are idempotent by `client_scan_id`.

use app::api::guard::{AnyUser, User};
use app::domain::AppState;
use app::types::{Consent, ScanAck, ScanIn};
use axum::extract::{ConnectInfo, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use std::net::SocketAddr;

/// `{"error": code}`, the documented shape of this versioned API (README).
fn error(status: StatusCode, code: &str) -> Response {
    (status, Json(serde_json::json!({ "error": code }))).into_response()
}

#[derive(Serialize)]
struct Verdict {
    consent: Consent,
    event: String,
}

pub async fn badge(
    State(state): State<AppState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    headers: axum::http::HeaderMap,
    Path(token): Path<String>,
) -> Response {
    let key = format!("ip:{}", state.client_key(addr.ip(), &headers));
    if state.verdict_by_ip.is_blocked(&key) {
        return error(StatusCode::TOO_MANY_REQUESTS, "rate_limited");
    }
    state.verdict_by_ip.record(&key);
    let Some(token) = app::types::BadgeToken::from_scan(&token) else {
        return error(StatusCode::NOT_FOUND, "unknown_badge");
    };
    match app::domain::scans::verdict(&state.store, token).await {
        Ok(Some((consent, event))) => Json(Verdict {
            consent,
            event: event.into_string(),
        })
        .into_response(),
        Ok(None) => error(StatusCode::NOT_FOUND, "unknown_badge"),
        Err(e) => {
            tracing::error!(error = %e, "verdict lookup failed");
            error(StatusCode::INTERNAL_SERVER_ERROR, "server")
        }
    }
}

#[derive(Deserialize)]
pub struct ScansBody {
    scans: Vec<ScanIn>,
}

#[derive(Serialize)]
struct ScansReply {
    scans: Vec<ScanAck>,
}

pub async fn scans(
    State(state): State<AppState>,
    user: User<AnyUser>,
    body: Result<Json<ScansBody>, axum::extract::rejection::JsonRejection>,
) -> Response {
    let Ok(Json(body)) = body else {
        return error(StatusCode::BAD_REQUEST, "malformed_request");
    };
    let scans = match app::domain::scans::validate(body.scans) {
        Ok(s) => s,
        // A unit `BadInput` serialises as its code: `{"error":"scan_id_invalid"}`.
        Err(problem) => {
            let body = Json(serde_json::json!({ "error": problem }));
            return (StatusCode::BAD_REQUEST, body).into_response();
        }
    };
    let today = state.now.today();
    match app::domain::scans::record(&state.store, user.actor(), user.id, scans, today).await {
        Ok(acks) => Json(ScansReply { scans: acks }).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "storing scans failed");
            error(StatusCode::INTERNAL_SERVER_ERROR, "server")
        }
    }
}
