//! Badge contents (requirement 7): the QR carries only `{public URL}/b/{badge token}`.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// The URL a badge's QR encodes. The token is random; nothing about the person.
pub fn badge_url(public_url: &str, badge_token: &str) -> String {
    format!("{}/b/{}", public_url.trim_end_matches('/'), badge_token)
}

/// An SVG QR code with error correction M and the 4-module quiet zone kept.
pub fn qr_svg(data: &str) -> String {
    match QrCode::with_error_correction_level(data.as_bytes(), EcLevel::M) {
        Ok(code) => code
            .render::<svg::Color<'_>>()
            .quiet_zone(true)
            .min_dimensions(160, 160)
            .dark_color(svg::Color("#000000"))
            .light_color(svg::Color("#ffffff"))
            .build(),
        // Only data longer than a QR can hold fails; our URLs and codes are short.
        Err(_) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qr_is_svg_and_url_has_only_the_token() {
        let url = badge_url("https://lanyard.example/", "AbC_123-xyz");
        assert_eq!(url, "https://lanyard.example/b/AbC_123-xyz");
        let svg = qr_svg(&url);
        assert!(svg.contains("<svg") && svg.contains("</svg>"));
    }
}
