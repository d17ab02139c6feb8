//! Both languages are complete (issue 2: "the locale files are complete in both
//! languages"). build.rs already fails on a missing key; this also checks that no
//! text is empty and that both languages use the same `{{ placeholders }}`.

use serde_json::Value;
use std::collections::BTreeMap;

fn flatten(prefix: &str, v: &Value, out: &mut BTreeMap<String, String>) {
    match v {
        Value::Object(map) => {
            for (k, v) in map {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&key, v, out);
            }
        }
        Value::String(s) => {
            out.insert(prefix.to_string(), s.clone());
        }
        other => panic!("{prefix}: expected text, found {other}"),
    }
}

fn load(lang: &str) -> BTreeMap<String, String> {
    let path = format!("{}/locales/{lang}.json", env!("CARGO_MANIFEST_DIR"));
    let v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut out = BTreeMap::new();
    flatten("", &v, &mut out);
    out
}

fn placeholders(s: &str) -> Vec<String> {
    let mut out: Vec<String> = s
        .split("{{")
        .skip(1)
        .filter_map(|p| p.split("}}").next())
        .map(|p| p.trim().to_string())
        .collect();
    out.sort();
    out
}

#[test]
fn lv_and_en_have_the_same_keys_non_empty_texts_and_placeholders() {
    let lv = load("lv");
    let en = load("en");
    let lv_keys: Vec<_> = lv.keys().collect();
    let en_keys: Vec<_> = en.keys().collect();
    assert_eq!(
        lv_keys, en_keys,
        "the two locale files must have the same keys"
    );
    assert!(lv.len() > 50);
    for (k, lv_text) in &lv {
        let en_text = &en[k];
        assert!(
            !lv_text.trim().is_empty() && !en_text.trim().is_empty(),
            "{k} is empty"
        );
        assert_eq!(
            placeholders(lv_text),
            placeholders(en_text),
            "{k}: placeholders differ"
        );
    }
}
