//! Scanning a badge's QR code with the device's camera (issue 4, item 2).
//!
//! `QrCamera` shows the camera (the rear one where there is a choice) and reports every
//! QR text it reads to `on_decode`. The camera is asked for 1920×1080. Frames are drawn
//! a few times a second into a canvas that is never shown, taking turns (see
//! [`frame_region`]): the whole frame downscaled so the longer side is at most 640 px, for
//! a badge held close, then the centre of the frame at the camera's own resolution, for a
//! badge a few steps away (issue 19: one filling a third of the frame's width). Each is
//! decoded with the browser's own `BarcodeDetector` where it reads QR codes, otherwise
//! with quirc (`qrscan`) in wasm. Without a camera (none, refused, not supported,
//! insecure page) it says so in plain words and nothing else on the page is affected.
//!
//! On the server the component only renders its markup; all camera work is in an effect,
//! which runs in the browser only, and in the `hydrate`-only `browser` module.

use crate::i18n::*;
use leptos::prelude::*;

/// What the camera is doing, as shown under the video.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
enum CamState {
    /// `active` is false: no camera, no decoding.
    Off,
    Starting,
    Scanning,
    Failed(Problem),
}

/// Why there is no camera picture.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
enum Problem {
    /// No `navigator.mediaDevices` (old browser, or a page not served over HTTPS).
    Unsupported,
    /// The user or the browser's policy refused the permission.
    Denied,
    /// No camera, or none that meets the constraints.
    NoCamera,
    /// The camera exists but could not be started (used by another app).
    Busy,
}

/// The camera picture and a line saying what is happening.
///
/// - `on_decode`: called with the text of each QR code read. The same text is reported
///   once while it stays in view, and again when it comes back after 2 seconds away.
/// - `active`: while false the camera is released (its light goes off) and nothing is
///   decoded; it starts again when `active` becomes true.
#[component]
pub fn QrCamera(
    #[prop(into)] on_decode: Callback<String>,
    #[prop(into)] active: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let video = NodeRef::<leptos::html::Video>::new();
    // Server and browser start from the same state, so hydration matches.
    let state = RwSignal::new(if active.get_untracked() {
        CamState::Starting
    } else {
        CamState::Off
    });

    #[cfg(feature = "hydrate")]
    browser::run(video, state, active, on_decode);
    #[cfg(not(feature = "hydrate"))]
    let _ = (on_decode, active);

    let no_picture = move || matches!(state.get(), CamState::Off | CamState::Failed(_));
    let message = move || match state.get() {
        CamState::Off => t_string!(i18n, camera.off),
        CamState::Starting => t_string!(i18n, camera.starting),
        CamState::Scanning => t_string!(i18n, camera.scanning),
        CamState::Failed(p) => match p {
            Problem::Unsupported => t_string!(i18n, camera.unsupported),
            Problem::Denied => t_string!(i18n, camera.denied),
            Problem::NoCamera => t_string!(i18n, camera.no_camera),
            Problem::Busy => t_string!(i18n, camera.busy),
        },
    };
    let failed = move || matches!(state.get(), CamState::Failed(_));

    view! {
        <div class="qr-camera">
            <div class="qr-camera-view" hidden=no_picture>
                <video
                    node_ref=video
                    playsinline
                    muted
                    autoplay
                    aria-label=move || t_string!(i18n, camera.video_label).to_string()
                ></video>
                <div class="qr-camera-target" aria-hidden="true"></div>
            </div>
            <p class="qr-camera-msg" class:error=failed aria-live="polite">
                {message}
                <Show when=failed>
                    " "
                    {t!(i18n, camera.unavailable)}
                </Show>
            </p>
        </div>
    }
}

/// The longest side a frame is decoded at.
#[cfg(any(feature = "hydrate", test))]
const MAX_SIDE: u32 = 640;

/// The longest side the centre crop is decoded at (see [`frame_region`]).
#[cfg(any(feature = "hydrate", test))]
const CROP_MAX_SIDE: u32 = 960;

/// The part of a camera frame one tick decodes: the source rectangle `sx, sy, sw, sh` in
/// the video's pixels, drawn at `w`×`h`.
#[cfg(any(feature = "hydrate", test))]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Region {
    sx: u32,
    sy: u32,
    sw: u32,
    sh: u32,
    w: u32,
    h: u32,
}

/// What tick number `tick` decodes of a `vw`×`vh` frame.
///
/// Even ticks take the whole frame, downscaled to [`MAX_SIDE`]: a badge held close. Where
/// that downscale loses detail (a frame larger than 640 px), odd ticks take the centre
/// half of the width and height at the camera's resolution (downscaled only to
/// [`CROP_MAX_SIDE`]): a badge filling a third of a 1920 px frame has QR modules of about
/// 1.3 px in the first and about 3.8 px in the second, where it reads. Both keep the
/// frame's aspect, so the crop costs at most 2.25× a 640×480 decode.
#[cfg(any(feature = "hydrate", test))]
fn frame_region(vw: u32, vh: u32, tick: u32) -> Region {
    let (w, h) = fit_within(vw, vh, MAX_SIDE);
    let whole = Region {
        sx: 0,
        sy: 0,
        sw: vw,
        sh: vh,
        w,
        h,
    };
    if tick.is_multiple_of(2) || vw.max(vh) <= MAX_SIDE {
        return whole;
    }
    let (sw, sh) = ((vw / 2).max(1), (vh / 2).max(1));
    let (w, h) = fit_within(sw, sh, CROP_MAX_SIDE);
    Region {
        sx: (vw - sw) / 2,
        sy: (vh - sh) / 2,
        sw,
        sh,
        w,
        h,
    }
}

/// A text seen again within this time of its last sighting is not reported again.
#[cfg(any(feature = "hydrate", test))]
const REPEAT_AFTER_MS: f64 = 2000.0;

/// `w`×`h` scaled down (never up) so that the longer side is at most `max`.
#[cfg(any(feature = "hydrate", test))]
fn fit_within(w: u32, h: u32, max: u32) -> (u32, u32) {
    let long = w.max(h);
    if long <= max || long == 0 {
        return (w, h);
    }
    let scale = |v: u32| ((v as u64 * max as u64 + long as u64 / 2) / long as u64).max(1) as u32;
    (scale(w), scale(h))
}

/// RGBA bytes (canvas `ImageData`) to luma (BT.601 weights, integer arithmetic).
#[cfg(any(feature = "hydrate", test))]
fn rgba_to_grey(rgba: &[u8]) -> Vec<u8> {
    rgba.chunks_exact(4)
        .map(|p| ((77 * p[0] as u32 + 150 * p[1] as u32 + 29 * p[2] as u32 + 128) >> 8) as u8)
        .collect()
}

/// Every QR code found and decoded in a `w`×`h` greyscale frame (in its own crate,
/// so the wasm build compiles it for speed).
#[cfg(any(feature = "hydrate", test))]
use qrscan::decode_grey;

/// Decides whether a decoded text is new enough to report (see `QrCamera`).
#[cfg(any(feature = "hydrate", test))]
#[derive(Default)]
struct Dedup {
    /// The last text reported and when it was last seen (ms).
    last: Option<(String, f64)>,
}

#[cfg(any(feature = "hydrate", test))]
impl Dedup {
    fn should_report(&mut self, text: &str, now_ms: f64) -> bool {
        if let Some((last, seen)) = &mut self.last {
            if last == text && now_ms - *seen < REPEAT_AFTER_MS {
                *seen = now_ms;
                return false;
            }
        }
        self.last = Some((text.to_string(), now_ms));
        true
    }
}

/// Median decode time in milliseconds of `iterations` runs of the camera's wasm decoder
/// over one `w`×`h` greyscale frame; NaN if the frame holds no readable QR code. For the
/// benchmark in `end2end/bench/` (the wasm module exports it).
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn bench_decode_qr(grey: &[u8], w: u32, h: u32, iterations: u32) -> f64 {
    let (w, h) = (w as usize, h as usize);
    if iterations == 0 || w == 0 || h == 0 || grey.len() < w * h {
        return f64::NAN;
    }
    let perf = web_sys::window().and_then(|win| win.performance());
    let now = || perf.as_ref().map_or_else(js_sys::Date::now, |p| p.now());
    let mut times = Vec::with_capacity(iterations as usize);
    for _ in 0..iterations {
        let start = now();
        let found = decode_grey(grey, w, h);
        times.push(now() - start);
        if found.is_empty() {
            return f64::NAN;
        }
    }
    times.sort_by(f64::total_cmp);
    let mid = times.len() / 2;
    if times.len() % 2 == 1 {
        times[mid]
    } else {
        (times[mid - 1] + times[mid]) / 2.0
    }
}

#[cfg(feature = "hydrate")]
mod browser;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_are_downscaled_to_640_on_the_longer_side_and_never_upscaled() {
        assert_eq!(fit_within(1280, 720, MAX_SIDE), (640, 360));
        assert_eq!(fit_within(1080, 1920, MAX_SIDE), (360, 640));
        assert_eq!(fit_within(1920, 1080, MAX_SIDE), (640, 360));
        assert_eq!(fit_within(640, 480, MAX_SIDE), (640, 480));
        assert_eq!(fit_within(320, 240, MAX_SIDE), (320, 240));
        assert_eq!(fit_within(4000, 3, MAX_SIDE), (640, 1));
        assert_eq!(fit_within(0, 0, MAX_SIDE), (0, 0));
    }

    #[test]
    fn ticks_take_turns_between_the_whole_frame_and_its_centre_at_full_resolution() {
        let whole = |w, h| Region {
            sx: 0,
            sy: 0,
            sw: 1920,
            sh: 1080,
            w,
            h,
        };
        assert_eq!(frame_region(1920, 1080, 0), whole(640, 360));
        // The centre half at the camera's resolution: 960×540 source pixels, 960×540 drawn.
        let centre = Region {
            sx: 480,
            sy: 270,
            sw: 960,
            sh: 540,
            w: 960,
            h: 540,
        };
        assert_eq!(frame_region(1920, 1080, 1), centre);
        assert_eq!(frame_region(1920, 1080, 2), whole(640, 360));
        assert_eq!(frame_region(1920, 1080, u32::MAX), centre);
        // Portrait phone.
        let r = frame_region(1080, 1920, 3);
        assert_eq!(
            (r.sx, r.sy, r.sw, r.sh, r.w, r.h),
            (270, 480, 540, 960, 540, 960)
        );
        // A 4K camera: the centre is downscaled to 960 on its longer side.
        let r = frame_region(3840, 2160, 1);
        assert_eq!(
            (r.sx, r.sy, r.sw, r.sh, r.w, r.h),
            (960, 540, 1920, 1080, 960, 540)
        );
        // 1280×720: the centre at 640×360, twice the detail of the whole frame's 640×360.
        let r = frame_region(1280, 720, 1);
        assert_eq!(
            (r.sx, r.sy, r.sw, r.sh, r.w, r.h),
            (320, 180, 640, 360, 640, 360)
        );
        // A camera that gives 640×480 or less: nothing is lost by the whole frame.
        for tick in 0..4 {
            let r = frame_region(640, 480, tick);
            assert_eq!(
                (r.sx, r.sy, r.sw, r.sh, r.w, r.h),
                (0, 0, 640, 480, 640, 480)
            );
        }
    }

    #[test]
    fn rgba_becomes_luma() {
        let px = [
            0, 0, 0, 255, // black
            255, 255, 255, 255, // white
            255, 0, 0, 255, // red
            0, 255, 0, 0, // green, transparent (alpha is ignored)
        ];
        assert_eq!(rgba_to_grey(&px), vec![0, 255, 77, 149]);
    }

    #[test]
    fn a_text_is_reported_once_while_in_view_and_again_after_it_was_away() {
        let mut d = Dedup::default();
        assert!(d.should_report("a", 0.0));
        // Still in view: seen every 200 ms for 10 s.
        for i in 1..50 {
            assert!(!d.should_report("a", i as f64 * 200.0));
        }
        // Another badge, then the first one again at once.
        assert!(d.should_report("b", 10_000.0));
        assert!(d.should_report("a", 10_200.0));
        // Away for more than 2 s.
        assert!(d.should_report("a", 12_300.0));
    }

    #[test]
    fn a_frame_with_nothing_in_it_decodes_to_nothing() {
        let grey = vec![200u8; 64 * 48];
        assert!(decode_grey(&grey, 64, 48).is_empty());
        assert!(decode_grey(&grey, 640, 480).is_empty(), "short buffer");
    }

    /// `region` of a `fw`-wide greyscale frame, area-averaged to `region.w`×`region.h` (as
    /// the canvas's `drawImage` does when it shrinks).
    #[cfg(feature = "ssr")]
    fn draw(frame: &[u8], fw: u32, r: Region) -> Vec<u8> {
        let mut out = Vec::with_capacity((r.w * r.h) as usize);
        for y in 0..r.h {
            for x in 0..r.w {
                let (x0, x1) = (
                    r.sx + x * r.sw / r.w,
                    r.sx + ((x + 1) * r.sw / r.w).max(x * r.sw / r.w + 1),
                );
                let (y0, y1) = (
                    r.sy + y * r.sh / r.h,
                    r.sy + ((y + 1) * r.sh / r.h).max(y * r.sh / r.h + 1),
                );
                let (mut sum, mut n) = (0u32, 0u32);
                for sy in y0..y1 {
                    for sx in x0..x1 {
                        sum += u32::from(frame[(sy * fw + sx) as usize]);
                        n += 1;
                    }
                }
                out.push((sum / n) as u8);
            }
        }
        out
    }

    /// A `w`×`h` light-grey frame with `url`'s QR code drawn dark at `module_px` a module,
    /// its top left corner at (`left`, `top`).
    #[cfg(feature = "ssr")]
    fn frame_with_qr(
        url: &str,
        w: usize,
        h: usize,
        module_px: usize,
        left: usize,
        top: usize,
    ) -> Vec<u8> {
        let code = qrcode::QrCode::new(url.as_bytes()).unwrap();
        let modules = code.width();
        let mut grey = vec![235u8; w * h];
        for (i, c) in code.to_colors().iter().enumerate() {
            if *c == qrcode::Color::Dark {
                let (mx, my) = (i % modules, i / modules);
                for y in 0..module_px {
                    for x in 0..module_px {
                        grey[(top + my * module_px + y) * w + left + mx * module_px + x] = 30;
                    }
                }
            }
        }
        grey
    }

    /// Issue 19, point 3: a badge a few steps away fills a third of a 1920×1080 frame's
    /// width, its QR about 4 px a module. The whole frame downscaled to 640 (1.3 px a
    /// module) does not read; the centre tick, at the camera's resolution, does.
    #[cfg(feature = "ssr")]
    #[test]
    fn a_badge_a_third_of_the_frame_wide_reads_on_the_centre_tick_only() {
        let url = "http://127.0.0.1:3000/b/AbCdEfGhIjKlMnOpQrStUv";
        let (fw, fh) = (1920u32, 1080u32);
        let frame = frame_with_qr(url, fw as usize, fh as usize, 4, 660, 560);
        let whole = frame_region(fw, fh, 0);
        assert!(
            decode_grey(&draw(&frame, fw, whole), whole.w as usize, whole.h as usize).is_empty()
        );
        let centre = frame_region(fw, fh, 1);
        let grey = draw(&frame, fw, centre);
        assert_eq!(
            decode_grey(&grey, centre.w as usize, centre.h as usize),
            vec![url.to_string()]
        );
    }

    /// A badge URL QR drawn small and off-centre into a 640×480 frame, as the camera
    /// would see it, decodes on the wasm decoder's path.
    #[cfg(feature = "ssr")]
    #[test]
    fn a_qr_code_in_a_camera_sized_frame_decodes() {
        let url = "http://127.0.0.1:3000/b/AbCdEfGhIjKlMnOpQrStUv";
        let grey = frame_with_qr(url, 640, 480, 4, 60, 200);
        assert_eq!(decode_grey(&grey, 640, 480), vec![url.to_string()]);
    }
}
