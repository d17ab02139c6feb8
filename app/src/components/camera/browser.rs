//! The camera's browser side (`hydrate` only): `getUserMedia`, the frame timer, drawing
//! each tick's region into an offscreen canvas and decoding it (see `super`).

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
