//! Test images for the imaging unit tests, the API tests and the `photo_ingest`
//! benchmark: deterministic textured JPEGs and PNGs, hand-written EXIF/XMP/IPTC,
//! decompression bombs, and a metadata finder. Not used by the server itself: compiled
//! only for tests and with the `test-fixtures` feature (see `Cargo.toml`).
//!
//! The helpers panic on impossible requests (a JPEG side over 65535, say): they are for
//! tests, not for untrusted input.

use super::Segments;
use std::io::Cursor;

/// The colour of the marker block in the top-left corner of the stored pixels.
pub const MARKER_RGB: [u8; 3] = [230, 20, 20];

/// What [`jpeg`] writes into the EXIF block (none of it: no EXIF APP1 at all).
#[derive(Clone, Copy, Debug, Default)]
pub struct FixtureMeta {
    /// EXIF Orientation (0x0112), 1..=8.
    pub orientation: Option<u16>,
    /// EXIF DateTimeOriginal, `"YYYY:MM:DD HH:MM:SS"`, e.g. `"2026:11:22 10:00:00"`.
    pub taken: Option<&'static str>,
    /// EXIF OffsetTimeOriginal, e.g. `"+02:00"`.
    pub offset: Option<&'static str>,
    /// EXIF BodySerialNumber.
    pub serial: Option<&'static str>,
    /// Also an XMP APP1, an IPTC APP13 and a COM segment (and Make/Model/GPS in the
    /// EXIF), so tests can prove that outputs drop them.
    pub with_all_metadata: bool,
}

impl FixtureMeta {
    /// No metadata at all.
    pub const NONE: FixtureMeta = FixtureMeta {
        orientation: None,
        taken: None,
        offset: None,
        serial: None,
        with_all_metadata: false,
    };

    /// Everything, like a camera: orientation, time, offset, serial, XMP, IPTC, comment.
    pub fn camera(orientation: u16) -> FixtureMeta {
        FixtureMeta {
            orientation: Some(orientation),
            taken: Some("2026:11:22 10:00:00"),
            offset: Some("+02:00"),
            serial: Some("SN-0042-FIXTURE"),
            with_all_metadata: true,
        }
    }
}

/// splitmix64
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn cell(x: u32, y: u32, seed: u64) -> u64 {
    mix(seed ^ (u64::from(x) << 32) ^ u64::from(y))
}

/// The RGB8 pixels [`jpeg`] and [`png`] encode: colour gradients, blotches of 32 px,
/// fine luminance texture in 2 px cells and per-pixel noise (so blurring and
/// pixelating change a lot), plus a [`MARKER_RGB`] block in the top-left corner
/// (`max(8, min(w, h) / 10)` px square) to follow the orientation.
pub fn pattern(w: u32, h: u32, seed: u64) -> Vec<u8> {
    let mut out = Vec::with_capacity(w as usize * h as usize * 3);
    let marker = (w.min(h) / 10).max(8);
    let (wd, hd) = (w.max(1), h.max(1));
    for y in 0..h {
        for x in 0..w {
            if x < marker && y < marker {
                out.extend_from_slice(&MARKER_RGB);
                continue;
            }
            let blotch = cell(x >> 5, y >> 5, seed);
            let fine = cell(x >> 1, y >> 1, seed ^ 0xF1E);
            let noise = mix(fine ^ u64::from(x & 1) ^ (u64::from(y & 1) << 1));
            // Shared luminance texture: -64..=63 plus -8..=7.
            let tex = (fine & 0x7F) as i32 - 64 + (noise & 0xF) as i32 - 8;
            let base = [
                (x * 255 / wd) as i32,
                (y * 255 / hd) as i32,
                255 - ((x + y) * 255 / (wd + hd)) as i32,
            ];
            for (c, b) in base.iter().enumerate() {
                let bl = ((blotch >> (c * 8)) & 0x3F) as i32 - 32;
                out.push((b / 2 + 64 + bl + tex).clamp(0, 255) as u8);
            }
        }
    }
    out
}

/// A JPEG of `w` x `h` ([`pattern`], quality 90) with the metadata `meta` asks for: an
/// EXIF APP1 right after SOI, then (with `with_all_metadata`) XMP APP1, IPTC APP13 and
/// COM.
pub fn jpeg(w: u32, h: u32, seed: u64, meta: &FixtureMeta) -> Vec<u8> {
    let (w16, h16) = (
        u16::try_from(w).expect("JPEG width"),
        u16::try_from(h).expect("JPEG height"),
    );
    let pixels = pattern(w, h, seed);
    let mut base = Vec::new();
    jpeg_encoder::Encoder::new(&mut base, 90)
        .encode(&pixels, w16, h16, jpeg_encoder::ColorType::Rgb)
        .expect("encode fixture JPEG");
    let mut segments: Vec<(u8, Vec<u8>)> = Vec::new();
    if let Some(tiff) = exif_tiff(meta) {
        segments.push((0xE1, [b"Exif\0\0".as_slice(), &tiff].concat()));
    }
    if meta.with_all_metadata {
        segments.push((0xE1, xmp_payload()));
        segments.push((0xED, iptc_payload()));
        segments.push((0xFE, b"fixture comment: shot by someone".to_vec()));
    }
    splice_after_soi(&base, &segments)
}

/// A camera-size JPEG (issue 12: "test with realistic fixtures"): `w` x `h` of a soft
/// gradient under strong per-pixel sensor-like noise at quality 92, so it does not
/// compress; 6000 x 4000 (24 MP) comes out at well over 12 MB, like a real camera file.
/// Carries the camera's EXIF ([`FixtureMeta::camera`] with Orientation 1).
pub fn camera_jpeg(w: u32, h: u32, seed: u64) -> Vec<u8> {
    let (w16, h16) = (
        u16::try_from(w).expect("JPEG width"),
        u16::try_from(h).expect("JPEG height"),
    );
    let mut pixels = Vec::with_capacity(w as usize * h as usize * 3);
    let (wd, hd) = (w.max(1), h.max(1));
    for y in 0..h {
        let row = mix(seed ^ u64::from(y));
        for x in 0..w {
            let n = mix(row ^ u64::from(x));
            let base = [x * 200 / wd + 28, y * 200 / hd + 28, 128];
            for (c, b) in base.iter().enumerate() {
                let noise = ((n >> (c * 16)) & 0x7F) as i32 - 64;
                pixels.push((*b as i32 + noise).clamp(0, 255) as u8);
            }
        }
    }
    let mut base = Vec::new();
    jpeg_encoder::Encoder::new(&mut base, 92)
        .encode(&pixels, w16, h16, jpeg_encoder::ColorType::Rgb)
        .expect("encode camera fixture JPEG");
    let tiff = exif_tiff(&FixtureMeta::camera(1)).expect("camera EXIF");
    splice_after_soi(&base, &[(0xE1, [b"Exif\0\0".as_slice(), &tiff].concat())])
}

/// A PNG (RGB8) of `w` x `h` with [`pattern`].
pub fn png(w: u32, h: u32, seed: u64) -> Vec<u8> {
    let img = image::RgbImage::from_raw(w, h, pattern(w, h, seed)).expect("pattern size");
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png)
        .expect("encode fixture PNG");
    out.into_inner()
}

/// A JPEG of `w` x `h` ([`pattern`]) that names a person the way real files do (issue
/// 14, point 5): EXIF Orientation 6, ImageDescription and Artist (0x013B) with `person`
/// and `email`, and an XMP packet with `person` as dc:creator and `email` in the
/// description, plus a comment after the image end (some phones append data there).
pub fn jpeg_naming(w: u32, h: u32, seed: u64, person: &str, email: &str) -> Vec<u8> {
    let (w16, h16) = (
        u16::try_from(w).expect("JPEG width"),
        u16::try_from(h).expect("JPEG height"),
    );
    let mut base = Vec::new();
    jpeg_encoder::Encoder::new(&mut base, 90)
        .encode(&pattern(w, h, seed), w16, h16, jpeg_encoder::ColorType::Rgb)
        .expect("encode fixture JPEG");
    let mut ifd0 = vec![
        Entry {
            tag: 0x0112,
            kind: SHORT,
            count: 1,
            value: 6u16.to_le_bytes().to_vec(),
        },
        ascii(0x010E, &format!("Portrait of {person} <{email}>")),
        ascii(0x013B, person),
    ];
    let mut tiff = b"II\x2a\x00\x08\x00\x00\x00".to_vec();
    write_ifd(&mut tiff, &mut ifd0);
    let packet = format!(
        "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\
         <x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF \
         xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\
         <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\
         <dc:creator><rdf:Seq><rdf:li>{person}</rdf:li></rdf:Seq></dc:creator>\
         <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">{person}, {email}</rdf:li>\
         </rdf:Alt></dc:description></rdf:Description></rdf:RDF></x:xmpmeta>\
         <?xpacket end=\"w\"?>"
    );
    let xmp = [
        b"http://ns.adobe.com/xap/1.0/\0".as_slice(),
        packet.as_bytes(),
    ]
    .concat();
    let mut out = splice_after_soi(
        &base,
        &[
            (0xE1, [b"Exif\0\0".as_slice(), &tiff].concat()),
            (0xE1, xmp),
        ],
    );
    out.extend_from_slice(format!("trailer: {person} {email}").as_bytes());
    out
}

/// A PNG of `w` x `h` ([`png`]) carrying an iCCP chunk whose profile inflates to
/// `profile_bytes` zero bytes, compressed as tightly as deflate allows (about 1032:1),
/// so 1 GiB of profile comes in a file of about 1 MB (issue 14, point 6). The chunk is
/// well-formed: zlib header, a dynamic-Huffman block, Adler-32 and the chunk CRC.
pub fn png_with_iccp(w: u32, h: u32, seed: u64, profile_bytes: u64) -> Vec<u8> {
    let mut data = b"bomb\0\0".to_vec(); // profile name, compression method 0
    data.extend_from_slice(&zlib_zeros(profile_bytes));
    let mut chunk = (data.len() as u32).to_be_bytes().to_vec();
    chunk.extend_from_slice(b"iCCP");
    chunk.extend_from_slice(&data);
    let crc = crc32(&chunk[4..]);
    chunk.extend_from_slice(&crc.to_be_bytes());
    let base = png(w, h, seed);
    // Right after IHDR (8 signature + 25 IHDR bytes), as the PNG spec wants it.
    [&base[..33], &chunk, &base[33..]].concat()
}

/// Bits written least significant first, as deflate wants.
#[derive(Default)]
struct Bits {
    out: Vec<u8>,
    acc: u64,
    n: u32,
}

impl Bits {
    /// `count` bits of `value`, low bit first (header fields, extra bits).
    fn put(&mut self, value: u64, count: u32) {
        self.acc |= value << self.n;
        self.n += count;
        while self.n >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }

    /// A Huffman code of `len` bits: most significant bit first.
    fn code(&mut self, code: u64, len: u32) {
        for i in (0..len).rev() {
            self.put((code >> i) & 1, 1);
        }
    }

    fn finish(mut self) -> Vec<u8> {
        if self.n > 0 {
            self.out.push(self.acc as u8);
        }
        self.out
    }
}

/// A zlib stream inflating to `n` zero bytes (n >= 1): one literal 0, then matches of
/// 258 bytes at distance 1 (two bits each with the block's own Huffman codes), then
/// literals for the rest.
fn zlib_zeros(n: u64) -> Vec<u8> {
    assert!(n >= 1);
    let mut b = Bits::default();
    b.put(1, 1); // BFINAL
    b.put(2, 2); // BTYPE = dynamic Huffman
    b.put(29, 5); // HLIT: 286 literal/length codes
    b.put(1, 5); // HDIST: 2 distance codes
    b.put(14, 4); // HCLEN: 18 code length codes
                  // Code length code lengths, in the order 16 17 18 0 8 7 9 6 10 5 11 4 12 3 13 2 14 1:
                  // symbol 18 (a run of zeros) 1 bit, symbols 1 and 2 two bits.
    for len in [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 2] {
        b.put(len, 3);
    }
    // Canonical codes: 18 -> 0, 1 -> 10, 2 -> 11.
    let run = |b: &mut Bits, zeros: u64| {
        b.code(0, 1);
        b.put(zeros - 11, 7);
    };
    // Literal/length lengths: 0 -> 2, 1..=255 -> 0, 256 -> 2, 257..=284 -> 0, 285 -> 1;
    // distance lengths: 0 -> 1, 1 -> 1.
    b.code(0b11, 2); // 0: 2
    run(&mut b, 138);
    run(&mut b, 117); // 1..=255
    b.code(0b11, 2); // 256: 2
    run(&mut b, 28); // 257..=284
    b.code(0b10, 2); // 285: 1
    b.code(0b10, 2); // dist 0: 1
    b.code(0b10, 2); // dist 1: 1
                     // Literal/length codes: 285 -> 0, 0 -> 10, 256 -> 11. Distance 0 (distance 1) -> 0.
    b.code(0b10, 2); // literal 0
    let mut left = n - 1;
    while left >= 258 {
        b.code(0, 1); // length 258
        b.code(0, 1); // distance 1
        left -= 258;
    }
    for _ in 0..left {
        b.code(0b10, 2);
    }
    b.code(0b11, 2); // end of block
    let mut out = vec![0x78, 0x01];
    out.extend_from_slice(&b.finish());
    // Adler-32 of n zero bytes: a stays 1, b adds 1 per byte.
    let adler = ((n % 65_521) << 16) | 1;
    out.extend_from_slice(&(adler as u32).to_be_bytes());
    out
}

/// A tiny, otherwise valid baseline JPEG whose frame header claims 60000 x 60000.
pub fn jpeg_bomb() -> Vec<u8> {
    let mut out = Vec::new();
    jpeg_encoder::Encoder::new(&mut out, 50)
        .encode(&[128u8; 16 * 16 * 3], 16, 16, jpeg_encoder::ColorType::Rgb)
        .expect("encode bomb base");
    let sof = Segments::new(&out)
        .expect("SOI")
        .map_while(Result::ok)
        .find(|(m, _)| *m == 0xC0)
        .map(|(_, payload)| payload.as_ptr() as usize - out.as_ptr() as usize)
        .expect("SOF0");
    let side = 60_000u16.to_be_bytes();
    out[sof + 1..sof + 3].copy_from_slice(&side);
    out[sof + 3..sof + 5].copy_from_slice(&side);
    out
}

/// A tiny PNG whose IHDR claims 60000 x 60000 (CRC fixed up, so it is well-formed up to
/// the image data).
pub fn png_bomb() -> Vec<u8> {
    let mut out = png(4, 4, 1);
    out[16..20].copy_from_slice(&60_000u32.to_be_bytes());
    out[20..24].copy_from_slice(&60_000u32.to_be_bytes());
    let crc = crc32(&out[12..29]);
    out[29..33].copy_from_slice(&crc.to_be_bytes());
    out
}

/// The metadata segments of a JPEG (before the image data): the markers of every APP1..
/// APP15 (EXIF, XMP, ICC in APP2, IPTC in APP13, Adobe in APP14...) and COM segment, in
/// order. APP0 (JFIF) is not metadata.
pub fn jpeg_metadata_markers(jpeg: &[u8]) -> Vec<u8> {
    Segments::new(jpeg)
        .into_iter()
        .flatten()
        .map_while(Result::ok)
        .map(|(m, _)| m)
        .filter(|m| matches!(m, 0xE1..=0xEF | 0xFE))
        .collect()
}

/// True if the JPEG carries any EXIF, XMP, IPTC, ICC, comment or other APPn (n >= 1)
/// segment.
pub fn jpeg_has_metadata(jpeg: &[u8]) -> bool {
    !jpeg_metadata_markers(jpeg).is_empty()
}

/// Decodes a JPEG to `(width, height, RGB8 pixels)` at full size (for assertions).
pub fn decode_rgb(jpeg: &[u8]) -> (u32, u32, Vec<u8>) {
    let mut decoder = jpeg_decoder::Decoder::new(jpeg);
    let pixels = decoder.decode().expect("decode JPEG");
    let info = decoder.info().expect("JPEG info");
    let pixels = match info.pixel_format {
        jpeg_decoder::PixelFormat::RGB24 => pixels,
        jpeg_decoder::PixelFormat::L8 => pixels.iter().flat_map(|&v| [v, v, v]).collect(),
        other => panic!("unexpected pixel format {other:?}"),
    };
    (info.width.into(), info.height.into(), pixels)
}

/// Inserts `(marker, payload)` segments right after the SOI of `jpeg`.
fn splice_after_soi(jpeg: &[u8], segments: &[(u8, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::with_capacity(jpeg.len() + 4096);
    out.extend_from_slice(&jpeg[..2]);
    for (marker, payload) in segments {
        let len = u16::try_from(payload.len() + 2).expect("segment size");
        out.extend_from_slice(&[0xFF, *marker]);
        out.extend_from_slice(&len.to_be_bytes());
        out.extend_from_slice(payload);
    }
    out.extend_from_slice(&jpeg[2..]);
    out
}

/// One TIFF IFD entry: tag, type, count, value bytes (little-endian).
struct Entry {
    tag: u16,
    kind: u16,
    count: u32,
    value: Vec<u8>,
}

const SHORT: u16 = 3;
const ASCII: u16 = 2;
const LONG: u16 = 4;
const RATIONAL: u16 = 5;

fn ascii(tag: u16, s: &str) -> Entry {
    let mut value = s.as_bytes().to_vec();
    value.push(0);
    Entry {
        tag,
        kind: ASCII,
        count: value.len() as u32,
        value,
    }
}

fn long(tag: u16, v: u32) -> Entry {
    Entry {
        tag,
        kind: LONG,
        count: 1,
        value: v.to_le_bytes().to_vec(),
    }
}

fn rationals(tag: u16, values: &[(u32, u32)]) -> Entry {
    Entry {
        tag,
        kind: RATIONAL,
        count: values.len() as u32,
        value: values
            .iter()
            .flat_map(|(n, d)| [n.to_le_bytes(), d.to_le_bytes()].concat())
            .collect(),
    }
}

/// Bytes an IFD takes: count, entries, next-IFD offset, then values over 4 bytes.
fn ifd_size(entries: &[Entry]) -> usize {
    6 + 12 * entries.len()
        + entries
            .iter()
            .filter(|e| e.value.len() > 4)
            .map(|e| e.value.len().next_multiple_of(2))
            .sum::<usize>()
}

/// Appends an IFD (entries sorted by tag) at the end of `out`, values after it.
fn write_ifd(out: &mut Vec<u8>, entries: &mut [Entry]) {
    entries.sort_by_key(|e| e.tag);
    let start = out.len();
    let mut data_at = start + 6 + 12 * entries.len();
    let mut data = Vec::new();
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    for e in entries.iter() {
        out.extend_from_slice(&e.tag.to_le_bytes());
        out.extend_from_slice(&e.kind.to_le_bytes());
        out.extend_from_slice(&e.count.to_le_bytes());
        if e.value.len() <= 4 {
            let mut inline = [0u8; 4];
            inline[..e.value.len()].copy_from_slice(&e.value);
            out.extend_from_slice(&inline);
        } else {
            out.extend_from_slice(&(data_at as u32).to_le_bytes());
            data.extend_from_slice(&e.value);
            if e.value.len() % 2 == 1 {
                data.push(0);
            }
            data_at += e.value.len().next_multiple_of(2);
        }
    }
    out.extend_from_slice(&0u32.to_le_bytes()); // no next IFD
    out.extend_from_slice(&data);
}

/// A little-endian TIFF block: IFD0 (Orientation, Make/Model, pointers) and the Exif
/// IFD (DateTimeOriginal, OffsetTimeOriginal, BodySerialNumber), and with
/// `with_all_metadata` a GPS IFD. `None` if there is nothing to write.
pub fn exif_tiff(meta: &FixtureMeta) -> Option<Vec<u8>> {
    let mut ifd0 = Vec::new();
    if let Some(o) = meta.orientation {
        ifd0.push(Entry {
            tag: 0x0112,
            kind: SHORT,
            count: 1,
            value: o.to_le_bytes().to_vec(),
        });
    }
    let mut exif = Vec::new();
    if let Some(t) = meta.taken {
        exif.push(ascii(0x9003, t));
    }
    if let Some(o) = meta.offset {
        exif.push(ascii(0x9011, o));
    }
    if let Some(s) = meta.serial {
        exif.push(ascii(0xA431, s));
    }
    let mut gps = Vec::new();
    if meta.with_all_metadata {
        ifd0.push(ascii(0x010F, "Fixture Cameras"));
        ifd0.push(ascii(0x0110, "Model F"));
        gps.push(Entry {
            tag: 0x0000,
            kind: 1, // BYTE
            count: 4,
            value: vec![2, 3, 0, 0],
        });
        gps.push(ascii(0x0001, "N"));
        gps.push(rationals(0x0002, &[(56, 1), (57, 1), (0, 1)]));
        gps.push(ascii(0x0003, "E"));
        gps.push(rationals(0x0004, &[(24, 1), (6, 1), (0, 1)]));
    }
    if ifd0.is_empty() && exif.is_empty() && gps.is_empty() {
        return None;
    }
    // Pointers are 4 bytes inline, so IFD0's size is known before their values are.
    let pointers = usize::from(!exif.is_empty()) + usize::from(!gps.is_empty());
    let ifd0_size = ifd_size(&ifd0) + 12 * pointers;
    let exif_at = 8 + ifd0_size;
    let gps_at = exif_at + if exif.is_empty() { 0 } else { ifd_size(&exif) };
    if !exif.is_empty() {
        ifd0.push(long(0x8769, exif_at as u32));
    }
    if !gps.is_empty() {
        ifd0.push(long(0x8825, gps_at as u32));
    }
    let mut out = b"II\x2a\x00\x08\x00\x00\x00".to_vec();
    write_ifd(&mut out, &mut ifd0);
    debug_assert_eq!(out.len(), exif_at);
    if !exif.is_empty() {
        write_ifd(&mut out, &mut exif);
    }
    debug_assert_eq!(out.len(), gps_at);
    if !gps.is_empty() {
        write_ifd(&mut out, &mut gps);
    }
    Some(out)
}

fn xmp_payload() -> Vec<u8> {
    let packet = concat!(
        "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>",
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF ",
        "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">",
        "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">",
        "<dc:creator><rdf:Seq><rdf:li>Fixture Photographer</rdf:li></rdf:Seq></dc:creator>",
        "</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>"
    );
    [
        b"http://ns.adobe.com/xap/1.0/\0".as_slice(),
        packet.as_bytes(),
    ]
    .concat()
}

fn iptc_payload() -> Vec<u8> {
    let mut iptc = Vec::new();
    for (dataset, text) in [(0x50u8, "Fixture Photographer"), (0x78, "A caption")] {
        iptc.extend_from_slice(&[0x1C, 0x02, dataset]);
        iptc.extend_from_slice(&(text.len() as u16).to_be_bytes());
        iptc.extend_from_slice(text.as_bytes());
    }
    let mut out = b"Photoshop 3.0\0".to_vec();
    out.extend_from_slice(b"8BIM");
    out.extend_from_slice(&0x0404u16.to_be_bytes());
    out.extend_from_slice(&[0, 0]); // empty Pascal name, padded to even
    out.extend_from_slice(&(iptc.len() as u32).to_be_bytes());
    out.extend_from_slice(&iptc);
    if iptc.len() % 2 == 1 {
        out.push(0);
    }
    out
}

/// CRC-32 (IEEE) as PNG uses it.
fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}
