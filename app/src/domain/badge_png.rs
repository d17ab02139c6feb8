//! Badges as PNG images for printing from elsewhere (issue 3, item 6). The same look as
//! the HTML badge (`components/badge.rs`, `.badge*` in `style/main.css`): a colour field
//! with a pattern (green: dots, red: diagonal stripes, so they differ in greyscale), the
//! camera icon with a tick or a slash, the words in the event language and English, then
//! a white foot with the QR, the printed name and the event name.
//!
//! Drawn at 300 dpi on the event's badge stock; the PNG says so (pHYs chunk), so print
//! dialogs that honour it print at the stock's size. Text uses the ISO 8859-13 bitmap
//! fonts of `embedded-graphics` (Latvian letters included), scaled by whole pixels;
//! characters outside the font print as `?`.

use super::badges::BadgeData;
use crate::i18n::*;
use crate::types::{BadgeStock, Consent};
use embedded_graphics::mono_font::iso_8859_13::{FONT_10X20, FONT_7X13, FONT_9X18_BOLD};
use embedded_graphics::mono_font::{MonoFont, MonoTextStyle};
use embedded_graphics::pixelcolor::Rgb888;
use embedded_graphics::prelude::*;
use embedded_graphics::text::{Baseline, Text};
use image::{Rgb, RgbImage};
use qrcode::{Color as Module, EcLevel, QrCode};

/// Print resolution.
pub const DPI: u32 = 300;

/// The colour fields' base colours, as in `style/main.css`.
const GREEN: [u8; 3] = [0x1c, 0x6b, 0x2f];
const RED: [u8; 3] = [0xa4, 0x16, 0x1a];
const WHITE: [u8; 3] = [0xff, 0xff, 0xff];
const BLACK: [u8; 3] = [0x00, 0x00, 0x00];

/// One CSS pixel (1/96 in) at 300 dpi.
const CSS_PX: f32 = DPI as f32 / 96.0;

/// QR modules: at least this many image pixels each.
pub const MIN_MODULE_PX: u32 = 6;
/// The QR's quiet zone, in modules.
pub const QUIET_ZONE: u32 = 4;

#[derive(Debug, thiserror::Error)]
pub enum BadgePngError {
    #[error("the badge URL does not fit in a QR code")]
    QrTooLong,
    #[error("PNG encoding failed: {0}")]
    Encode(#[from] png::EncodingError),
}

/// Millimetres to pixels at 300 dpi.
fn mm(v: f32) -> u32 {
    (v * DPI as f32 / 25.4).round() as u32
}

/// The stock's page in pixels, width × height, in the orientation of its CSS `@page`
/// size: CR80 1016 × 638, A6 1240 × 1748, label 62 × 100 mm 732 × 1181, 4 × 3 in
/// 1200 × 900.
pub fn page_px(stock: BadgeStock) -> (u32, u32) {
    match stock {
        BadgeStock::Cr80 => (mm(86.0), mm(54.0)),
        BadgeStock::A6 => (mm(105.0), mm(148.0)),
        BadgeStock::Label62x100 => (mm(62.0), mm(100.0)),
        BadgeStock::Label4x3in => (4 * DPI, 3 * DPI),
    }
}

/// Sizes that depend on the stock: margin, QR size (the HTML badge's is 22 mm on CR80)
/// and the integer scales of the name and event-name fonts.
struct Spec {
    pad: u32,
    qr_mm: f32,
    name_scale: u32,
    event_scale: u32,
}

fn spec(stock: BadgeStock) -> Spec {
    match stock {
        BadgeStock::Cr80 => Spec {
            pad: mm(1.5),
            qr_mm: 22.0,
            name_scale: 2,
            event_scale: 2,
        },
        BadgeStock::Label62x100 => Spec {
            pad: mm(1.5),
            qr_mm: 25.0,
            name_scale: 2,
            event_scale: 2,
        },
        BadgeStock::Label4x3in => Spec {
            pad: mm(2.0),
            qr_mm: 25.0,
            name_scale: 3,
            event_scale: 2,
        },
        BadgeStock::A6 => Spec {
            pad: mm(2.5),
            qr_mm: 35.0,
            name_scale: 3,
            event_scale: 3,
        },
    }
}

/// The badge as a PNG (RGB, 8 bits, 300 dpi).
pub fn render_png(d: &BadgeData) -> Result<Vec<u8>, BadgePngError> {
    encode_png(&render(d)?)
}

/// The badge as an image, before encoding.
pub fn render(d: &BadgeData) -> Result<RgbImage, BadgePngError> {
    let code = QrCode::with_error_correction_level(d.url.as_bytes(), EcLevel::M)
        .map_err(|_| BadgePngError::QrTooLong)?;
    let (w, h) = page_px(d.stock);
    let s = spec(d.stock);
    let mut img = RgbImage::from_pixel(w, h, Rgb(WHITE));

    // The foot: QR (with its quiet zone) on the left, name and event name beside it.
    let modules = code.width() as u32 + 2 * QUIET_ZONE;
    let module_px = (mm(s.qr_mm) / modules).max(MIN_MODULE_PX);
    let qr_side = modules * module_px;
    let foot_h = (qr_side + 2 * s.pad).min(h);
    let field_h = h - foot_h;
    draw_field(&mut img, field_h, d, s.pad);
    draw_qr(&mut img, &code, s.pad, field_h + s.pad, module_px);
    let text_x = 2 * s.pad + qr_side;
    let foot = Rect {
        x: text_x,
        y: field_h + s.pad,
        w: w.saturating_sub(text_x + s.pad),
        h: qr_side,
    };
    draw_foot_text(&mut img, foot, d, &s);
    Ok(img)
}

/// Encodes with the print resolution recorded (pHYs: 300 dpi = 11811 pixels a metre).
fn encode_png(img: &RgbImage) -> Result<Vec<u8>, BadgePngError> {
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, img.width(), img.height());
    enc.set_color(png::ColorType::Rgb);
    enc.set_depth(png::BitDepth::Eight);
    let per_metre = (DPI as f32 / 0.0254).round() as u32;
    enc.set_pixel_dims(Some(png::PixelDimensions {
        xppu: per_metre,
        yppu: per_metre,
        unit: png::Unit::Meter,
    }));
    let mut writer = enc.write_header()?;
    writer.write_image_data(img.as_raw())?;
    writer.finish()?;
    Ok(out)
}

#[derive(Clone, Copy, Debug)]
struct Rect {
    x: u32,
    y: u32,
    w: u32,
    h: u32,
}

fn words(locale: Locale, c: Consent) -> String {
    match c {
        Consent::Green => td_string!(locale, kiosk.badge_photos_ok).to_string(),
        Consent::Red => td_string!(locale, kiosk.badge_no_photos).to_string(),
    }
}

/// Colour, pattern, icon and words, centred in the top `field_h` rows.
fn draw_field(img: &mut RgbImage, field_h: u32, d: &BadgeData, pad: u32) {
    let w = img.width();
    fill_pattern(img, field_h, d.consent);

    // The same choice of languages as the HTML badge.
    let locale = if d.lang == "en" {
        Locale::en
    } else {
        Locale::lv
    };
    let main = clean(&words(locale, d.consent));
    let english = (locale != Locale::en).then(|| clean(&words(Locale::en, d.consent)));

    // The largest text scale at which icon, words and English fit the field.
    let font = &FONT_9X18_BOLD;
    let inner_w = w.saturating_sub(2 * pad);
    let inner_h = field_h.saturating_sub(2 * pad);
    let layout = |s1: u32| {
        let s2 = (s1 * 5).div_ceil(8).max(1);
        let icon = font.character_size.height * s1 * 8 / 5;
        let gap = pad.min(font.character_size.height * s1 / 4);
        let mut height = icon + gap + text_h(font, s1);
        let mut width = text_w(font, &main, s1);
        if let Some(en) = &english {
            height += gap / 2 + text_h(font, s2);
            width = width.max(text_w(font, en, s2));
        }
        (s2, icon, gap, width, height)
    };
    let s1 = (1..=8)
        .rev()
        .find(|&s| {
            let (_, _, _, width, height) = layout(s);
            width <= inner_w && height <= inner_h
        })
        .unwrap_or(1);
    let (s2, icon, gap, _, height) = layout(s1);
    // Spare height (portrait stocks have plenty) makes the icon larger, up to three
    // times the height of the words.
    let grow = (inner_h.saturating_sub(height) / 2)
        .min((text_h(font, s1) * 3).saturating_sub(icon))
        .min(inner_w.saturating_sub(icon));
    let (icon, height) = (icon + grow, height + grow);

    let mut y = field_h.saturating_sub(height) / 2;
    draw_icon(img, w / 2, y + icon / 2, icon, d.consent);
    y += icon + gap;
    draw_text_centred(img, &main, font, s1, y, WHITE);
    y += text_h(font, s1) + gap / 2;
    if let Some(en) = &english {
        draw_text_centred(img, en, font, s2, y, WHITE);
    }
}

/// Green: the base colour with faint white dots on a 12 px grid; red: the base colour
/// with dark diagonal stripes (6 px dark, 8 px clear, at 45°). CSS pixels, as in
/// `style/main.css`.
fn fill_pattern(img: &mut RgbImage, field_h: u32, consent: Consent) {
    let w = img.width();
    for y in 0..field_h {
        for x in 0..w {
            let (fx, fy) = (x as f32 + 0.5, y as f32 + 0.5);
            let px = match consent {
                Consent::Green => {
                    let cell = 12.0 * CSS_PX;
                    let dx = fx.rem_euclid(cell) - cell / 2.0;
                    let dy = fy.rem_euclid(cell) - cell / 2.0;
                    let r = (dx * dx + dy * dy).sqrt();
                    // rgba(255,255,255,0.18) to 2 px, fading out by 3 px.
                    let a = 0.18 * (3.0 - r / CSS_PX).clamp(0.0, 1.0);
                    blend(GREEN, WHITE, a)
                }
                Consent::Red => {
                    // Distance along the 45° gradient line (towards the top right).
                    let t = (fx - fy) / std::f32::consts::SQRT_2 / CSS_PX;
                    if t.rem_euclid(14.0) < 6.0 {
                        blend(RED, BLACK, 0.35)
                    } else {
                        RED
                    }
                }
            };
            img.put_pixel(x, y, Rgb(px));
        }
    }
}

fn blend(under: [u8; 3], over: [u8; 3], alpha: f32) -> [u8; 3] {
    let mix = |u: u8, o: u8| (u as f32 + (o as f32 - u as f32) * alpha).round() as u8;
    [
        mix(under[0], over[0]),
        mix(under[1], over[1]),
        mix(under[2], over[2]),
    ]
}

/// The HTML badge's camera icon (its 64 × 64 SVG) in white, `size` pixels square,
/// centred on (`cx`, `cy`): the body outline and viewfinder, with a tick (green) or a
/// slash across it (red). Anti-aliased with 4 × 4 samples a pixel.
fn draw_icon(img: &mut RgbImage, cx: u32, cy: u32, size: u32, consent: Consent) {
    if size == 0 {
        return;
    }
    const N: u32 = 4;
    let unit = size as f32 / 64.0;
    let x0 = cx as i64 - size as i64 / 2;
    let y0 = cy as i64 - size as i64 / 2;
    for py in 0..size {
        for px in 0..size {
            let (ix, iy) = (x0 + px as i64, y0 + py as i64);
            if ix < 0 || iy < 0 || ix >= img.width() as i64 || iy >= img.height() as i64 {
                continue;
            }
            let mut hits = 0;
            for sy in 0..N {
                for sx in 0..N {
                    let u = (px as f32 + (sx as f32 + 0.5) / N as f32) / unit;
                    let v = (py as f32 + (sy as f32 + 0.5) / N as f32) / unit;
                    if icon_covers(u, v, consent) {
                        hits += 1;
                    }
                }
            }
            if hits > 0 {
                let p = img.get_pixel_mut(ix as u32, iy as u32);
                p.0 = blend(p.0, WHITE, hits as f32 / (N * N) as f32);
            }
        }
    }
}

/// Whether point (u, v) of the icon's 64 × 64 view box is painted.
fn icon_covers(u: f32, v: f32, consent: Consent) -> bool {
    // <rect x="6" y="18" width="52" height="36" rx="6" stroke-width="5" fill="none"/>
    let body = round_rect_distance(u, v, (6.0, 18.0, 52.0, 36.0), 6.0).abs() <= 2.5;
    // <rect x="22" y="10" width="20" height="10" rx="3" fill/>
    let finder = round_rect_distance(u, v, (22.0, 10.0, 20.0, 10.0), 3.0) <= 0.0;
    let mark = match consent {
        // <path d="M20 34 l8 8 l16 -18" stroke-width="6"/>
        Consent::Green => {
            segment_distance(u, v, (20.0, 34.0), (28.0, 42.0)) <= 3.0
                || segment_distance(u, v, (28.0, 42.0), (44.0, 24.0)) <= 3.0
        }
        // <path d="M10 54 L54 10" stroke-width="7"/>
        Consent::Red => segment_distance(u, v, (10.0, 54.0), (54.0, 10.0)) <= 3.5,
    };
    body || finder || mark
}

/// Signed distance from (u, v) to a rounded rectangle (x, y, width, height).
fn round_rect_distance(u: f32, v: f32, (x, y, w, h): (f32, f32, f32, f32), r: f32) -> f32 {
    let qx = (u - (x + w / 2.0)).abs() - (w / 2.0 - r);
    let qy = (v - (y + h / 2.0)).abs() - (h / 2.0 - r);
    let outside = (qx.max(0.0).powi(2) + qy.max(0.0).powi(2)).sqrt();
    outside + qx.max(qy).min(0.0) - r
}

/// Distance from (u, v) to the segment a–b (round ends).
fn segment_distance(u: f32, v: f32, a: (f32, f32), b: (f32, f32)) -> f32 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let t = (((u - a.0) * dx + (v - a.1) * dy) / (dx * dx + dy * dy)).clamp(0.0, 1.0);
    let (cx, cy) = (a.0 + t * dx, a.1 + t * dy);
    ((u - cx).powi(2) + (v - cy).powi(2)).sqrt()
}

/// Black modules on white, the quiet zone included, top left at (x, y).
fn draw_qr(img: &mut RgbImage, code: &QrCode, x: u32, y: u32, module_px: u32) {
    let width = code.width() as u32;
    let side = (width + 2 * QUIET_ZONE) * module_px;
    fill_rect(img, x, y, side, side, WHITE);
    for (i, m) in code.to_colors().into_iter().enumerate() {
        if m == Module::Dark {
            let (mx, my) = (i as u32 % width, i as u32 / width);
            fill_rect(
                img,
                x + (QUIET_ZONE + mx) * module_px,
                y + (QUIET_ZONE + my) * module_px,
                module_px,
                module_px,
                BLACK,
            );
        }
    }
}

fn fill_rect(img: &mut RgbImage, x: u32, y: u32, w: u32, h: u32, c: [u8; 3]) {
    for yy in y..(y + h).min(img.height()) {
        for xx in x..(x + w).min(img.width()) {
            img.put_pixel(xx, yy, Rgb(c));
        }
    }
}

/// Name (bold-looking, larger) above the event name, black, in the area beside the QR,
/// centred vertically. Each wraps to at most two lines; the rest is cut with "...".
fn draw_foot_text(img: &mut RgbImage, area: Rect, d: &BadgeData, s: &Spec) {
    let name_font = &FONT_10X20;
    let event_font = &FONT_7X13;
    let name_cols = area.w / char_w(name_font, s.name_scale);
    let event_cols = area.w / char_w(event_font, s.event_scale);
    let fits = |name_lines: usize, event_lines: usize| {
        let name = d
            .name
            .as_deref()
            .map(|n| wrap(&clean(n), name_cols as usize, name_lines))
            .unwrap_or_default();
        let event = wrap(&clean(&d.event_name), event_cols as usize, event_lines);
        let line_gap = s.event_scale * 2;
        let height = name.len() as u32 * (text_h(name_font, s.name_scale) + line_gap)
            + event.len() as u32 * (text_h(event_font, s.event_scale) + line_gap);
        (height <= area.h).then_some((name, event, height, line_gap))
    };
    let Some((name, event, height, line_gap)) = fits(2, 2)
        .or_else(|| fits(1, 2))
        .or_else(|| fits(1, 1))
        .or_else(|| fits(0, 1))
    else {
        return;
    };
    let mut y = area.y + area.h.saturating_sub(height) / 2;
    for line in &name {
        draw_text(img, line, name_font, s.name_scale, area.x, y, BLACK);
        // A second pass one pixel to the right: the 10 × 20 font has no bold cut.
        draw_text(img, line, name_font, s.name_scale, area.x + 1, y, BLACK);
        y += text_h(name_font, s.name_scale) + line_gap;
    }
    for line in &event {
        draw_text(img, line, event_font, s.event_scale, area.x, y, BLACK);
        y += text_h(event_font, s.event_scale) + line_gap;
    }
}

/// One line of text: control characters become spaces, runs of white space one space.
fn clean(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            c if c.is_control() => " ".to_string(),
            // Common punctuation the ISO 8859-13 fonts lack.
            '\u{2010}'..='\u{2015}' | '\u{2212}' => "-".to_string(),
            '\u{2018}' | '\u{201a}' | '\u{2032}' => "'".to_string(),
            '\u{201f}' | '\u{2033}' => "\"".to_string(),
            '\u{2026}' => "...".to_string(),
            c => c.to_string(),
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Greedy word wrap by character count (the fonts are monospaced). Words longer than a
/// line are broken; text beyond `max_lines` is cut and the last line ends in "...".
fn wrap(text: &str, cols: usize, max_lines: usize) -> Vec<String> {
    if cols == 0 || max_lines == 0 || text.is_empty() {
        return Vec::new();
    }
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut current_len = 0;
    for word in text.split(' ') {
        let mut chars: Vec<char> = word.chars().collect();
        if current_len > 0 && current_len + 1 + chars.len() <= cols {
            current.push(' ');
            current.extend(&chars);
            current_len += 1 + chars.len();
            continue;
        }
        if current_len > 0 {
            lines.push(std::mem::take(&mut current));
        }
        while chars.len() > cols {
            lines.push(chars.drain(..cols).collect());
        }
        current_len = chars.len();
        current = chars.into_iter().collect();
    }
    if current_len > 0 {
        lines.push(current);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        let last = &mut lines[max_lines - 1];
        let keep = cols.saturating_sub(3);
        let mut cut: String = last.chars().take(keep).collect();
        cut.truncate(cut.trim_end().len());
        cut.push_str("...");
        *last = cut.chars().take(cols).collect();
    }
    lines
}

fn char_w(font: &MonoFont<'_>, scale: u32) -> u32 {
    (font.character_size.width + font.character_spacing) * scale
}

fn text_w(font: &MonoFont<'_>, text: &str, scale: u32) -> u32 {
    text.chars().count() as u32 * char_w(font, scale)
}

fn text_h(font: &MonoFont<'_>, scale: u32) -> u32 {
    font.character_size.height * scale
}

fn draw_text_centred(
    img: &mut RgbImage,
    text: &str,
    font: &MonoFont<'_>,
    scale: u32,
    y: u32,
    colour: [u8; 3],
) {
    let x = img.width().saturating_sub(text_w(font, text, scale)) / 2;
    draw_text(img, text, font, scale, x, y, colour);
}

/// Draws `text` with its top left at (x, y), each font pixel a `scale` × `scale` block.
/// Characters the font lacks come out as '?' (the font's replacement glyph).
fn draw_text(
    img: &mut RgbImage,
    text: &str,
    font: &MonoFont<'_>,
    scale: u32,
    x: u32,
    y: u32,
    colour: [u8; 3],
) {
    let style = MonoTextStyle::new(font, Rgb888::new(colour[0], colour[1], colour[2]));
    let mut target = Scaled {
        img,
        x,
        y,
        scale: scale.max(1),
    };
    // Drawing into an image cannot fail (the error type is Infallible).
    let _ = Text::with_baseline(text, Point::zero(), style, Baseline::Top).draw(&mut target);
}

/// An `embedded-graphics` target that draws into part of an `RgbImage`, enlarged.
struct Scaled<'a> {
    img: &'a mut RgbImage,
    x: u32,
    y: u32,
    scale: u32,
}

impl OriginDimensions for Scaled<'_> {
    fn size(&self) -> Size {
        Size::new(
            self.img.width().saturating_sub(self.x) / self.scale,
            self.img.height().saturating_sub(self.y) / self.scale,
        )
    }
}

impl DrawTarget for Scaled<'_> {
    type Color = Rgb888;
    type Error = std::convert::Infallible;

    fn draw_iter<I>(&mut self, pixels: I) -> Result<(), Self::Error>
    where
        I: IntoIterator<Item = Pixel<Self::Color>>,
    {
        for Pixel(p, c) in pixels {
            if p.x < 0 || p.y < 0 {
                continue;
            }
            let x = self.x + p.x as u32 * self.scale;
            let y = self.y + p.y as u32 * self.scale;
            fill_rect(
                self.img,
                x,
                y,
                self.scale,
                self.scale,
                [c.r(), c.g(), c.b()],
            );
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const URL: &str = "https://lanyard.example/b/AbCdEfGhIjKlMnOpQrStUv";

    fn badge(consent: Consent, stock: BadgeStock) -> BadgeData {
        BadgeData {
            consent,
            event_name: "Digitālās pārvaldes forums 2026".into(),
            name: Some("Anna Bērziņa".into()),
            url: URL.into(),
            stock,
            lang: "lv".into(),
        }
    }

    fn decode_qr(png: &[u8]) -> Vec<String> {
        let img = image::load_from_memory(png).unwrap().to_luma8();
        let mut prepared = rqrr::PreparedImage::prepare(img);
        prepared
            .detect_grids()
            .into_iter()
            .map(|g| g.decode().unwrap().1)
            .collect()
    }

    fn luma(p: &Rgb<u8>) -> f64 {
        0.299 * p.0[0] as f64 + 0.587 * p.0[1] as f64 + 0.114 * p.0[2] as f64
    }

    /// Luminance over a strip at the left of the colour field, clear of the icon and
    /// the words.
    fn field_lumas(img: &RgbImage) -> Vec<f64> {
        (10..250)
            .flat_map(|y| (0..100).map(move |x| (x, y)))
            .map(|(x, y)| luma(img.get_pixel(x, y)))
            .collect()
    }

    #[test]
    fn badge_png_sizes_follow_the_stock_at_300_dpi() {
        assert_eq!(page_px(BadgeStock::Cr80), (1016, 638));
        assert_eq!(page_px(BadgeStock::A6), (1240, 1748));
        assert_eq!(page_px(BadgeStock::Label62x100), (732, 1181));
        assert_eq!(page_px(BadgeStock::Label4x3in), (1200, 900));
        for stock in BadgeStock::ALL {
            let png = render_png(&badge(Consent::Green, stock)).unwrap();
            assert_eq!(&png[1..4], b"PNG");
            let img = image::load_from_memory(&png).unwrap();
            assert_eq!((img.width(), img.height()), page_px(stock), "{stock:?}");
            // 300 dpi recorded: pHYs with 11811 pixels a metre on both axes, unit metre.
            let phys = png.windows(4).position(|w| w == b"pHYs").expect("pHYs");
            assert_eq!(
                &png[phys + 4..phys + 13],
                &[0, 0, 0x2e, 0x23, 0, 0, 0x2e, 0x23, 1]
            );
        }
    }

    #[test]
    fn badge_png_qr_decodes_to_the_badge_url_on_every_stock() {
        for stock in BadgeStock::ALL {
            for consent in [Consent::Green, Consent::Red] {
                let png = render_png(&badge(consent, stock)).unwrap();
                assert_eq!(
                    decode_qr(&png),
                    vec![URL.to_string()],
                    "{stock:?} {consent:?}"
                );
            }
        }
    }

    #[test]
    fn badge_png_qr_has_quiet_zone_and_big_enough_modules() {
        let img = render(&badge(Consent::Red, BadgeStock::Cr80)).unwrap();
        let code = QrCode::with_error_correction_level(URL, EcLevel::M).unwrap();
        let modules = code.width() as u32 + 2 * QUIET_ZONE;
        let module_px = (mm(22.0) / modules).max(MIN_MODULE_PX);
        assert!(module_px >= MIN_MODULE_PX);
        let (pad, top) = (mm(1.5), img.height() - modules * module_px - mm(1.5));
        // The quiet zone is white; the first dark module (finder pattern) starts after it.
        for i in 0..QUIET_ZONE * module_px {
            assert_eq!(
                img.get_pixel(pad + i, top + QUIET_ZONE * module_px).0,
                WHITE
            );
        }
        let first = (pad + QUIET_ZONE * module_px, top + QUIET_ZONE * module_px);
        assert_eq!(img.get_pixel(first.0, first.1).0, BLACK);
    }

    #[test]
    fn badge_png_red_and_green_differ_in_greyscale() {
        let green = field_lumas(&render(&badge(Consent::Green, BadgeStock::Cr80)).unwrap());
        let red = field_lumas(&render(&badge(Consent::Red, BadgeStock::Cr80)).unwrap());
        let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
        let share = |v: &[f64], f: &dyn Fn(f64) -> bool| {
            v.iter().filter(|&&l| f(l)).count() as f64 / v.len() as f64
        };
        let (g, r) = (luma(&Rgb(GREEN)), luma(&Rgb(RED)));
        assert!(
            (mean(&green) - mean(&red)).abs() > 15.0,
            "mean luminance {:.1} vs {:.1}",
            mean(&green),
            mean(&red)
        );
        // Red: dark stripes over about 3/7 of the field; green: nothing darker.
        let red_dark = share(&red, &|l| l < r - 10.0);
        assert!((0.3..0.6).contains(&red_dark), "red stripes {red_dark:.2}");
        assert_eq!(share(&green, &|l| l < g - 10.0), 0.0);
        // Green: light dots over a small part; red: nothing lighter.
        let green_light = share(&green, &|l| l > g + 10.0);
        assert!(
            (0.03..0.3).contains(&green_light),
            "green dots {green_light:.2}"
        );
        assert_eq!(share(&red, &|l| l > r + 10.0), 0.0);
    }

    #[test]
    fn badge_png_unknown_characters_and_long_text_do_not_panic() {
        let mut d = badge(Consent::Green, BadgeStock::Label62x100);
        d.name = Some("李小龙 🎉 Ørjan\tO'Brien\u{0}".repeat(5));
        d.event_name = "x".repeat(500);
        d.lang = "de".into();
        let png = render_png(&d).unwrap();
        assert_eq!(decode_qr(&png), vec![URL.to_string()]);
        d.url = "x".repeat(5000);
        assert!(matches!(render_png(&d), Err(BadgePngError::QrTooLong)));
    }

    #[test]
    fn badge_png_wrap_cuts_to_lines() {
        assert_eq!(wrap("a bb ccc", 4, 3), vec!["a bb", "ccc"]);
        assert_eq!(wrap("abcdefghij", 4, 2), vec!["abcd", "e..."]);
        assert_eq!(wrap("one two three four", 9, 1), vec!["one tw..."]);
        assert!(wrap("", 4, 2).is_empty());
        assert_eq!(clean(" a\n\tb  c "), "a b c");
        assert_eq!(clean("Rīga \u{2014} ‘x’…"), "Rīga - 'x’...");
    }
}
