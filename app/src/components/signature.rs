//! The guardian's signature, drawn with a finger or a mouse (requirement 6).

use crate::i18n::*;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

/// A signature drawn with a finger; `signature` gets it as a PNG data URL (`None` when
/// cleared).
#[component]
pub fn SignaturePad(#[prop(into)] signature: SignalSetter<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    let drawing = RwSignal::new(false);
    let context = move || -> Option<(web_sys::HtmlCanvasElement, web_sys::CanvasRenderingContext2d)> {
        let c = canvas.get()?;
        let ctx = c.get_context("2d").ok()??.dyn_into::<web_sys::CanvasRenderingContext2d>().ok()?;
        Some((c, ctx))
    };
    let point = move |c: &web_sys::HtmlCanvasElement, ev: &web_sys::PointerEvent| {
        let rect = c.get_bounding_client_rect();
        let sx = c.width() as f64 / rect.width().max(1.0);
        let sy = c.height() as f64 / rect.height().max(1.0);
        (
            (ev.client_x() as f64 - rect.left()) * sx,
            (ev.client_y() as f64 - rect.top()) * sy,
        )
    };
    let finish = move || {
        if drawing.get_untracked() {
            drawing.set(false);
            if let Some((c, _)) = context() {
                signature.set(c.to_data_url().ok());
            }
        }
    };
    view! {
        <div class="field">
            <span class="label" id="sig-label">{t!(i18n, kiosk.signature)}</span>
            <canvas
                node_ref=canvas
                class="signature"
                width="600"
                height="200"
                role="img"
                aria-labelledby="sig-label"
                on:pointerdown=move |ev: web_sys::PointerEvent| {
                    ev.prevent_default();
                    if let Some((c, ctx)) = context() {
                        let (x, y) = point(&c, &ev);
                        ctx.set_line_width(3.0);
                        ctx.begin_path();
                        ctx.move_to(x, y);
                        drawing.set(true);
                    }
                }
                on:pointermove=move |ev: web_sys::PointerEvent| {
                    if drawing.get_untracked() {
                        if let Some((c, ctx)) = context() {
                            let (x, y) = point(&c, &ev);
                            ctx.line_to(x, y);
                            ctx.stroke();
                        }
                    }
                }
                on:pointerup=move |_| finish()
                on:pointerleave=move |_| finish()
            ></canvas>
            <p class="help">{t!(i18n, kiosk.signature_help)}</p>
            <button
                type="button"
                class="secondary"
                on:click=move |_| {
                    if let Some((c, ctx)) = context() {
                        ctx.clear_rect(0.0, 0.0, c.width() as f64, c.height() as f64);
                    }
                    signature.set(None);
                }
            >
                {t!(i18n, kiosk.signature_clear)}
            </button>
        </div>
    }
}
