//! The layered notice shown before the form (requirement 2), rendered from the event
//! settings in each language. The rendered text is what a notice version stores, so the
//! organiser can later prove exactly what an attendee read (requirement 4).

use crate::i18n::*;
use crate::types::EventSettings;

fn or_not_set(locale: Locale, s: &str) -> String {
    if s.trim().is_empty() {
        td_string!(locale, notice.not_set).to_string()
    } else {
        s.trim().to_string()
    }
}

pub fn locale_of(lang: &str) -> Option<Locale> {
    match lang {
        "lv" => Some(Locale::lv),
        "en" => Some(Locale::en),
        _ => None,
    }
}

/// The notice as plain text, one item per line.
pub fn render(event_name: &str, s: &EventSettings, locale: Locale) -> String {
    let ns = |v: &str| or_not_set(locale, v);
    let mut lines = vec![td_string!(locale, notice.title, event = event_name).to_string()];
    lines.push(
        td_string!(
            locale,
            notice.controller,
            name = ns(&s.controller_name),
            address = ns(&s.controller_address),
            email = ns(&s.controller_email)
        )
        .to_string(),
    );
    lines.push(td_string!(locale, notice.dpo, contact = ns(&s.dpo_contact)).to_string());
    lines.push(td_string!(locale, notice.purposes).to_string());
    if s.purposes.is_empty() {
        lines.push(format!("- {}", td_string!(locale, notice.not_set)));
    }
    for p in &s.purposes {
        lines.push(format!(
            "- {}",
            td_string!(
                locale,
                notice.purpose_line,
                purpose = ns(&p.purpose),
                basis = ns(&p.legal_basis)
            )
        ));
    }
    lines.push(td_string!(locale, notice.recipients, recipients = ns(&s.recipients)).to_string());
    lines.push(if s.third_country_transfer {
        td_string!(locale, notice.transfer_yes).to_string()
    } else {
        td_string!(locale, notice.transfer_no).to_string()
    });
    lines.push(td_string!(locale, notice.retention, days = s.retention_days).to_string());
    lines.push(td_string!(locale, notice.photos).to_string());
    lines.push(td_string!(locale, notice.rights).to_string());
    lines.push(td_string!(locale, notice.policy, url = ns(&s.policy_url)).to_string());
    lines.join("\n")
}

/// The notice in every language the event offers.
pub fn render_all(event_name: &str, s: &EventSettings) -> Vec<(String, String)> {
    s.languages
        .iter()
        .filter_map(|l| locale_of(l).map(|loc| (l.clone(), render(event_name, s, loc))))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::Purpose;

    #[test]
    fn notice_has_every_item_of_requirement_2_in_both_languages() {
        let s = EventSettings {
            controller_name: "Valsts kanceleja".into(),
            controller_address: "Brīvības bulvāris 36, Rīga".into(),
            controller_email: "vk@mk.gov.lv".into(),
            dpo_contact: "dpo@mk.gov.lv".into(),
            purposes: vec![Purpose {
                purpose: "Event photos".into(),
                legal_basis: "Consent".into(),
            }],
            recipients: "Press".into(),
            third_country_transfer: true,
            retention_days: 365,
            policy_url: "https://example.lv/privacy".into(),
            ..Default::default()
        };
        let en = render("Summit", &s, Locale::en);
        for needle in [
            "Summit",
            "Valsts kanceleja",
            "Brīvības bulvāris 36",
            "vk@mk.gov.lv",
            "dpo@mk.gov.lv",
            "Event photos (legal basis: Consent)",
            "Recipients: Press",
            "transferred outside the EU/EEA",
            "365 days",
            "green badge",
            "Your rights",
            "https://example.lv/privacy",
        ] {
            assert!(
                en.contains(needle),
                "English notice lacks {needle:?}:\n{en}"
            );
        }
        let lv = render("Summit", &s, Locale::lv);
        assert!(
            lv.contains("Pārzinis: Valsts kanceleja") && lv.contains("365 dienas"),
            "{lv}"
        );
        assert_eq!(render_all("Summit", &s).len(), 2);
        let unset = render("X", &EventSettings::default(), Locale::en);
        assert!(unset.contains("(not set)") && unset.contains("not transferred"));
    }
}
