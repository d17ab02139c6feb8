//! Unit tests of the imaging pipeline: `cargo test -p app --features ssr --lib imaging`.

use super::fixtures::{self, FixtureMeta, MARKER_RGB};
use super::*;
use std::time::{Duration, Instant};

fn limits() -> Limits {
    Limits::default()
}

fn pixel(rgb: &[u8], w: u32, x: u32, y: u32) -> [u8; 3] {
    let i = ((y * w + x) * 3) as usize;
    [rgb[i], rgb[i + 1], rgb[i + 2]]
}

fn dims(jpeg: &[u8]) -> (u32, u32) {
    let (w, h, _) = fixtures::decode_rgb(jpeg);
    (w, h)
}

fn is_marker(p: [u8; 3]) -> bool {
    p[0] > 180 && p[1] < 80 && p[2] < 80
}

/// Which corner of a decoded image holds the red marker.
fn marker_corner(jpeg: &[u8]) -> &'static str {
    let (w, h, rgb) = fixtures::decode_rgb(jpeg);
    let (l, r, t, b) = (2, w - 3, 2, h - 3);
    let corners = [
        ("top-left", l, t),
        ("top-right", r, t),
        ("bottom-right", r, b),
        ("bottom-left", l, b),
    ];
    let found: Vec<_> = corners
        .iter()
        .filter(|(_, x, y)| is_marker(pixel(&rgb, w, *x, *y)))
        .map(|(name, _, _)| *name)
        .collect();
    assert_eq!(found.len(), 1, "marker in exactly one corner: {found:?}");
    found[0]
}

fn assert_no_metadata(jpeg: &[u8], what: &str) {
    assert!(
        !fixtures::jpeg_has_metadata(jpeg),
        "{what} has metadata segments {:x?}",
        fixtures::jpeg_metadata_markers(jpeg)
    );
    assert!(
        exif::Reader::new()
            .read_from_container(&mut std::io::Cursor::new(jpeg))
            .is_err(),
        "{what} has EXIF"
    );
}

#[test]
fn orientation_6_turns_landscape_into_portrait() {
    let src = fixtures::jpeg(600, 400, 7, &FixtureMeta::camera(6));
    assert_eq!(marker_corner(&src), "top-left", "stored pixels");
    let info = inspect(&src, &limits()).unwrap();
    assert_eq!((info.width, info.height, info.orientation), (400, 600, 6));
    let out = renditions(&src, &info).unwrap();
    let (pw, ph, _) = fixtures::decode_rgb(&out.preview);
    let (tw, th, _) = fixtures::decode_rgb(&out.thumb);
    assert_eq!((pw, ph), (400, 600), "no upscale, axes swapped");
    assert!(th > tw && th == 320, "thumb {tw}x{th}");
    // Rotated 90° clockwise: the stored top-left is shown top-right.
    assert_eq!(marker_corner(&out.preview), "top-right");
    assert_eq!(marker_corner(&out.thumb), "top-right");
}

#[test]
fn every_orientation_puts_the_marker_in_its_corner() {
    let expected = [
        (1, "top-left"),
        (2, "top-right"),
        (3, "bottom-right"),
        (4, "bottom-left"),
        (5, "top-left"),
        (6, "top-right"),
        (7, "bottom-right"),
        (8, "bottom-left"),
    ];
    for (o, corner) in expected {
        let src = fixtures::jpeg(
            240,
            160,
            3,
            &FixtureMeta {
                orientation: Some(o),
                ..FixtureMeta::NONE
            },
        );
        let info = inspect(&src, &limits()).unwrap();
        let out = renditions(&src, &info).unwrap();
        let (w, h, _) = fixtures::decode_rgb(&out.preview);
        if o >= 5 {
            assert_eq!((w, h), (160, 240), "orientation {o}");
        } else {
            assert_eq!((w, h), (240, 160), "orientation {o}");
        }
        assert_eq!(marker_corner(&out.preview), corner, "orientation {o}");
    }
}

#[test]
fn orient_maps_pixels_exactly() {
    // 3 x 2 stored, pixel value = index.
    let img = || Rgb {
        width: 3,
        height: 2,
        data: (0..6u8).flat_map(|v| [v, v, v]).collect(),
    };
    let shown = |o| {
        let r = orient(img(), o);
        (
            r.width,
            r.height,
            r.data.chunks(3).map(|p| p[0]).collect::<Vec<_>>(),
        )
    };
    // stored: 0 1 2 / 3 4 5
    assert_eq!(shown(1), (3, 2, vec![0, 1, 2, 3, 4, 5]));
    assert_eq!(shown(2), (3, 2, vec![2, 1, 0, 5, 4, 3]));
    assert_eq!(shown(3), (3, 2, vec![5, 4, 3, 2, 1, 0]));
    assert_eq!(shown(4), (3, 2, vec![3, 4, 5, 0, 1, 2]));
    assert_eq!(shown(5), (2, 3, vec![0, 3, 1, 4, 2, 5]));
    assert_eq!(shown(6), (2, 3, vec![3, 0, 4, 1, 5, 2]));
    assert_eq!(shown(7), (2, 3, vec![5, 2, 4, 1, 3, 0]));
    assert_eq!(shown(8), (2, 3, vec![2, 5, 1, 4, 0, 3]));
}

#[test]
fn outputs_carry_no_metadata() {
    let src = fixtures::jpeg(900, 600, 11, &FixtureMeta::camera(1));
    assert_eq!(
        fixtures::jpeg_metadata_markers(&src),
        vec![0xE1, 0xE1, 0xED, 0xFE],
        "source: EXIF, XMP, IPTC, COM"
    );
    assert!(exif::Reader::new()
        .read_from_container(&mut std::io::Cursor::new(&src))
        .is_ok());
    let info = inspect(&src, &limits()).unwrap();
    let out = renditions(&src, &info).unwrap();
    assert_no_metadata(&out.preview, "preview");
    assert_no_metadata(&out.thumb, "thumb");
    let region = Region {
        x: 0.2,
        y: 0.2,
        w: 0.3,
        h: 0.3,
    };
    let export = export_jpeg(&src, &info, 500, &[region]).unwrap();
    assert_no_metadata(&export, "export");
    let redacted = redact_jpeg(&out.preview, &[region]).unwrap();
    assert_no_metadata(&redacted, "redacted preview");
    // A JFIF APP0 is all that precedes the image data.
    assert_eq!(&out.preview[2..4], &[0xFF, 0xE0]);
}

#[test]
fn sizes_follow_the_longest_side_without_upscaling() {
    let big = fixtures::jpeg(6000, 4000, 1, &FixtureMeta::camera(1));
    let info = inspect(&big, &limits()).unwrap();
    assert_eq!((info.width, info.height), (6000, 4000));
    let out = renditions(&big, &info).unwrap();
    let (pw, ph, _) = fixtures::decode_rgb(&out.preview);
    let (tw, th, _) = fixtures::decode_rgb(&out.thumb);
    assert_eq!(pw, 1600);
    assert!(ph.abs_diff(1067) <= 1, "preview height {ph}");
    assert_eq!(tw, 320);
    assert!(th.abs_diff(213) <= 1, "thumb height {th}");

    let small = fixtures::jpeg(800, 600, 2, &FixtureMeta::NONE);
    let info = inspect(&small, &limits()).unwrap();
    let out = renditions(&small, &info).unwrap();
    assert_eq!(fixtures::decode_rgb(&out.preview).0, 800);
    assert_eq!(fixtures::decode_rgb(&out.preview).1, 600);
    let (tw, th, _) = fixtures::decode_rgb(&out.thumb);
    assert_eq!((tw, th), (320, 240));

    let tiny = fixtures::jpeg(100, 50, 2, &FixtureMeta::NONE);
    let info = inspect(&tiny, &limits()).unwrap();
    let out = renditions(&tiny, &info).unwrap();
    assert_eq!(dims(&out.thumb), (100, 50));
}

#[test]
fn fit_rounds_and_clamps() {
    assert_eq!(fit(6000, 4000, 1600), (1600, 1067));
    assert_eq!(fit(4000, 6000, 320), (213, 320));
    assert_eq!(fit(800, 600, 1600), (800, 600));
    assert_eq!(fit(10_000, 1, 320), (320, 1));
}

#[test]
fn inspect_reads_the_exif_fields() {
    let src = fixtures::jpeg(64, 48, 1, &FixtureMeta::camera(1));
    let info = inspect(&src, &limits()).unwrap();
    assert_eq!(
        info,
        Inspected {
            format: Format::Jpeg,
            width: 64,
            height: 48,
            orientation: 1,
            taken_local: Some("2026-11-22T10:00:00".into()),
            taken_offset: Some("+02:00".into()),
            camera_serial: Some("SN-0042-FIXTURE".into()),
        }
    );

    let bare = fixtures::jpeg(64, 48, 1, &FixtureMeta::NONE);
    let info = inspect(&bare, &limits()).unwrap();
    assert_eq!(info.orientation, 1);
    assert_eq!(info.taken_local, None);
    assert_eq!(info.taken_offset, None);
    assert_eq!(info.camera_serial, None);

    let odd = fixtures::jpeg(
        64,
        48,
        1,
        &FixtureMeta {
            orientation: Some(9),
            taken: Some("0000:00:00 00:00:00"),
            offset: Some("2 hours"),
            serial: Some("   "),
            with_all_metadata: false,
        },
    );
    let info = inspect(&odd, &limits()).unwrap();
    assert_eq!(info.orientation, 1);
    assert_eq!(info.taken_local, None);
    assert_eq!(info.taken_offset, None);
    assert_eq!(info.camera_serial, None);
}

#[test]
fn exif_text_parsers() {
    assert_eq!(
        exif_datetime("2024:02:29 23:59:59").as_deref(),
        Some("2024-02-29T23:59:59")
    );
    assert_eq!(exif_datetime("2023:02:29 10:00:00"), None);
    assert_eq!(exif_datetime("    :  :     :  :  "), None);
    assert_eq!(exif_datetime("2026:11:22 24:00:00"), None);
    assert_eq!(exif_datetime("2026:11"), None);
    assert_eq!(exif_offset("-05:30").as_deref(), Some("-05:30"));
    assert_eq!(exif_offset("+2:00"), None);
    assert_eq!(exif_offset("+99:00"), None);
}

#[test]
fn bombs_are_refused_from_the_header() {
    for (name, bomb) in [
        ("jpeg", fixtures::jpeg_bomb()),
        ("png", fixtures::png_bomb()),
    ] {
        assert!(bomb.len() < 2000, "{name} bomb is {} bytes", bomb.len());
        let start = Instant::now();
        let err = inspect(&bomb, &limits()).unwrap_err();
        assert_eq!(err.code(), "photo_too_large_pixels", "{name}: {err}");
        assert!(
            start.elapsed() < Duration::from_millis(200),
            "{name} took long"
        );
    }
    // Over the pixel count but not a side.
    let tight = Limits {
        max_width: 16_384,
        max_height: 16_384,
        max_pixels: 600 * 400 - 1,
    };
    let src = fixtures::jpeg(600, 400, 1, &FixtureMeta::NONE);
    assert_eq!(
        inspect(&src, &tight).unwrap_err().code(),
        "photo_too_large_pixels"
    );
}

#[test]
fn bad_files_get_stable_codes() {
    let code = |bytes: &[u8]| inspect(bytes, &limits()).unwrap_err().code();
    assert_eq!(code(b""), "photo_empty");
    assert_eq!(
        code(b"Dear organiser, this is not a photo.\n"),
        "photo_not_image"
    );
    assert_eq!(
        code(b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"),
        "photo_not_image"
    );
    assert_eq!(code(b"RIFF\x24\x00\x00\x00WEBPVP8 "), "photo_not_image");
    assert_eq!(code(b"\x00\x00\x00\x18ftypheic"), "photo_not_image");
    assert_eq!(code(&[0xFF, 0xD8, 0xFF]), "photo_corrupt");
    assert_eq!(code(b"\x89PNG\r\n\x1a\n\x00\x00"), "photo_corrupt");

    // Cut in the headers: inspect says corrupt.
    let src = fixtures::jpeg(600, 400, 5, &FixtureMeta::camera(1));
    assert_eq!(code(&src[..100]), "photo_corrupt");

    // Cut in the image data: inspect is fine, decoding says corrupt.
    let half = &src[..src.len() / 2];
    let info = inspect(half, &limits()).unwrap();
    assert_eq!(renditions(half, &info).unwrap_err().code(), "photo_corrupt");
    assert_eq!(
        export_jpeg(half, &info, 300, &[]).unwrap_err().code(),
        "photo_corrupt"
    );
    let png = fixtures::png(300, 200, 5);
    let half = &png[..png.len() / 2];
    let info = inspect(half, &limits()).unwrap();
    assert_eq!(renditions(half, &info).unwrap_err().code(), "photo_corrupt");

    // Bytes that are not the inspected image.
    let other = fixtures::jpeg(300, 200, 5, &FixtureMeta::NONE);
    let info = inspect(&src, &limits()).unwrap();
    assert_eq!(
        renditions(&other, &info).unwrap_err().code(),
        "photo_corrupt"
    );
    assert_eq!(
        redact_jpeg(b"nope", &[]).unwrap_err().code(),
        "photo_not_image"
    );
}

#[test]
fn damaged_jpegs_never_panic() {
    let src = fixtures::jpeg(160, 120, 9, &FixtureMeta::camera(6));
    let mut state = 0x1234_5678_9abc_def0u64;
    let mut next = || {
        state = fixtures_mix(state);
        state
    };
    for round in 0..150 {
        let mut bad = src.clone();
        let flips = 1 + (next() % 8) as usize;
        for _ in 0..flips {
            // Mostly the headers, sometimes the data.
            let span = if round % 2 == 0 {
                700.min(bad.len())
            } else {
                bad.len()
            };
            let at = (next() as usize) % span;
            bad[at] = next() as u8;
        }
        if round % 5 == 0 {
            bad.truncate((next() as usize) % bad.len());
        }
        if let Ok(info) = inspect(&bad, &limits()) {
            let _ = renditions(&bad, &info);
            let _ = export_jpeg(&bad, &info, 100, &[]);
        }
    }
}

fn fixtures_mix(z: u64) -> u64 {
    let z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z ^ (z >> 31)
}

/// Mean absolute difference over a rectangle.
fn mad(a: &[u8], b: &[u8], w: u32, (x0, y0, x1, y1): (u32, u32, u32, u32)) -> f64 {
    let mut sum = 0u64;
    for y in y0..y1 {
        for x in x0..x1 {
            let i = ((y * w + x) * 3) as usize;
            for c in 0..3 {
                sum += u64::from(a[i + c].abs_diff(b[i + c]));
            }
        }
    }
    sum as f64 / f64::from((x1 - x0) * (y1 - y0) * 3)
}

/// A strong unsharp mask: out = img + 2 * (img - blur3x3(img)).
fn unsharp(rgb: &[u8], w: u32, h: u32) -> Vec<u8> {
    let mut out = rgb.to_vec();
    for y in 1..h - 1 {
        for x in 1..w - 1 {
            for c in 0..3 {
                let mut s = 0i32;
                for dy in 0..3 {
                    for dx in 0..3 {
                        s += i32::from(rgb[(((y + dy - 1) * w + x + dx - 1) * 3 + c) as usize]);
                    }
                }
                let i = ((y * w + x) * 3 + c) as usize;
                let v = i32::from(rgb[i]);
                out[i] = (v + 2 * (v - s / 9)).clamp(0, 255) as u8;
            }
        }
    }
    out
}

#[test]
fn redaction_destroys_detail_inside_and_touches_nothing_outside() {
    let (w, h) = (400, 300);
    let original = fixtures::pattern(w, h, 42);
    let mut rgb = original.clone();
    let region = Region {
        x: 0.3,
        y: 0.25,
        w: 0.4,
        h: 0.5,
    };
    redact(&mut rgb, w, h, &[region]);
    let rect = region.to_pixels(w, h).unwrap();
    assert_eq!(rect, (120, 75, 280, 225));

    let inside = mad(&original, &rgb, w, rect);
    assert!(inside > 25.0, "inside MAD {inside}");
    let sharpened = unsharp(&rgb, w, h);
    let after = mad(
        &original,
        &sharpened,
        w,
        (rect.0 + 1, rect.1 + 1, rect.2 - 1, rect.3 - 1),
    );
    assert!(after > 25.0, "sharpened MAD {after}");
    // Sharpening the original itself is "close" by comparison.
    let baseline = mad(&original, &unsharp(&original, w, h), w, rect);
    assert!(
        after > inside * 0.8,
        "sharpening recovered detail: {inside} -> {after} ({baseline})"
    );

    // Fine texture is gone: neighbouring pixels inside barely differ.
    let mut grad = 0u64;
    for y in rect.1..rect.3 {
        for x in rect.0..rect.2 - 1 {
            grad += u64::from(pixel(&rgb, w, x, y)[1].abs_diff(pixel(&rgb, w, x + 1, y)[1]));
        }
    }
    let grad = grad as f64 / f64::from((rect.2 - rect.0 - 1) * (rect.3 - rect.1));
    assert!(grad < 3.0, "mean neighbour difference {grad}");

    for y in 0..h {
        for x in 0..w {
            let within = x >= rect.0 && x < rect.2 && y >= rect.1 && y < rect.3;
            if !within {
                assert_eq!(
                    pixel(&rgb, w, x, y),
                    pixel(&original, w, x, y),
                    "({x}, {y})"
                );
            }
        }
    }
}

#[test]
fn redaction_clamps_and_ignores_nonsense() {
    let (w, h) = (200, 100);
    let original = fixtures::pattern(w, h, 1);
    let mut rgb = original.clone();
    let regions = [
        Region {
            x: -0.5,
            y: 0.9,
            w: 0.75,
            h: 0.5,
        }, // clamps to x 0..50, y 90..100
        Region {
            x: f32::NAN,
            y: 0.0,
            w: 1.0,
            h: 1.0,
        },
        Region {
            x: 0.5,
            y: 0.5,
            w: -0.2,
            h: 0.2,
        },
        Region {
            x: 0.5,
            y: 0.5,
            w: f32::INFINITY,
            h: 0.1,
        },
        Region {
            x: 2.0,
            y: 2.0,
            w: 1.0,
            h: 1.0,
        },
    ];
    redact(&mut rgb, w, h, &regions);
    assert_eq!(regions[0].to_pixels(w, h), Some((0, 90, 50, 100)));
    for y in 0..h {
        for x in 0..w {
            if !(x < 50 && y >= 90) {
                assert_eq!(
                    pixel(&rgb, w, x, y),
                    pixel(&original, w, x, y),
                    "({x}, {y})"
                );
            }
        }
    }
    assert!(mad(&original, &rgb, w, (0, 90, 50, 100)) > 10.0);
    // Wrong buffer sizes and empty images are left alone.
    let mut short = vec![7u8; 10];
    redact(&mut short, 100, 100, &regions[..1]);
    assert_eq!(short, vec![7u8; 10]);
    redact(&mut [], 0, 0, &regions[..1]);
    // A 1-pixel region still works.
    let mut one = original.clone();
    redact(
        &mut one,
        w,
        h,
        &[Region {
            x: 0.5,
            y: 0.5,
            w: 0.0001,
            h: 0.0001,
        }],
    );
}

#[test]
fn export_respects_max_side_orientation_and_redaction() {
    let src = fixtures::jpeg(1500, 1000, 8, &FixtureMeta::camera(6));
    let info = inspect(&src, &limits()).unwrap();
    let plain = export_jpeg(&src, &info, 1000, &[]).unwrap();
    let (w, h, plain_rgb) = fixtures::decode_rgb(&plain);
    assert_eq!((w, h), (667, 1000));
    assert_no_metadata(&plain, "export");
    assert_eq!(marker_corner(&plain), "top-right");

    let region = Region {
        x: 0.25,
        y: 0.25,
        w: 0.5,
        h: 0.5,
    };
    let blurred = export_jpeg(&src, &info, 1000, &[region]).unwrap();
    let (_, _, blurred_rgb) = fixtures::decode_rgb(&blurred);
    let rect = region.to_pixels(w, h).unwrap();
    let inside = mad(&plain_rgb, &blurred_rgb, w, rect);
    assert!(inside > 25.0, "inside {inside}");
    // Outside, only JPEG noise differs.
    assert!(mad(&plain_rgb, &blurred_rgb, w, (0, 0, w, rect.1 - 8)) < 3.0);

    // No upscale: a larger max_side gives the full size.
    let small = fixtures::jpeg(300, 200, 8, &FixtureMeta::NONE);
    let info = inspect(&small, &limits()).unwrap();
    let out = export_jpeg(&small, &info, 4000, &[]).unwrap();
    assert_eq!(dims(&out), (300, 200));
}

#[test]
fn redacted_preview_changes_only_the_region() {
    let src = fixtures::jpeg(1200, 800, 4, &FixtureMeta::camera(1));
    let info = inspect(&src, &limits()).unwrap();
    let preview = renditions(&src, &info).unwrap().preview;
    let region = Region {
        x: 0.5,
        y: 0.5,
        w: 0.25,
        h: 0.25,
    };
    let redacted = redact_jpeg(&preview, &[region]).unwrap();
    let (w, h, a) = fixtures::decode_rgb(&preview);
    let (w2, h2, b) = fixtures::decode_rgb(&redacted);
    assert_eq!((w, h), (w2, h2));
    let rect = region.to_pixels(w, h).unwrap();
    assert!(mad(&a, &b, w, rect) > 25.0);
    assert!(mad(&a, &b, w, (0, 0, w, rect.1 - 8)) < 4.0);
}

#[test]
fn pngs_of_every_kind_decode() {
    use image::{DynamicImage, ImageBuffer, ImageFormat, Luma, LumaA, Rgba};
    let encode = |img: DynamicImage| {
        let mut out = std::io::Cursor::new(Vec::new());
        img.write_to(&mut out, ImageFormat::Png).unwrap();
        out.into_inner()
    };
    let (w, h) = (400u32, 300u32);
    let rgb8 = fixtures::png(w, h, 3);
    // Transparent left half over a red right half: flattens onto white.
    let rgba16 = encode(DynamicImage::ImageRgba16(ImageBuffer::from_fn(
        w,
        h,
        |x, _| {
            if x < w / 2 {
                Rgba([0, 0, 0, 0])
            } else {
                Rgba([65535, 0, 0, 65535])
            }
        },
    )));
    let grey = encode(DynamicImage::ImageLuma8(ImageBuffer::from_fn(
        w,
        h,
        |x, _| Luma([(x % 256) as u8]),
    )));
    let grey_alpha16 = encode(DynamicImage::ImageLumaA16(ImageBuffer::from_fn(
        w,
        h,
        |_, _| LumaA([30_000, 65535]),
    )));
    let palette = {
        let mut out = Vec::new();
        let mut enc = png::Encoder::new(&mut out, w, h);
        enc.set_color(png::ColorType::Indexed);
        enc.set_depth(png::BitDepth::Four);
        enc.set_palette(vec![0, 0, 255, 255, 255, 0]);
        let mut writer = enc.write_header().unwrap();
        let row = (w as usize).div_ceil(2);
        let data: Vec<u8> = (0..h as usize * row)
            .map(|i| if i % 2 == 0 { 0x01 } else { 0x10 })
            .collect();
        writer.write_image_data(&data).unwrap();
        writer.finish().unwrap();
        out
    };
    for (name, bytes) in [
        ("rgb8", &rgb8),
        ("rgba16", &rgba16),
        ("grey", &grey),
        ("grey_alpha16", &grey_alpha16),
        ("palette", &palette),
    ] {
        let info = inspect(bytes, &limits()).unwrap();
        assert_eq!(info.format, Format::Png, "{name}");
        assert_eq!((info.width, info.height), (w, h), "{name}");
        let out = renditions(bytes, &info).unwrap();
        let (pw, ph, rgb) = fixtures::decode_rgb(&out.preview);
        assert_eq!((pw, ph), (w, h), "{name}");
        assert_eq!(dims(&out.thumb), (320, 240), "{name}");
        if name == "rgba16" {
            let left = pixel(&rgb, pw, 20, 150);
            let right = pixel(&rgb, pw, 380, 150);
            assert!(
                left.iter().all(|&c| c > 240),
                "transparent is white: {left:?}"
            );
            assert!(right[0] > 200 && right[1] < 40, "opaque red: {right:?}");
        }
        if name == "rgb8" {
            assert_eq!(marker_corner(&out.preview), "top-left");
            assert!(is_marker(MARKER_RGB));
        }
    }
}

#[test]
fn png_exif_orientation_is_applied() {
    // A PNG with an eXIf chunk (orientation 8) before IDAT.
    let png = fixtures::png(240, 160, 2);
    let tiff = fixtures::exif_tiff(&FixtureMeta {
        orientation: Some(8),
        ..FixtureMeta::NONE
    })
    .unwrap();
    let mut chunk = (tiff.len() as u32).to_be_bytes().to_vec();
    chunk.extend_from_slice(b"eXIf");
    chunk.extend_from_slice(&tiff);
    chunk.extend_from_slice(&[0, 0, 0, 0]); // CRC not checked by us; image may
    let mut with_exif = png[..33].to_vec();
    with_exif.extend_from_slice(&chunk);
    with_exif.extend_from_slice(&png[33..]);
    let info = inspect(&with_exif, &limits()).unwrap();
    assert_eq!((info.width, info.height, info.orientation), (160, 240, 8));
    // Pixels: orientation from the stored IHDR plus our eXIf reading.
    let info_plain = Inspected {
        orientation: 8,
        width: 160,
        height: 240,
        ..inspect(&png, &limits()).unwrap()
    };
    let out = renditions(&png, &info_plain).unwrap();
    assert_eq!(marker_corner(&out.preview), "bottom-left");
}

#[test]
fn progressive_greyscale_and_cmyk_jpegs_decode() {
    let (w, h) = (900u32, 600u32);
    let rgb = fixtures::pattern(w, h, 6);
    let encode = |data: &[u8], kind: jpeg_encoder::ColorType, progressive: bool| {
        let mut out = Vec::new();
        let mut enc = jpeg_encoder::Encoder::new(&mut out, 85);
        enc.set_progressive(progressive);
        enc.encode(data, w as u16, h as u16, kind).unwrap();
        out
    };
    let grey: Vec<u8> = rgb.chunks(3).map(|p| p[1]).collect();
    let cmyk: Vec<u8> = rgb
        .chunks(3)
        .flat_map(|p| [255 - p[0], 255 - p[1], 255 - p[2], 0])
        .collect();
    for (name, bytes) in [
        (
            "progressive",
            encode(&rgb, jpeg_encoder::ColorType::Rgb, true),
        ),
        ("grey", encode(&grey, jpeg_encoder::ColorType::Luma, false)),
        ("cmyk", encode(&cmyk, jpeg_encoder::ColorType::Cmyk, false)),
    ] {
        let info = inspect(&bytes, &limits()).unwrap();
        let out = renditions(&bytes, &info).unwrap();
        assert_eq!(dims(&out.preview), (900, 600), "{name}");
        assert_eq!(dims(&out.thumb), (320, 213), "{name}");
        if name != "grey" {
            assert_eq!(marker_corner(&out.preview), "top-left", "{name}");
        }
        let small = export_jpeg(&bytes, &info, 200, &[]).unwrap();
        assert_eq!(dims(&small), (200, 133), "{name}");
    }
}

/// Issue 14, point 5: an original rewritten for keeping has nothing but its pixels.
#[test]
fn a_stripped_original_keeps_the_pixels_oriented_and_nothing_else() {
    let src = fixtures::jpeg_naming(600, 400, 9, "Zentaurs Kvadrāts", "zk@example.lv");
    for needle in ["Zentaurs", "Kvadrāts", "zk@example.lv"] {
        assert!(src.windows(needle.len()).any(|w| w == needle.as_bytes()));
    }
    let info = inspect(&src, &limits()).unwrap();
    assert_eq!(info.orientation, 6);
    let (out, out_info) = strip_original(&src).unwrap();
    assert_no_metadata(&out, "stripped original");
    for needle in ["Zentaurs", "Kvadrāts", "zk@example.lv", "trailer"] {
        assert!(
            !out.windows(needle.len()).any(|w| w == needle.as_bytes()),
            "{needle} left in the rewritten original"
        );
    }
    // Full size, turned as the EXIF said; nothing left to turn.
    assert_eq!(dims(&out), (400, 600));
    assert_eq!(
        (out_info.width, out_info.height, out_info.orientation),
        (400, 600, 1)
    );
    let preview = renditions(&src, &info).unwrap().preview;
    assert_eq!(marker_corner(&out), marker_corner(&preview));
    // A PNG original becomes a JPEG the same way.
    let (png_out, png_info) = strip_original(&fixtures::png(300, 200, 4)).unwrap();
    assert_eq!(
        (png_info.format, dims(&png_out)),
        (Format::Jpeg, (300, 200))
    );
}

/// The crafted iCCP stream is real: a small one inflates to exactly its size.
#[test]
fn the_iccp_fixture_inflates_to_its_stated_size() {
    for n in [1u64, 257, 258, 259, 100_000] {
        let bytes = fixtures::png_with_iccp(64, 48, 1, n);
        let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        decoder.set_ignore_iccp_chunk(false);
        let reader = decoder.read_info().unwrap();
        let icc = reader.info().icc_profile.as_ref().expect("profile read");
        assert_eq!(icc.len() as u64, n);
        assert!(icc.iter().all(|&b| b == 0));
    }
}

/// Issue 14, point 6: a 1 MB PNG with a 1 GiB iCCP profile decodes from its pixels
/// alone (the allocation itself is measured in `app/tests/png_memory.rs`).
#[test]
fn a_png_with_a_huge_iccp_profile_decodes_without_it() {
    let bomb = fixtures::png_with_iccp(640, 480, 5, 1 << 30);
    let plain = fixtures::png(640, 480, 5);
    let chunk = bomb.len() - plain.len();
    assert!(
        (1_000_000..1_100_000).contains(&chunk),
        "the profile takes about 1 MB: {chunk}"
    );
    let pixels = png_pixels_only(&bomb).unwrap();
    assert!(!pixels.windows(4).any(|w| w == b"iCCP"));
    assert_eq!(
        pixels, plain,
        "only the chunks the pixels need, byte for byte"
    );
    let info = inspect(&bomb, &limits()).unwrap();
    let started = Instant::now();
    let out = renditions(&bomb, &info).unwrap();
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(dims(&out.preview), (640, 480));
    assert_eq!(marker_corner(&out.preview), "top-left");
    // Text chunks and a broken ancillary chunk are dropped the same way; a chunk that
    // runs past the end is refused.
    assert!(matches!(
        png_pixels_only(&bomb[..40]),
        Err(ImageError::Corrupt(_))
    ));
    assert_eq!(png_budget(640, 480), 640 * 480 * 8 + 1024 * 1024);
    assert_eq!(png_budget(16_384, 16_384), 512 * 1024 * 1024);
}
