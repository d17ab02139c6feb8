//! The camera's QR decoding (issue 19, point 3), in a crate of its own for one reason:
//! the wasm is built for size (`opt-level = "z"`), and a decoder is code that should be
//! built for speed. This crate and `quircs` get `opt-level = 3`
//! (`[profile.wasm-release.package.*]` in the workspace `Cargo.toml`); the rest of the
//! wasm stays small.
//!
//! The decoder is `quircs`, a port of quirc. Measured in wasm in headless Chromium on the
//! same 640×480 badge frames (`end2end/bench/README.md`): rqrr at "z" took 15.5–21 ms a
//! frame, rqrr at 3 about 10 ms, quircs at 3 a few ms, and quircs read more of the
//! harder frames than rqrr.

use std::cell::RefCell;

thread_local! {
    /// The decoder keeps its buffers between frames (the camera's frames have one size).
    static QUIRC: RefCell<quircs::Quirc> = RefCell::new(quircs::Quirc::default());
}

/// Every QR code found and decoded in a `w`×`h` greyscale frame (row by row, one byte a
/// pixel), as text. A buffer shorter than `w`×`h`, and codes whose content is not UTF-8,
/// give nothing.
pub fn decode_grey(grey: &[u8], w: usize, h: usize) -> Vec<String> {
    if w == 0 || h == 0 || grey.len() < w * h {
        return Vec::new();
    }
    QUIRC.with(|q| {
        let mut q = q.borrow_mut();
        q.identify(w, h, &grey[..w * h])
            .filter_map(|code| code.ok()?.decode().ok())
            .filter_map(|data| String::from_utf8(data.payload).ok())
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::decode_grey;

    #[test]
    fn nothing_and_short_buffers_decode_to_nothing() {
        assert!(decode_grey(&[200u8; 64 * 48], 64, 48).is_empty());
        assert!(decode_grey(&[200u8; 64 * 48], 640, 480).is_empty());
        assert!(decode_grey(&[], 0, 0).is_empty());
    }
}
