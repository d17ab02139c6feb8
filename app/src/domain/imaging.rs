//! The photo image pipeline (issue 5): what the server does with an uploaded photo.
//!
//! * [`inspect`] is cheap: magic bytes, the header's dimensions and the EXIF block. It
//!   rejects decompression bombs from the header, before any pixel is decoded.
//! * [`renditions`] decodes once and makes the preview (longest side
//!   [`PREVIEW_MAX_SIDE`]) and, from the preview-sized pixels, the thumbnail (longest
//!   side [`THUMB_MAX_SIDE`]). JPEGs are decoded at a reduced DCT scale (1/8, 1/4, 1/2)
//!   when that still gives at least the preview size, like libvips' shrink-on-load.
//! * [`export_jpeg`] makes the export copy, with regions redacted ([`redact`]).
//! * [`redact_jpeg`] redacts regions in an existing preview.
//! * [`strip_original`] rewrites an original with nothing but its pixels (erasure).
//!
//! Every output is a baseline JPEG with a JFIF header and nothing else: no EXIF, XMP,
//! IPTC, ICC profile or comment. The EXIF orientation is applied to the pixels.
//!
//! All functions are synchronous CPU work; callers run them in `spawn_blocking`. None of
//! them panics on bad input: errors come back as [`ImageError`] with a stable
//! [`ImageError::code`].

/// Generated test images: compiled for this crate's tests and, through the
/// `test-fixtures` feature, for the server's API tests and benchmarks; never into the
/// release server (which builds `app` without the feature).
#[cfg(any(test, feature = "test-fixtures"))]
pub mod fixtures;

use fast_image_resize as fr;
use std::io::Cursor;

/// Longest side of the preview.
pub const PREVIEW_MAX_SIDE: u32 = 1600;
/// Longest side of the thumbnail.
pub const THUMB_MAX_SIDE: u32 = 320;
/// JPEG quality of the preview and thumbnail (and of [`redact_jpeg`]).
pub const PREVIEW_QUALITY: u8 = 82;
/// JPEG quality of [`export_jpeg`].
pub const EXPORT_QUALITY: u8 = 88;
/// The largest side a JPEG can have.
const JPEG_MAX_SIDE: u32 = 65_535;
/// What the PNG decoder may ever allocate, whatever the size (the `image` crate's default).
const PNG_MAX_ALLOC: u64 = 512 * 1024 * 1024;
/// Room over the pixels for the decoder's own small buffers.
const PNG_SLACK: u64 = 1024 * 1024;

/// A rectangle relative to the oriented image, each value 0..=1 (the wire type tags use).
pub use crate::types::Region;

impl Region {
    /// The region in pixels of a `width` x `height` image as `(x0, y0, x1, y1)`, the ends
    /// exclusive, clamped to the image and rounded outwards (so a redaction covers at least
    /// the asked-for area). `None` when it is empty or not finite.
    pub fn to_pixels(&self, width: u32, height: u32) -> Option<(u32, u32, u32, u32)> {
        if ![self.x, self.y, self.w, self.h]
            .iter()
            .all(|v| v.is_finite())
        {
            return None;
        }
        let span = |start: f32, len: f32, size: u32| -> Option<(u32, u32)> {
            let size_f = f64::from(size);
            let a = f64::from(start).clamp(0.0, 1.0) * size_f;
            let b = (f64::from(start) + f64::from(len)).clamp(0.0, 1.0) * size_f;
            // f32 inputs: snap values within a thousandth of a pixel of a whole pixel.
            let snap = |v: f64| {
                if (v - v.round()).abs() < 1e-3 {
                    v.round()
                } else {
                    v
                }
            };
            let (a, b) = (snap(a).floor() as u32, snap(b).ceil() as u32);
            let (a, b) = (a.min(size), b.min(size));
            (b > a).then_some((a, b))
        };
        let (x0, x1) = span(self.x, self.w, width)?;
        let (y0, y1) = span(self.y, self.h, height)?;
        Some((x0, y0, x1, y1))
    }
}

/// What [`inspect`] accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    pub max_width: u32,
    pub max_height: u32,
    pub max_pixels: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_width: 16_384,
            max_height: 16_384,
            max_pixels: 120_000_000,
        }
    }
}

impl Limits {
    fn check(&self, width: u32, height: u32) -> Result<(), ImageError> {
        if width > self.max_width
            || height > self.max_height
            || u64::from(width) * u64::from(height) > self.max_pixels
        {
            return Err(ImageError::TooLarge { width, height });
        }
        Ok(())
    }
}

/// The accepted upload formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Jpeg,
    Png,
}

impl Format {
    pub fn mime(self) -> &'static str {
        match self {
            Format::Jpeg => "image/jpeg",
            Format::Png => "image/png",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Jpeg => "jpg",
            Format::Png => "png",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ImageError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is not a JPEG or PNG image")]
    NotImage,
    #[error("the image is {width} x {height} pixels, more than allowed")]
    TooLarge { width: u32, height: u32 },
    #[error("the image data is damaged or of an unsupported kind: {0}")]
    Corrupt(String),
    #[error("image processing failed: {0}")]
    Internal(String),
}

impl ImageError {
    /// What the upload route answers for this error (its wire code is [`Self::code`]).
    pub fn upload_error(&self) -> crate::types::UploadError {
        use crate::types::UploadError as U;
        match self {
            ImageError::Empty => U::PhotoEmpty,
            ImageError::NotImage => U::PhotoNotImage,
            ImageError::TooLarge { .. } => U::PhotoTooLargePixels,
            ImageError::Corrupt(_) => U::PhotoCorrupt,
            ImageError::Internal(_) => U::PhotoInternal,
        }
    }

    /// A stable code for the API and the UI.
    pub fn code(&self) -> &'static str {
        match self {
            ImageError::Empty => "photo_empty",
            ImageError::NotImage => "photo_not_image",
            ImageError::TooLarge { .. } => "photo_too_large_pixels",
            ImageError::Corrupt(_) => "photo_corrupt",
            ImageError::Internal(_) => "photo_internal",
        }
    }
}

/// What [`inspect`] found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Inspected {
    pub format: Format,
    /// Width and height after applying the EXIF orientation (5 to 8 swap them).
    pub width: u32,
    pub height: u32,
    /// The EXIF orientation, 1..=8; 1 if there is none (or it is invalid).
    pub orientation: u16,
    /// EXIF DateTimeOriginal as `YYYY-MM-DDTHH:MM:SS` (the camera's clock, no zone);
    /// `None` if absent or invalid.
    pub taken_local: Option<String>,
    /// EXIF OffsetTimeOriginal such as `+02:00`, if present and well-formed.
    pub taken_offset: Option<String>,
    /// EXIF BodySerialNumber (0xA431), trimmed; `None` if absent or empty.
    pub camera_serial: Option<String>,
}

impl Inspected {
    /// Width and height of the pixels as stored (before orientation).
    fn stored_size(&self) -> (u32, u32) {
        if swaps_axes(self.orientation) {
            (self.height, self.width)
        } else {
            (self.width, self.height)
        }
    }
}

/// The preview and thumbnail, as JPEG bytes.
#[derive(Clone, Debug)]
pub struct Renditions {
    pub thumb: Vec<u8>,
    pub preview: Vec<u8>,
}

/// Cheap: magic bytes + header dimensions + EXIF only; rejects bombs without decoding
/// pixels.
pub fn inspect(bytes: &[u8], limits: &Limits) -> Result<Inspected, ImageError> {
    match sniff(bytes)? {
        Format::Jpeg => {
            let header = jpeg_header(bytes, Some(limits))?;
            let exif = header.exif.map(read_exif).unwrap_or_default();
            Ok(inspected(
                Format::Jpeg,
                header.width.into(),
                header.height.into(),
                exif,
            ))
        }
        Format::Png => {
            let (width, height) = png_size(bytes)?;
            limits.check(width, height)?;
            let exif = png_exif(bytes).map(read_exif).unwrap_or_default();
            Ok(inspected(Format::Png, width, height, exif))
        }
    }
}

/// ONE decode producing both the preview (longest side [`PREVIEW_MAX_SIDE`]) and the
/// thumbnail (longest side [`THUMB_MAX_SIDE`], made from the preview-sized pixels); never
/// upscaled, orientation applied, no metadata. `info` is what [`inspect`] said about the
/// same bytes.
pub fn renditions(bytes: &[u8], info: &Inspected) -> Result<Renditions, ImageError> {
    let preview = decode_fit_orient(bytes, info, PREVIEW_MAX_SIDE)?;
    let (tw, th) = fit(info.width, info.height, THUMB_MAX_SIDE);
    let thumb = resize(&preview, tw, th)?;
    Ok(Renditions {
        thumb: encode_jpeg(&thumb, PREVIEW_QUALITY)?,
        preview: encode_jpeg(&preview, PREVIEW_QUALITY)?,
    })
}

/// For the export: decode (DCT-scaled where possible), orient, fit the longest side into
/// `max_side` (no upscale), redact `blur` ([`redact`]), encode JPEG quality
/// [`EXPORT_QUALITY`], no metadata.
pub fn export_jpeg(
    bytes: &[u8],
    info: &Inspected,
    max_side: u32,
    blur: &[Region],
) -> Result<Vec<u8>, ImageError> {
    let mut img = decode_fit_orient(bytes, info, max_side.clamp(1, JPEG_MAX_SIDE))?;
    redact(&mut img.data, img.width, img.height, blur);
    encode_jpeg(&img, EXPORT_QUALITY)
}

/// The original made safe to keep after its people's data must go (issue 14, point 5):
/// decoded at full size, orientation applied, re-encoded as a JPEG (quality
/// [`EXPORT_QUALITY`]) with nothing of the file but its pixels: no EXIF, XMP, IPTC, ICC
/// profile, comment, PNG text chunk or bytes after the image. Returns the JPEG and what
/// [`inspect`] reads from it.
pub fn strip_original(bytes: &[u8]) -> Result<(Vec<u8>, Inspected), ImageError> {
    let info = inspect(bytes, &Limits::default())?;
    let jpeg = export_jpeg(bytes, &info, info.width.max(info.height), &[])?;
    let out = inspect(&jpeg, &Limits::default())?;
    Ok((jpeg, out))
}

/// The preview with regions redacted: takes preview JPEG bytes (already oriented, no
/// EXIF; any orientation tag is ignored), redacts `blur`, re-encodes.
pub fn redact_jpeg(preview: &[u8], blur: &[Region]) -> Result<Vec<u8>, ImageError> {
    if sniff(preview)? != Format::Jpeg {
        return Err(ImageError::NotImage);
    }
    let header = jpeg_header(preview, Some(&Limits::default()))?;
    let mut img = decode_jpeg(preview, &header, JPEG_MAX_SIDE)?;
    redact(&mut img.data, img.width, img.height, blur);
    encode_jpeg(&img, PREVIEW_QUALITY)
}

/// In place on an RGB8 buffer (`width * height * 3` bytes, rows top to bottom): each
/// region (relative, clamped to the image, see [`Region::to_pixels`]) is made
/// unrecognisable for good: pixelated with coarse blocks (`max(16, shorter side / 8)`
/// pixels) and then blurred strongly (three box passes, about a Gaussian) inside the
/// region, so sharpening cannot bring detail back. Pixels outside the regions are neither
/// changed nor read. A buffer shorter than `width * height * 3` is left alone.
pub fn redact(rgb: &mut [u8], width: u32, height: u32, regions: &[Region]) {
    let (w, h) = (width as usize, height as usize);
    let Some(needed) = w.checked_mul(h).and_then(|p| p.checked_mul(3)) else {
        return;
    };
    if w == 0 || h == 0 || rgb.len() < needed {
        return;
    }
    for region in regions {
        if let Some((x0, y0, x1, y1)) = region.to_pixels(width, height) {
            redact_rect(
                rgb,
                w,
                (x0 as usize, y0 as usize),
                (x1 as usize, y1 as usize),
            );
        }
    }
}

// ---------------------------------------------------------------------------------------
// Redaction

fn redact_rect(rgb: &mut [u8], stride_px: usize, from: (usize, usize), to: (usize, usize)) {
    let (rw, rh) = (to.0 - from.0, to.1 - from.1);
    let block = (rw.min(rh) / 8).max(16);
    // Work on a copy of the region: nothing outside it is read or written.
    let mut reg = vec![0u8; rw * rh * 3];
    for y in 0..rh {
        let src = ((from.1 + y) * stride_px + from.0) * 3;
        reg[y * rw * 3..(y + 1) * rw * 3].copy_from_slice(&rgb[src..src + rw * 3]);
    }

    // 1. Pixelate: every block becomes its mean colour.
    for by in (0..rh).step_by(block) {
        let bh = block.min(rh - by);
        for bx in (0..rw).step_by(block) {
            let bw = block.min(rw - bx);
            let mut sum = [0u64; 3];
            for y in by..by + bh {
                for px in reg[(y * rw + bx) * 3..(y * rw + bx + bw) * 3].chunks_exact(3) {
                    for c in 0..3 {
                        sum[c] += u64::from(px[c]);
                    }
                }
            }
            let n = (bw * bh) as u64;
            let mean = sum.map(|s| ((s + n / 2) / n) as u8);
            for y in by..by + bh {
                for px in reg[(y * rw + bx) * 3..(y * rw + bx + bw) * 3].chunks_exact_mut(3) {
                    px.copy_from_slice(&mean);
                }
            }
        }
    }

    // 2. Blur: three box passes each way, so the block grid is smoothed away as well.
    let radius = (block / 2).max(8);
    let mut line = Vec::new();
    let mut out = Vec::new();
    for _ in 0..3 {
        for y in 0..rh {
            line.clear();
            line.extend_from_slice(&reg[y * rw * 3..(y + 1) * rw * 3]);
            box_blur_line(&line, radius, &mut out);
            reg[y * rw * 3..(y + 1) * rw * 3].copy_from_slice(&out);
        }
        for x in 0..rw {
            line.clear();
            for y in 0..rh {
                line.extend_from_slice(&reg[(y * rw + x) * 3..(y * rw + x) * 3 + 3]);
            }
            box_blur_line(&line, radius, &mut out);
            for y in 0..rh {
                reg[(y * rw + x) * 3..(y * rw + x) * 3 + 3].copy_from_slice(&out[y * 3..y * 3 + 3]);
            }
        }
    }

    for y in 0..rh {
        let dst = ((from.1 + y) * stride_px + from.0) * 3;
        rgb[dst..dst + rw * 3].copy_from_slice(&reg[y * rw * 3..(y + 1) * rw * 3]);
    }
}

/// Box blur of one line of RGB pixels with window `2 * radius + 1`, edges clamped.
fn box_blur_line(line: &[u8], radius: usize, out: &mut Vec<u8>) {
    let n = line.len() / 3;
    out.clear();
    out.resize(line.len(), 0);
    if n == 0 {
        return;
    }
    // Prefix sums per channel.
    let mut prefix = vec![[0u32; 3]; n + 1];
    for i in 0..n {
        for c in 0..3 {
            prefix[i + 1][c] = prefix[i][c] + u32::from(line[i * 3 + c]);
        }
    }
    let window = (2 * radius + 1) as u32;
    for i in 0..n {
        let lo = i.saturating_sub(radius);
        let hi = (i + radius).min(n - 1);
        let left_pad = (radius - (i - lo)) as u32;
        let right_pad = (radius - (hi - i)) as u32;
        for c in 0..3 {
            let s = prefix[hi + 1][c] - prefix[lo][c]
                + left_pad * u32::from(line[c])
                + right_pad * u32::from(line[(n - 1) * 3 + c]);
            out[i * 3 + c] = ((s + window / 2) / window) as u8;
        }
    }
}

// ---------------------------------------------------------------------------------------
// Formats and headers

fn sniff(bytes: &[u8]) -> Result<Format, ImageError> {
    if bytes.is_empty() {
        Err(ImageError::Empty)
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Ok(Format::Jpeg)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Ok(Format::Png)
    } else {
        Err(ImageError::NotImage)
    }
}

/// The marker segments of a JPEG from SOI up to and including SOS (the entropy-coded
/// data is not walked): `(marker, payload)`, the payload without the length bytes.
/// Bytes between segments that are not a marker are skipped, as libjpeg does.
pub(crate) struct Segments<'a> {
    data: &'a [u8],
    pos: usize,
    done: bool,
}

impl<'a> Segments<'a> {
    /// `None` if `data` does not start with SOI.
    pub(crate) fn new(data: &'a [u8]) -> Option<Self> {
        data.starts_with(&[0xFF, 0xD8]).then_some(Segments {
            data,
            pos: 2,
            done: false,
        })
    }
}

impl<'a> Iterator for Segments<'a> {
    type Item = Result<(u8, &'a [u8]), &'static str>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let d = self.data;
        // Find 0xFF, skip fill bytes, then the marker code (0x00 is stuffing, not a marker).
        let marker = loop {
            while self.pos < d.len() && d[self.pos] != 0xFF {
                self.pos += 1;
            }
            while self.pos < d.len() && d[self.pos] == 0xFF {
                self.pos += 1;
            }
            match d.get(self.pos) {
                None => {
                    self.done = true;
                    return Some(Err("the JPEG headers end early"));
                }
                Some(0x00) => self.pos += 1,
                Some(&m) => {
                    self.pos += 1;
                    break m;
                }
            }
        };
        match marker {
            0xD8 | 0x01 | 0xD0..=0xD7 => return Some(Ok((marker, &[]))),
            0xD9 => {
                self.done = true;
                return Some(Ok((marker, &[])));
            }
            _ => {}
        }
        let Some(len) = d
            .get(self.pos..self.pos + 2)
            .map(|b| usize::from(u16::from_be_bytes([b[0], b[1]])))
        else {
            self.done = true;
            return Some(Err("the JPEG headers end early"));
        };
        if len < 2 {
            self.done = true;
            return Some(Err("a JPEG segment has an invalid length"));
        }
        let Some(payload) = d.get(self.pos + 2..self.pos + len) else {
            self.done = true;
            return Some(Err("the JPEG headers end early"));
        };
        self.pos += len;
        if marker == 0xDA {
            self.done = true;
        }
        Some(Ok((marker, payload)))
    }
}

struct JpegHeader<'a> {
    width: u16,
    height: u16,
    precision: u8,
    exif: Option<&'a [u8]>,
}

/// Reads the frame header and the EXIF block. Checks `limits` as soon as the frame
/// header is seen.
fn jpeg_header<'a>(bytes: &'a [u8], limits: Option<&Limits>) -> Result<JpegHeader<'a>, ImageError> {
    let corrupt = |m: &str| ImageError::Corrupt(m.to_string());
    let segments = Segments::new(bytes).ok_or(ImageError::NotImage)?;
    let mut frame: Option<(u16, u16, u8)> = None;
    let mut exif = None;
    for segment in segments {
        let (marker, payload) = segment.map_err(corrupt)?;
        match marker {
            // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
            0xC0..=0xCF if !matches!(marker, 0xC4 | 0xC8 | 0xCC) => {
                if frame.is_some() {
                    continue;
                }
                if payload.len() < 6 {
                    return Err(corrupt("the JPEG frame header is too short"));
                }
                let precision = payload[0];
                let height = u16::from_be_bytes([payload[1], payload[2]]);
                let width = u16::from_be_bytes([payload[3], payload[4]]);
                if let Some(limits) = limits {
                    limits.check(width.into(), height.into())?;
                }
                if width == 0 || height == 0 {
                    return Err(corrupt("the JPEG has no size in its frame header"));
                }
                frame = Some((width, height, precision));
            }
            0xE1 if exif.is_none() && payload.starts_with(b"Exif\0") => {
                exif = payload.get(6..);
            }
            0xD9 | 0xDA => break,
            _ => {}
        }
    }
    let (width, height, precision) =
        frame.ok_or_else(|| corrupt("the JPEG has no frame header"))?;
    Ok(JpegHeader {
        width,
        height,
        precision,
        exif,
    })
}

/// Width and height from the PNG's IHDR.
fn png_size(bytes: &[u8]) -> Result<(u32, u32), ImageError> {
    if bytes.len() < 24 || &bytes[12..16] != b"IHDR" {
        return Err(ImageError::Corrupt("the PNG header is missing".into()));
    }
    let width = u32::from_be_bytes([bytes[16], bytes[17], bytes[18], bytes[19]]);
    let height = u32::from_be_bytes([bytes[20], bytes[21], bytes[22], bytes[23]]);
    if width == 0 || height == 0 {
        return Err(ImageError::Corrupt("the PNG has no size".into()));
    }
    Ok((width, height))
}

/// The PNG's eXIf chunk, if it comes before the image data.
fn png_exif(bytes: &[u8]) -> Option<&[u8]> {
    let mut pos = 8usize;
    loop {
        let head = bytes.get(pos..pos.checked_add(8)?)?;
        let len = u32::from_be_bytes([head[0], head[1], head[2], head[3]]) as usize;
        let kind = &head[4..8];
        let data_start = pos + 8;
        let data_end = data_start.checked_add(len)?;
        match kind {
            b"eXIf" => {
                let data = bytes.get(data_start..data_end)?;
                // Some writers keep the JPEG APP1 prefix.
                return Some(data.strip_prefix(b"Exif\0\0").unwrap_or(data));
            }
            b"IDAT" | b"IEND" => return None,
            _ => pos = data_end.checked_add(4)?,
        }
    }
}

// ---------------------------------------------------------------------------------------
// EXIF

#[derive(Default)]
struct ExifInfo {
    orientation: u16,
    taken_local: Option<String>,
    taken_offset: Option<String>,
    camera_serial: Option<String>,
}

fn inspected(format: Format, stored_w: u32, stored_h: u32, exif: ExifInfo) -> Inspected {
    let orientation = if (1..=8).contains(&exif.orientation) {
        exif.orientation
    } else {
        1
    };
    let (width, height) = if swaps_axes(orientation) {
        (stored_h, stored_w)
    } else {
        (stored_w, stored_h)
    };
    Inspected {
        format,
        width,
        height,
        orientation,
        taken_local: exif.taken_local,
        taken_offset: exif.taken_offset,
        camera_serial: exif.camera_serial,
    }
}

/// Reads the fields we use from a TIFF-structured EXIF block. A broken block gives what
/// could be read (or nothing); it never makes the photo invalid.
fn read_exif(tiff: &[u8]) -> ExifInfo {
    use exif::{In, Tag};
    let parsed = exif::Reader::new()
        .continue_on_error(true)
        .read_raw(tiff.to_vec())
        .or_else(|e| e.distill_partial_result(|_| {}));
    let Ok(parsed) = parsed else {
        return ExifInfo::default();
    };
    let field = |tag: Tag| parsed.get_field(tag, In::PRIMARY);
    let text = |tag: Tag| field(tag).and_then(|f| exif_text(&f.value));
    ExifInfo {
        orientation: field(Tag::Orientation)
            .and_then(|f| f.value.get_uint(0))
            .and_then(|v| u16::try_from(v).ok())
            .unwrap_or(1),
        taken_local: text(Tag::DateTimeOriginal).and_then(|s| exif_datetime(&s)),
        taken_offset: text(Tag::OffsetTimeOriginal).and_then(|s| exif_offset(&s)),
        camera_serial: text(Tag::BodySerialNumber).map(|s| s.chars().take(64).collect()),
    }
}

/// An ASCII (or, from sloppy writers, UNDEFINED/BYTE) value as trimmed printable text.
fn exif_text(value: &exif::Value) -> Option<String> {
    let bytes: &[u8] = match value {
        exif::Value::Ascii(parts) => parts.first()?,
        exif::Value::Undefined(b, _) | exif::Value::Byte(b) => b,
        _ => return None,
    };
    let text: String = String::from_utf8_lossy(bytes)
        .chars()
        .filter(|c| !c.is_control())
        .collect();
    let text = text.trim_matches(|c: char| c.is_whitespace() || c == '\0');
    (!text.is_empty()).then(|| text.to_string())
}

/// `YYYY:MM:DD HH:MM:SS` to `YYYY-MM-DDTHH:MM:SS`, if it is a real date and time.
fn exif_datetime(s: &str) -> Option<String> {
    let b = s.as_bytes();
    if b.len() < 19
        || !matches!(b[4], b':' | b'-')
        || !matches!(b[7], b':' | b'-')
        || !matches!(b[10], b' ' | b'T')
        || b[13] != b':'
        || b[16] != b':'
    {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = &b[r];
        part.iter()
            .all(u8::is_ascii_digit)
            .then(|| part.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0')))
    };
    let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (hour, minute, second) = (num(11..13)?, num(14..16)?, num(17..19)?);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let month_days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if year < 1900 || day == 0 || day > month_days || hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    Some(format!(
        "{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}"
    ))
}

/// `+HH:MM` / `-HH:MM`, if well-formed.
fn exif_offset(s: &str) -> Option<String> {
    let b = s.trim().as_bytes();
    let ok = b.len() == 6
        && matches!(b[0], b'+' | b'-')
        && b[1..3].iter().all(u8::is_ascii_digit)
        && b[3] == b':'
        && b[4..6].iter().all(u8::is_ascii_digit);
    if !ok {
        return None;
    }
    let hours = u32::from(b[1] - b'0') * 10 + u32::from(b[2] - b'0');
    let minutes = u32::from(b[4] - b'0') * 10 + u32::from(b[5] - b'0');
    (hours <= 14 && minutes <= 59).then(|| String::from_utf8_lossy(b).into_owned())
}

// ---------------------------------------------------------------------------------------
// Pixels

/// An RGB8 image, rows top to bottom.
#[derive(Clone)]
struct Rgb {
    width: u32,
    height: u32,
    data: Vec<u8>,
}

fn swaps_axes(orientation: u16) -> bool {
    (5..=8).contains(&orientation)
}

/// Fits `w` x `h` into `max_side` keeping the aspect ratio; never enlarges.
fn fit(w: u32, h: u32, max_side: u32) -> (u32, u32) {
    let long = w.max(h);
    if long <= max_side || long == 0 {
        return (w, h);
    }
    let s = f64::from(max_side) / f64::from(long);
    let side = |v: u32| ((f64::from(v) * s).round() as u32).clamp(1, max_side);
    (side(w), side(h))
}

/// Decodes so the result covers `max_side` (oriented longest side) at least where the
/// source allows, resizes to fit `max_side`, applies the orientation.
fn decode_fit_orient(bytes: &[u8], info: &Inspected, max_side: u32) -> Result<Rgb, ImageError> {
    let (ow, oh) = fit(info.width, info.height, max_side);
    let (sw, sh) = if swaps_axes(info.orientation) {
        (oh, ow)
    } else {
        (ow, oh)
    };
    let decoded = match sniff(bytes)? {
        Format::Jpeg => {
            let header = jpeg_header(bytes, None)?;
            if (u32::from(header.width), u32::from(header.height)) != info.stored_size() {
                return Err(ImageError::Corrupt(
                    "the image is not the one inspected".into(),
                ));
            }
            decode_jpeg(bytes, &header, sw.max(sh))?
        }
        Format::Png => {
            if png_size(bytes)? != info.stored_size() {
                return Err(ImageError::Corrupt(
                    "the image is not the one inspected".into(),
                ));
            }
            decode_png(bytes)?
        }
    };
    let resized = if (decoded.width, decoded.height) == (sw, sh) {
        decoded
    } else {
        resize(&decoded, sw, sh)?
    };
    Ok(orient(resized, info.orientation))
}

/// Decodes a JPEG at the smallest DCT scale (1/8, 1/4, 1/2, 1) whose longest side is
/// still at least `want_long_side` (or at full size).
fn decode_jpeg(bytes: &[u8], header: &JpegHeader, want_long_side: u32) -> Result<Rgb, ImageError> {
    let jpeg_err = |e: jpeg_decoder::Error| ImageError::Corrupt(e.to_string());
    // jpeg-decoder is not known to panic on bad data any more, but a panic must not take
    // the caller down with it: treat one as corrupt data.
    let caught = std::panic::catch_unwind(|| {
        let mut decoder = jpeg_decoder::Decoder::new(bytes);
        decoder.read_info().map_err(jpeg_err)?;
        let info = decoder
            .info()
            .ok_or_else(|| ImageError::Corrupt("no JPEG frame".into()))?;
        if (info.width, info.height) != (header.width, header.height) {
            return Err(ImageError::Corrupt(
                "the JPEG frame headers disagree".into(),
            ));
        }
        let want = u16::try_from(want_long_side.max(1)).unwrap_or(u16::MAX);
        let (w, h) = decoder.scale(want, want).map_err(jpeg_err)?;
        let px = usize::from(w) * usize::from(h);
        decoder.set_max_decoding_buffer_size(px * info.pixel_format.pixel_bytes());
        let raw = decoder.decode().map_err(jpeg_err)?;
        Ok((u32::from(w), u32::from(h), info.pixel_format, raw))
    });
    let (width, height, format, raw) =
        caught.map_err(|_| ImageError::Corrupt("the JPEG decoder gave up".into()))??;
    let px = width as usize * height as usize;
    let bad_len = || ImageError::Corrupt("the decoded JPEG has an unexpected size".into());
    use jpeg_decoder::PixelFormat as P;
    let data = match format {
        P::RGB24 if raw.len() == px * 3 => raw,
        P::L8 if raw.len() == px => raw.iter().flat_map(|&v| [v, v, v]).collect(),
        P::L16 if raw.len() == px * 2 => {
            let shift = header.precision.saturating_sub(8).min(8);
            raw.chunks_exact(2)
                .flat_map(|b| {
                    let v = (u16::from_ne_bytes([b[0], b[1]]) >> shift).min(255) as u8;
                    [v, v, v]
                })
                .collect()
        }
        // jpeg-decoder gives CMYK with 255 = full ink (Adobe's inversion undone).
        P::CMYK32 if raw.len() == px * 4 => raw
            .chunks_exact(4)
            .flat_map(|p| {
                let k = 255 - u32::from(p[3]);
                let ch = |c: u8| ((255 - u32::from(c)) * k / 255) as u8;
                [ch(p[0]), ch(p[1]), ch(p[2])]
            })
            .collect(),
        _ => return Err(bad_len()),
    };
    Ok(Rgb {
        width,
        height,
        data,
    })
}

/// What decoding a `width` x `height` PNG may allocate (issue 14, point 6): the pixels
/// at the widest sample there is (16-bit RGBA, 8 bytes), plus a little; never more than
/// [`PNG_MAX_ALLOC`].
pub fn png_budget(width: u32, height: u32) -> u64 {
    (u64::from(width) * u64::from(height) * 8 + PNG_SLACK).min(PNG_MAX_ALLOC)
}

/// The PNG with only the chunks its pixels need (IHDR, PLTE, tRNS, IDAT, IEND), copied
/// byte for byte. Ancillary chunks can make a decoder allocate far beyond the pixels: a
/// 1 MB file can carry a 1 GiB iCCP profile or zTXt text (issue 14, point 6), and none of
/// them is used (outputs carry no metadata). An unknown critical chunk is kept, so the
/// decoder refuses it as before.
pub(crate) fn png_pixels_only(bytes: &[u8]) -> Result<Vec<u8>, ImageError> {
    let corrupt = || ImageError::Corrupt("a PNG chunk runs past the end of the file".into());
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(bytes.get(..8).ok_or_else(corrupt)?);
    let mut pos = 8usize;
    while pos < bytes.len() {
        let head = bytes.get(pos..pos + 8).ok_or_else(corrupt)?;
        let len = u32::from_be_bytes([head[0], head[1], head[2], head[3]]) as usize;
        let kind = [head[4], head[5], head[6], head[7]];
        let end = pos
            .checked_add(12)
            .and_then(|e| e.checked_add(len))
            .ok_or_else(corrupt)?;
        let chunk = bytes.get(pos..end).ok_or_else(corrupt)?;
        // Bit 5 of the first letter: 0 = critical (upper case), 1 = ancillary.
        let critical = kind[0] & 0x20 == 0;
        if critical || &kind == b"tRNS" {
            out.extend_from_slice(chunk);
        }
        pos = end;
        if &kind == b"IEND" {
            break;
        }
    }
    Ok(out)
}

/// Decodes a PNG (any bit depth or colour type) with the `image` crate, flattening
/// transparency onto white. Only the chunks the pixels need reach the decoder
/// ([`png_pixels_only`]), and it may allocate no more than the pixels need
/// ([`png_budget`]).
fn decode_png(bytes: &[u8]) -> Result<Rgb, ImageError> {
    let (w, h) = png_size(bytes)?;
    let bytes = png_pixels_only(bytes)?;
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(w);
    limits.max_image_height = Some(h);
    limits.max_alloc = Some(png_budget(w, h));
    let mut reader = image::ImageReader::with_format(Cursor::new(bytes), image::ImageFormat::Png);
    reader.limits(limits);
    let img = reader.decode().map_err(|e| match e {
        image::ImageError::Limits(_) => ImageError::TooLarge {
            width: w,
            height: h,
        },
        image::ImageError::Unsupported(e) => ImageError::Corrupt(e.to_string()),
        e => ImageError::Corrupt(e.to_string()),
    })?;
    let (width, height) = (img.width(), img.height());
    let data = match img {
        image::DynamicImage::ImageRgb8(buf) => buf.into_raw(),
        img if img.color().has_alpha() => img
            .to_rgba8()
            .into_raw()
            .chunks_exact(4)
            .flat_map(|p| {
                let a = u32::from(p[3]);
                let ch = |c: u8| ((u32::from(c) * a + 255 * (255 - a) + 127) / 255) as u8;
                [ch(p[0]), ch(p[1]), ch(p[2])]
            })
            .collect(),
        img => img.to_rgb8().into_raw(),
    };
    Ok(Rgb {
        width,
        height,
        data,
    })
}

/// Resizes with a Lanczos3 convolution (SIMD where the CPU has it).
fn resize(src: &Rgb, width: u32, height: u32) -> Result<Rgb, ImageError> {
    let internal = |e: &dyn std::fmt::Display| ImageError::Internal(e.to_string());
    if (src.width, src.height) == (width, height) {
        return Ok(src.clone());
    }
    let from = fr::images::ImageRef::new(src.width, src.height, &src.data, fr::PixelType::U8x3)
        .map_err(|e| internal(&e))?;
    let mut to = fr::images::Image::new(width.max(1), height.max(1), fr::PixelType::U8x3);
    let options =
        fr::ResizeOptions::new().resize_alg(fr::ResizeAlg::Convolution(fr::FilterType::Lanczos3));
    fr::Resizer::new()
        .resize(&from, &mut to, &options)
        .map_err(|e| internal(&e))?;
    Ok(Rgb {
        width: to.width(),
        height: to.height(),
        data: to.into_vec(),
    })
}

/// Applies an EXIF orientation (1..=8) to the pixels.
fn orient(img: Rgb, orientation: u16) -> Rgb {
    if !(2..=8).contains(&orientation) {
        return img;
    }
    let (w, h) = (img.width as usize, img.height as usize);
    let (dw, dh) = if swaps_axes(orientation) {
        (h, w)
    } else {
        (w, h)
    };
    let mut data = vec![0u8; w * h * 3];
    for dy in 0..dh {
        for dx in 0..dw {
            // The stored pixel shown at (dx, dy).
            let (sx, sy) = match orientation {
                2 => (w - 1 - dx, dy),
                3 => (w - 1 - dx, h - 1 - dy),
                4 => (dx, h - 1 - dy),
                5 => (dy, dx),
                6 => (dy, h - 1 - dx),
                7 => (w - 1 - dy, h - 1 - dx),
                _ => (w - 1 - dy, dx),
            };
            let s = (sy * w + sx) * 3;
            let d = (dy * dw + dx) * 3;
            data[d..d + 3].copy_from_slice(&img.data[s..s + 3]);
        }
    }
    Rgb {
        width: dw as u32,
        height: dh as u32,
        data,
    }
}

/// Baseline JPEG, JFIF header only.
fn encode_jpeg(img: &Rgb, quality: u8) -> Result<Vec<u8>, ImageError> {
    let side = |v: u32| {
        u16::try_from(v).map_err(|_| ImageError::Internal("the image is too large for JPEG".into()))
    };
    let (w, h) = (side(img.width)?, side(img.height)?);
    let mut out = Vec::with_capacity(img.data.len() / 10 + 1024);
    jpeg_encoder::Encoder::new(&mut out, quality)
        .encode(&img.data, w, h, jpeg_encoder::ColorType::Rgb)
        .map_err(|e| ImageError::Internal(e.to_string()))?;
    Ok(out)
}

#[cfg(test)]
mod tests;
