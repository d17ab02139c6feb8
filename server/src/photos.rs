//! Photo routes (issue 5): the upload, the photo files and the export download.
//!
//! - `POST /media/photos` (multipart: `event`, optional `utc_offset` in minutes, `file`):
//!   one file per request, streamed to a temp file while it is hashed and counted,
//!   refused past the size limit, then ingested (`domain::photos::ingest`). 201 with
//!   `{"photo", "duplicate": false}` for a new photo, 200 with `"duplicate": true` when
//!   the event already has the same content; 4xx with `{"error": code, "message"}`.
//! - `GET /media/photos/{id}/{thumb.jpg|preview.jpg|redacted.jpg|original}`: the
//!   uploader and the event's organisers see thumbnails and previews; only organisers
//!   the original (audited `photo.original`).
//! - `GET /media/exports/{job}`: the finished export ZIP, for whoever started it.
//!
//! Nothing logs file names or ids; the trace layer logs the route template only.

use app::api::guard::{AnyUser, User};
use app::domain::consent::RegisterError;
use app::domain::imaging::{self, ImageError};
use app::domain::photo_export::Download;
use app::domain::photos::{self, IngestError, PhotoAccess, Rendition, Upload};
use app::domain::{Actor, AppState, StoreError};
use app::types::{PublicId, UploadError};
use axum::body::Body;
use axum::extract::{Multipart, Path, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use sha2::{Digest, Sha256};
use tokio::io::AsyncWriteExt;
use tower::ServiceExt;

/// The upload route's path (the body limit middleware gives it the photo limit).
pub const UPLOAD_PATH: &str = "/media/photos";

/// `{"error": code, "message": …}`: the code is the `UploadError` the uploader words in
/// the user's language; the English message is for other clients and logs.
fn error(status: StatusCode, code: UploadError, message: &str) -> Response {
    let mut res = (
        status,
        Json(serde_json::json!({ "error": code, "message": message })),
    )
        .into_response();
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

fn not_found() -> Response {
    error(
        StatusCode::NOT_FOUND,
        UploadError::NotFound,
        "No such photo.",
    )
}

fn server_error() -> Response {
    error(
        StatusCode::INTERNAL_SERVER_ERROR,
        UploadError::Server,
        "Something went wrong on the server. Nothing was added; try again.",
    )
}

fn image_error(e: &ImageError) -> Response {
    let code = e.upload_error();
    let (status, message) = match code {
        UploadError::PhotoEmpty => (StatusCode::BAD_REQUEST, "The file is empty."),
        UploadError::PhotoNotImage => (
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "This is not a JPEG or PNG photo.",
        ),
        UploadError::PhotoTooLargePixels => (
            StatusCode::PAYLOAD_TOO_LARGE,
            "The image has too many pixels to process safely.",
        ),
        UploadError::PhotoCorrupt => (
            StatusCode::UNPROCESSABLE_ENTITY,
            "The photo is damaged or cut short and cannot be read.",
        ),
        _ => (
            StatusCode::UNPROCESSABLE_ENTITY,
            "The photo could not be processed.",
        ),
    };
    error(status, code, message)
}

/// `POST /media/photos`.
pub async fn upload(
    State(state): State<AppState>,
    user: User<AnyUser>,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Response {
    let (id, role) = (user.id, user.role);
    let Ok(mut multipart) = multipart else {
        return error(
            StatusCode::BAD_REQUEST,
            UploadError::UploadMalformed,
            "Send the photo as multipart/form-data.",
        );
    };
    let mut event_row = None;
    let mut utc_offset = None;
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(_) => {
                return error(
                    StatusCode::BAD_REQUEST,
                    UploadError::UploadMalformed,
                    "The upload was cut off or malformed. Nothing was added; try again.",
                )
            }
        };
        match field.name() {
            Some("event") => {
                let Ok(public_id) = field.text().await else {
                    return error(
                        StatusCode::BAD_REQUEST,
                        UploadError::UploadMalformed,
                        "Bad event.",
                    );
                };
                let Some(public_id) = PublicId::parse(public_id.trim()) else {
                    return error(
                        StatusCode::BAD_REQUEST,
                        UploadError::NotAnId,
                        "That is not an event id.",
                    );
                };
                // Managers of the event, and its photographers on their days (issue 16).
                let actor = Actor::User { id, role };
                let today = state.now.today();
                match app::domain::access::event_access(&state.store, &actor, public_id, today)
                    .await
                {
                    // An archived event takes no uploads (issue 16 point 4).
                    Ok((_, event, _)) if app::domain::events::open(&event).is_err() => {
                        return error(
                            StatusCode::CONFLICT,
                            UploadError::EventArchived,
                            "This event is archived: nothing can be added to it.",
                        )
                    }
                    Ok((row, _, _)) => event_row = Some(row),
                    Err(StoreError::NotFound) => {
                        return error(
                            StatusCode::NOT_FOUND,
                            UploadError::EventNotFound,
                            "No such event.",
                        )
                    }
                    Err(e) => {
                        tracing::error!(error = %e, "store error");
                        return server_error();
                    }
                }
            }
            Some("utc_offset") => {
                utc_offset = field
                    .text()
                    .await
                    .ok()
                    .and_then(|t| t.trim().parse::<i32>().ok());
            }
            Some("file") => {
                let Some(event_row) = event_row else {
                    return error(
                        StatusCode::BAD_REQUEST,
                        UploadError::UploadMalformed,
                        "Name the event before the file.",
                    );
                };
                let original_name = field.file_name().map(String::from);
                let upload = match receive(&state, field, original_name, utc_offset).await {
                    Ok(u) => u,
                    Err(res) => return res,
                };
                let actor = Actor::User { id, role };
                return match photos::ingest(&state, actor, event_row, id, upload).await {
                    Ok(done) => {
                        let status = if done.duplicate {
                            StatusCode::OK
                        } else {
                            StatusCode::CREATED
                        };
                        (status, Json(done)).into_response()
                    }
                    Err(IngestError::Image(e)) => image_error(&e),
                    Err(_) => server_error(),
                };
            }
            _ => {}
        }
    }
    error(
        StatusCode::BAD_REQUEST,
        UploadError::UploadNoFile,
        "No photo was sent.",
    )
}

/// Streams the file field to a temp file, hashing and counting; refuses past the limit.
async fn receive(
    state: &AppState,
    mut field: axum::extract::multipart::Field<'_>,
    original_name: Option<String>,
    utc_offset_minutes: Option<i32>,
) -> Result<Upload, Response> {
    let temp = state.photos.temp_path();
    let result = async {
        let mut file = tokio::fs::File::create(&temp).await.map_err(|e| {
            tracing::error!(error = %e, "temp file");
            server_error()
        })?;
        let mut hasher = Sha256::new();
        let mut bytes: u64 = 0;
        loop {
            match field.chunk().await {
                Ok(Some(chunk)) => {
                    bytes += chunk.len() as u64;
                    if bytes > state.max_photo_bytes {
                        return Err(error(
                            StatusCode::PAYLOAD_TOO_LARGE,
                            UploadError::PhotoTooBig,
                            &format!(
                                "The file is larger than the limit of {} MB.",
                                state.max_photo_bytes / (1024 * 1024)
                            ),
                        ));
                    }
                    hasher.update(&chunk);
                    file.write_all(&chunk).await.map_err(|e| {
                        tracing::error!(error = %e, "temp write");
                        server_error()
                    })?;
                }
                Ok(None) => break,
                Err(e) => {
                    let res = if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                        error(
                            StatusCode::PAYLOAD_TOO_LARGE,
                            UploadError::PhotoTooBig,
                            "The file is larger than the limit.",
                        )
                    } else {
                        error(
                            StatusCode::BAD_REQUEST,
                            UploadError::UploadMalformed,
                            "The upload was cut off. Nothing was added; send the file again.",
                        )
                    };
                    return Err(res);
                }
            }
        }
        file.flush().await.map_err(|_| server_error())?;
        file.sync_all().await.map_err(|e| {
            tracing::error!(error = %e, "temp fsync");
            server_error()
        })?;
        Ok(Upload {
            temp: temp.clone(),
            sha256: hex::encode(hasher.finalize()),
            bytes,
            original_name,
            utc_offset_minutes,
        })
    }
    .await;
    if result.is_err() {
        let _ = tokio::fs::remove_file(&temp).await;
    }
    result
}

/// `GET /media/photos/{id}/{kind}`.
pub async fn file(
    State(state): State<AppState>,
    user: User<AnyUser>,
    Path((photo_id, kind)): Path<(String, String)>,
    req: Request,
) -> Response {
    let (id, role) = (user.id, user.role);
    let Some(photo_id) = PublicId::parse(&photo_id) else {
        return error(
            StatusCode::BAD_REQUEST,
            UploadError::NotAnId,
            "That is not a photo id.",
        );
    };
    // The same access check as the photo pages: 404 when it is not theirs to see.
    let (photo, access) =
        match photos::find(&state, Actor::User { id, role }, &photo_id, false).await {
            Ok(hand) => (hand.photo, hand.access),
            Err(RegisterError::Store(StoreError::NotFound)) => return not_found(),
            Err(e) => {
                tracing::error!(error = ?e, "photo look-up failed");
                return server_error();
            }
        };
    let files = &state.photos;
    let (path, content_type) = match kind.as_str() {
        "thumb.jpg" => (files.path(&photo.public_id, Rendition::Thumb), "image/jpeg"),
        "preview.jpg" => (
            files.path(&photo.public_id, Rendition::Preview),
            "image/jpeg",
        ),
        "redacted.jpg" => return redacted(&state, Actor::User { id, role }, photo).await,
        "original" => {
            if access != PhotoAccess::Manager {
                return error(
                    StatusCode::FORBIDDEN,
                    UploadError::Forbidden,
                    "Only the event's organisers can download originals.",
                );
            }
            // Reading the original is audited.
            if let Err(e) = state
                .store
                .photo_with_tags(Actor::User { id, role }, "photo.original", photo.id)
                .await
            {
                tracing::error!(error = %e, "store error");
                return server_error();
            }
            let ct = if photo.format == "png" {
                "image/png"
            } else {
                "image/jpeg"
            };
            (files.path(&photo.public_id, Rendition::Original), ct)
        }
        _ => return not_found(),
    };
    let mut res = match tower_http::services::ServeFile::new(&path)
        .oneshot(req)
        .await
    {
        Ok(r) if r.status().is_success() => r.map(Body::new),
        Ok(r) if r.status() == StatusCode::NOT_FOUND => return not_found(),
        Ok(r) => return r.map(Body::new),
        Err(_) => return server_error(),
    };
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    // Personal data: not kept in shared caches, re-checked on every view.
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    if kind == "original" {
        h.insert(
            header::CONTENT_DISPOSITION,
            HeaderValue::from_static("attachment; filename=\"original\""),
        );
    }
    res
}

/// The preview as it would be published: red people's regions blurred.
async fn redacted(state: &AppState, actor: Actor, photo: app::domain::store::PhotoRow) -> Response {
    let tags = match state
        .store
        .photo_with_tags(actor, "photo.view", photo.id)
        .await
    {
        Ok((_, tags)) => tags,
        Err(e) => {
            tracing::error!(error = %e, "store error");
            return server_error();
        }
    };
    let regions = photos::blur_regions(&tags);
    let path = state.photos.path(&photo.public_id, Rendition::Preview);
    let out = tokio::task::spawn_blocking(move || {
        let preview = std::fs::read(path).map_err(|_| None)?;
        imaging::redact_jpeg(&preview, &regions).map_err(Some)
    })
    .await;
    match out {
        Ok(Ok(jpeg)) => {
            let mut res = jpeg.into_response();
            let h = res.headers_mut();
            h.insert(header::CONTENT_TYPE, HeaderValue::from_static("image/jpeg"));
            h.insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, no-store"),
            );
            res
        }
        Ok(Err(None)) => not_found(),
        _ => server_error(),
    }
}

/// `GET /media/exports/{job}`.
pub async fn export(
    State(state): State<AppState>,
    user: User<AnyUser>,
    Path(job): Path<String>,
    req: Request,
) -> Response {
    let job = job.trim_end_matches(".zip");
    let path = match app::domain::photo_export::download(&state, user.id, job).await {
        Ok(Download::Ready(path)) => path,
        Ok(Download::Missing) => {
            return error(
                StatusCode::NOT_FOUND,
                UploadError::ExportNotFound,
                "This export is not ready or has expired. Start a new one.",
            )
        }
        Ok(Download::Stale) => {
            return error(
                StatusCode::GONE,
                UploadError::ExportStale,
                "This export is out of date: build it again.",
            )
        }
        Err(_) => return server_error(),
    };
    let mut res = match tower_http::services::ServeFile::new(&path)
        .oneshot(req)
        .await
    {
        Ok(r) if r.status().is_success() => r.map(Body::new),
        Ok(_) => return not_found(),
        Err(_) => return server_error(),
    };
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/zip"),
    );
    h.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"lanyard-photos.zip\""),
    );
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    res
}
