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
mod browser {
    use super::{decode_grey, frame_region, rgba_to_grey, CamState, Dedup, Problem};
    use js_sys::{Array, Function, Object, Promise, Reflect};
    use leptos::prelude::*;
    use leptos::task::spawn_local;
    use leptos::wasm_bindgen::{JsCast, JsValue};
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;
    use std::time::Duration;
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{
        CanvasRenderingContext2d, HtmlCanvasElement, HtmlVideoElement, MediaStream,
        MediaStreamConstraints, MediaStreamTrack,
    };

    /// Time between decoded frames (5 a second).
    const INTERVAL: Duration = Duration::from_millis(200);
    /// `HTMLMediaElement.HAVE_CURRENT_DATA`.
    const HAVE_CURRENT_DATA: u16 = 2;

    enum Decoder {
        /// Not chosen yet (chosen once, when the camera first runs).
        Unknown,
        /// A `BarcodeDetector` for `qr_code`.
        Native(JsValue),
        /// `qrscan` (quirc) in wasm.
        Wasm,
    }

    struct Scanner {
        video: NodeRef<leptos::html::Video>,
        state: RwSignal<CamState>,
        on_decode: Callback<String>,
        /// The camera is wanted (between `start` and `stop`).
        on: Cell<bool>,
        /// Bumped by every start and stop; async work from an older one gives up.
        generation: Cell<u32>,
        stream: RefCell<Option<MediaStream>>,
        /// The video element showing `stream`.
        shown_in: RefCell<Option<HtmlVideoElement>>,
        interval: Cell<Option<IntervalHandle>>,
        /// A `BarcodeDetector.detect()` is pending.
        busy: Cell<bool>,
        /// Frames drawn so far ([`frame_region`] alternates on it).
        ticks: Cell<u32>,
        canvas: RefCell<Option<(HtmlCanvasElement, CanvasRenderingContext2d)>>,
        decoder: RefCell<Decoder>,
        dedup: RefCell<Dedup>,
    }

    /// Starts and stops the camera with `active` and releases it when the component goes.
    pub(super) fn run(
        video: NodeRef<leptos::html::Video>,
        state: RwSignal<CamState>,
        active: Signal<bool>,
        on_decode: Callback<String>,
    ) {
        let scanner = Rc::new(Scanner {
            video,
            state,
            on_decode,
            on: Cell::new(false),
            generation: Cell::new(0),
            stream: RefCell::new(None),
            shown_in: RefCell::new(None),
            interval: Cell::new(None),
            busy: Cell::new(false),
            ticks: Cell::new(0),
            canvas: RefCell::new(None),
            decoder: RefCell::new(Decoder::Unknown),
            dedup: RefCell::new(Dedup::default()),
        });
        let s = Rc::clone(&scanner);
        Effect::new(move |_| {
            if active.get() {
                s.start();
            } else {
                s.stop();
                s.state.set(CamState::Off);
            }
        });
        // Cleanups run before the owner's values are dropped, so `kept` is still there.
        let kept = StoredValue::new_local(scanner);
        on_cleanup(move || {
            kept.try_with_value(|s| s.stop());
        });
    }

    impl Scanner {
        fn start(self: &Rc<Self>) {
            if self.on.replace(true) {
                return;
            }
            let generation = self.generation.get().wrapping_add(1);
            self.generation.set(generation);
            *self.dedup.borrow_mut() = Dedup::default();
            self.state.set(CamState::Starting);
            let this = Rc::clone(self);
            spawn_local(async move { this.open(generation).await });
        }

        fn current(&self, generation: u32) -> bool {
            self.on.get() && self.generation.get() == generation
        }

        async fn open(self: Rc<Self>, generation: u32) {
            let stream = match open_camera().await {
                Ok(stream) => stream,
                Err(problem) => {
                    if self.current(generation) {
                        // Toggling `active` off and on tries again.
                        self.on.set(false);
                        self.state.set(CamState::Failed(problem));
                    }
                    return;
                }
            };
            if !self.current(generation) {
                stop_tracks(&stream);
                return;
            }
            let Some(video) = self.video.get_untracked() else {
                stop_tracks(&stream);
                return;
            };
            video.set_muted(true);
            video.set_src_object(Some(&stream));
            if let Ok(playing) = video.play() {
                // Rejected when the stream is stopped before it plays; nothing to do.
                spawn_local(async move {
                    let _ = JsFuture::from(playing).await;
                });
            }
            *self.stream.borrow_mut() = Some(stream);
            *self.shown_in.borrow_mut() = Some(video);

            if matches!(*self.decoder.borrow(), Decoder::Unknown) {
                let chosen = match native_detector().await {
                    Some(detector) => Decoder::Native(detector),
                    None => Decoder::Wasm,
                };
                *self.decoder.borrow_mut() = chosen;
            }
            if !self.current(generation) {
                return;
            }
            self.state.set(CamState::Scanning);
            let this = Rc::clone(&self);
            let handle = set_interval_with_handle(move || this.tick(), INTERVAL);
            self.interval.set(handle.ok());
        }

        /// Releases the camera. Touches no signal, so it is safe during cleanup.
        fn stop(&self) {
            self.on.set(false);
            self.generation.set(self.generation.get().wrapping_add(1));
            if let Some(handle) = self.interval.take() {
                handle.clear();
            }
            if let Some(stream) = self.stream.borrow_mut().take() {
                stop_tracks(&stream);
            }
            if let Some(video) = self.shown_in.borrow_mut().take() {
                video.set_src_object(None);
            }
        }

        /// Draws this tick's part of the current frame ([`frame_region`]) and decodes it.
        fn tick(self: &Rc<Self>) {
            if !self.on.get() || self.busy.get() {
                return;
            }
            let Some(video) = self.shown_in.borrow().clone() else {
                return;
            };
            let (vw, vh) = (video.video_width(), video.video_height());
            if video.ready_state() < HAVE_CURRENT_DATA || vw == 0 || vh == 0 {
                return;
            }
            let tick = self.ticks.get();
            self.ticks.set(tick.wrapping_add(1));
            let r = frame_region(vw, vh, tick);
            let (w, h) = (r.w, r.h);
            let Some((canvas, ctx)) = self.canvas(w, h) else {
                return;
            };
            let (fw, fh) = (f64::from(w), f64::from(h));
            if ctx
                .draw_image_with_html_video_element_and_sw_and_sh_and_dx_and_dy_and_dw_and_dh(
                    &video,
                    f64::from(r.sx),
                    f64::from(r.sy),
                    f64::from(r.sw),
                    f64::from(r.sh),
                    0.0,
                    0.0,
                    fw,
                    fh,
                )
                .is_err()
            {
                return;
            }
            let native = match &*self.decoder.borrow() {
                Decoder::Native(detector) => Some(detector.clone()),
                _ => None,
            };
            if let Some(detector) = native {
                self.busy.set(true);
                let this = Rc::clone(self);
                let generation = self.generation.get();
                spawn_local(async move {
                    let found = native_detect(&detector, &canvas).await;
                    this.busy.set(false);
                    if !this.current(generation) {
                        return;
                    }
                    match found {
                        Ok(texts) => texts.into_iter().for_each(|t| this.report(t)),
                        // A detector that fails once is not trusted again.
                        Err(_) => *this.decoder.borrow_mut() = Decoder::Wasm,
                    }
                });
            } else if let Ok(frame) = ctx.get_image_data(0.0, 0.0, fw, fh) {
                let grey = rgba_to_grey(&frame.data());
                for text in decode_grey(&grey, w as usize, h as usize) {
                    self.report(text);
                }
            }
        }

        fn report(&self, text: String) {
            if self
                .dedup
                .borrow_mut()
                .should_report(&text, js_sys::Date::now())
            {
                self.on_decode.run(text);
            }
        }

        /// The offscreen canvas, sized `w`×`h`.
        fn canvas(&self, w: u32, h: u32) -> Option<(HtmlCanvasElement, CanvasRenderingContext2d)> {
            let mut slot = self.canvas.borrow_mut();
            if slot.is_none() {
                let canvas: HtmlCanvasElement =
                    document().create_element("canvas").ok()?.dyn_into().ok()?;
                // Frames are read back every time: keep the canvas in memory, not on the GPU.
                let options = Object::new();
                Reflect::set(&options, &"willReadFrequently".into(), &JsValue::TRUE).ok()?;
                let ctx = canvas
                    .get_context_with_context_options("2d", &options)
                    .ok()??
                    .dyn_into::<CanvasRenderingContext2d>()
                    .ok()?;
                *slot = Some((canvas, ctx));
            }
            let (canvas, ctx) = slot.as_ref()?;
            if canvas.width() != w || canvas.height() != h {
                canvas.set_width(w);
                canvas.set_height(h);
            }
            Some((canvas.clone(), ctx.clone()))
        }
    }

    /// `getUserMedia` for video only, the rear camera preferred, at 1920×1080 where the
    /// camera has it (the browser's default is often 640×480, too coarse for a badge a
    /// few steps away; see [`frame_region`]).
    async fn open_camera() -> Result<MediaStream, Problem> {
        let navigator = window().navigator();
        let devices =
            Reflect::get(&navigator, &"mediaDevices".into()).map_err(|_| Problem::Unsupported)?;
        if devices.is_undefined() || devices.is_null() {
            return Err(Problem::Unsupported);
        }
        let devices: web_sys::MediaDevices = devices.unchecked_into();
        let facing = Object::new();
        Reflect::set(&facing, &"ideal".into(), &"environment".into())
            .map_err(|_| Problem::Unsupported)?;
        let video = Object::new();
        Reflect::set(&video, &"facingMode".into(), &facing).map_err(|_| Problem::Unsupported)?;
        for (side, px) in [("width", 1920), ("height", 1080)] {
            let ideal = Object::new();
            Reflect::set(&ideal, &"ideal".into(), &px.into()).map_err(|_| Problem::Unsupported)?;
            Reflect::set(&video, &side.into(), &ideal).map_err(|_| Problem::Unsupported)?;
        }
        let constraints = MediaStreamConstraints::new();
        constraints.set_video(&video);
        constraints.set_audio(&JsValue::FALSE);
        let pending = devices
            .get_user_media_with_constraints(&constraints)
            .map_err(|e| problem_of(&e))?;
        let stream = JsFuture::from(pending).await.map_err(|e| problem_of(&e))?;
        stream.dyn_into().map_err(|_| Problem::Unsupported)
    }

    /// The `DOMException` name of a `getUserMedia` failure, in our terms.
    fn problem_of(error: &JsValue) -> Problem {
        let name = Reflect::get(error, &"name".into())
            .ok()
            .and_then(|n| n.as_string())
            .unwrap_or_default();
        match name.as_str() {
            "NotAllowedError" | "PermissionDeniedError" | "SecurityError" => Problem::Denied,
            "NotFoundError" | "DevicesNotFoundError" | "OverconstrainedError" => Problem::NoCamera,
            "NotReadableError" | "TrackStartError" | "AbortError" => Problem::Busy,
            _ => Problem::Unsupported,
        }
    }

    fn stop_tracks(stream: &MediaStream) {
        for track in stream.get_tracks().iter() {
            if let Ok(track) = track.dyn_into::<MediaStreamTrack>() {
                track.stop();
            }
        }
    }

    /// A `BarcodeDetector` for QR codes, if the browser has one that reads them
    /// (some expose the class but support no formats).
    async fn native_detector() -> Option<JsValue> {
        let class: Function = Reflect::get(&window(), &"BarcodeDetector".into())
            .ok()?
            .dyn_into()
            .ok()?;
        let supported: Function = Reflect::get(&class, &"getSupportedFormats".into())
            .ok()?
            .dyn_into()
            .ok()?;
        let formats: Promise = supported.call0(&class).ok()?.dyn_into().ok()?;
        let formats = JsFuture::from(formats).await.ok()?;
        let qr = JsValue::from_str("qr_code");
        if !Array::from(&formats).includes(&qr, 0) {
            return None;
        }
        let options = Object::new();
        Reflect::set(&options, &"formats".into(), &Array::of1(&qr)).ok()?;
        Reflect::construct(&class, &Array::of1(&options)).ok()
    }

    /// `detector.detect(canvas)` → the `rawValue` of every code found.
    async fn native_detect(
        detector: &JsValue,
        canvas: &HtmlCanvasElement,
    ) -> Result<Vec<String>, JsValue> {
        let detect: Function = Reflect::get(detector, &"detect".into())?.dyn_into()?;
        let pending: Promise = detect.call1(detector, canvas)?.dyn_into()?;
        let found = JsFuture::from(pending).await?;
        Ok(Array::from(&found)
            .iter()
            .filter_map(|code| Reflect::get(&code, &"rawValue".into()).ok()?.as_string())
            .collect())
    }
}

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

    /// Issue 19, point 3: a badge a few steps away fills a third of a 1920×1080 frame's
    /// width, its QR about 4 px a module. The whole frame downscaled to 640 (1.3 px a
    /// module) does not read; the centre tick, at the camera's resolution, does.
    #[cfg(feature = "ssr")]
    #[test]
    fn a_badge_a_third_of_the_frame_wide_reads_on_the_centre_tick_only() {
        let url = "http://127.0.0.1:3000/b/AbCdEfGhIjKlMnOpQrStUv";
        let code = qrcode::QrCode::new(url.as_bytes()).unwrap();
        let modules = code.width();
        let (fw, fh, module_px, left, top) = (1920u32, 1080u32, 4usize, 660usize, 560usize);
        let mut frame = vec![235u8; (fw * fh) as usize];
        for (i, c) in code.to_colors().iter().enumerate() {
            if *c == qrcode::Color::Dark {
                let (mx, my) = (i % modules, i / modules);
                for y in 0..module_px {
                    for x in 0..module_px {
                        frame[(top + my * module_px + y) * fw as usize
                            + left
                            + mx * module_px
                            + x] = 30;
                    }
                }
            }
        }
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
        let code = qrcode::QrCode::new(url.as_bytes()).unwrap();
        let modules = code.width();
        let colors = code.to_colors();
        let (w, h, module_px, left, top) = (640usize, 480usize, 4usize, 60usize, 200usize);
        let mut grey = vec![235u8; w * h];
        for (i, c) in colors.iter().enumerate() {
            if *c == qrcode::Color::Dark {
                let (mx, my) = (i % modules, i / modules);
                for y in 0..module_px {
                    for x in 0..module_px {
                        grey[(top + my * module_px + y) * w + left + mx * module_px + x] = 30;
                    }
                }
            }
        }
        assert_eq!(decode_grey(&grey, w, h), vec![url.to_string()]);
    }
}
