//! `GET /b/{token}/badge.png`: an attendee's badge as a PNG at 300 dpi, for organisers
//! who print it from elsewhere (issue 3, item 6). Only the organiser of the attendee's
//! event (or an admin) gets it; reading it is audited (`attendee.badge`). The verdict
//! page `/b/{token}` stays the Leptos route it is.
//!
//! Answers are plain: 401 without a session, 403 for other roles and kiosks, 404 for an
//! unknown token or another organiser's attendee, 409 before any consent decision.
//! Nothing here logs the token or names; the trace layer logs the route template only.

use app::api::guard::{authorize, principal_of, AuthRefusal, MANAGERS};
use app::domain::badge_png::render_png;
use app::domain::badges::badge_for_attendee;
use app::domain::{Actor, AppState, StoreError};
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use tower_sessions::Session;

pub async fn badge_png(
    State(state): State<AppState>,
    session: Session,
    Path(token): Path<String>,
) -> Response {
    match badge(&state, &session, token).await {
        Ok(png) => {
            let mut res = png.into_response();
            let h = res.headers_mut();
            h.insert(header::CONTENT_TYPE, HeaderValue::from_static("image/png"));
            h.insert(
                header::CONTENT_DISPOSITION,
                HeaderValue::from_static("inline; filename=\"badge.png\""),
            );
            h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            h.insert(
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            );
            res
        }
        Err(res) => res,
    }
}

async fn badge(state: &AppState, session: &Session, token: String) -> Result<Vec<u8>, Response> {
    // The same decision as every guarded route; this one answers in plain words
    // because people open it in a browser tab.
    let principal = principal_of(session).await.map_err(|_| server_error())?;
    let (id, role) = match authorize(principal, MANAGERS) {
        Ok(Actor::User { id, role }) => (id, role),
        Err(AuthRefusal::Unauthorized) => return Err(unauthorized()),
        Err(AuthRefusal::Server) => return Err(server_error()),
        Ok(_) | Err(AuthRefusal::Forbidden) => return Err(forbidden()),
    };
    // Anything that is not a badge token cannot be one: refused before any look-up.
    let token = app::types::BadgeToken::parse(&token).ok_or_else(not_found)?;
    let store = &state.store;
    let (attendee_id, event_row) = store
        .attendee_by_badge(token.into_string())
        .await
        .map_err(store_error)?
        .ok_or_else(not_found)?;
    // The organiser must manage the attendee's event: not owned looks like not found.
    let event = store.event_by_id(event_row).await.map_err(store_error)?;
    store
        .event_for_user(id, role, event.id)
        .await
        .map_err(store_error)?;
    let data = badge_for_attendee(
        store,
        Actor::User { id, role },
        event_row,
        attendee_id,
        &state.public_url,
    )
    .await
    .map_err(store_error)?;
    match tokio::task::spawn_blocking(move || render_png(&data)).await {
        Ok(Ok(png)) => Ok(png),
        Ok(Err(e)) => {
            tracing::error!(error = %e, "badge PNG failed");
            Err(server_error())
        }
        Err(e) => {
            tracing::error!(error = %e, "badge PNG task failed");
            Err(server_error())
        }
    }
}

fn store_error(e: StoreError) -> Response {
    match e {
        StoreError::NotFound => not_found(),
        StoreError::Conflict(_) => plain(
            StatusCode::CONFLICT,
            "This attendee has not chosen yet whether photos are OK, so there is no badge to print. / Dalībnieks vēl nav izvēlējies, vai drīkst fotografēt, tāpēc identifikatoru nevar izdrukāt.",
        ),
        other => {
            tracing::error!(error = %other, "store error");
            server_error()
        }
    }
}

fn unauthorized() -> Response {
    plain(
        StatusCode::UNAUTHORIZED,
        "Sign in as an organiser first. / Vispirms piesakieties kā organizators.",
    )
}

fn forbidden() -> Response {
    plain(
        StatusCode::FORBIDDEN,
        "This account cannot print badges. / Šis konts nevar drukāt identifikatorus.",
    )
}

fn not_found() -> Response {
    plain(
        StatusCode::NOT_FOUND,
        "Unknown badge. / Nezināms identifikators.",
    )
}

fn server_error() -> Response {
    plain(
        StatusCode::INTERNAL_SERVER_ERROR,
        "Something went wrong. / Radās kļūda.",
    )
}

fn plain(status: StatusCode, msg: &'static str) -> Response {
    let mut res = (status, msg).into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}
