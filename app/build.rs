//! Generates the `i18n` module from `locales/*.json` (leptos_i18n_build) and fails the
//! build when a key is missing from, or surplus in, one of the languages.

use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
use std::{error::Error, path::PathBuf};

fn config() -> Result<Config, Box<dyn Error>> {
    // The first locale is the default: Latvian.
    let opts = ParseOptions::default().interpolate_display(true);
    Ok(Config::new("lv")?.add_locale("en")?.parse_options(opts))
}

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=Cargo.toml");

    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR unset")?).join("i18n");
    let infos = TranslationsInfos::parse(config()?)?;
    infos.emit_diagnostics();
    infos.rerun_if_locales_changed();
    infos.generate_i18n_module(out)?;

    let parsed = leptos_i18n_parser::parse_locales::parse_locales(None, config()?)?;
    let problems: Vec<String> = parsed
        .diag
        .warnings()
        .iter()
        .filter(|w| {
            use leptos_i18n_parser::parse_locales::error::Warning;
            matches!(w, Warning::MissingKey { .. } | Warning::SurplusKey { .. })
        })
        .map(|w| w.to_string())
        .collect();
    if !problems.is_empty() {
        return Err(format!("the locale files disagree:\n  {}", problems.join("\n  ")).into());
    }
    Ok(())
}
