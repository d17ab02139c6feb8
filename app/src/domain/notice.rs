//! The layered notice shown before the form (requirement 2), rendered from the event
//! settings in each language. The rendered text is what a notice version stores, so the
//! organiser can later prove exactly what an attendee read (requirement 4).

use super::consent::RegisterError;
use super::store::{NoticeVersion, Store, StoreError};
use crate::i18n::*;
use crate::types::EventId;
use crate::types::{BadInput, EventSettings, NoticeText};

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
    // The periods the purge applies (issue 15 point 4): one source, `periods()`.
    let periods = s.periods();
    lines.push(td_string!(locale, notice.retention, days = periods.attendee_days).to_string());
    lines.push(td_string!(locale, notice.photo_retention, days = periods.photo_days).to_string());
    if periods.archive_days > 0 {
        lines.push(
            td_string!(
                locale,
                notice.archive,
                days = periods.archive_days,
                purpose = ns(&s.archive_purpose)
            )
            .to_string(),
        );
    }
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

/// The notice version a decision records when no page showed one (a badge-scan
/// withdrawal at the kiosk; requirement 4, issue 13): the language the attendee asked
/// for when the event offers it and has a notice in it, otherwise the event's default
/// language. Pages that show a notice send its version instead (issue 14 point 4).
pub async fn for_lang(
    store: &Store,
    event_id: EventId,
    requested: Option<&str>,
) -> Result<NoticeVersion, RegisterError> {
    let event = store.event_by_id(event_id).await?;
    let settings = store.event_settings(event_id).await?;
    if let Some(lang) = requested.filter(|l| settings.languages.iter().any(|o| o == l)) {
        if let Some(n) = store.current_notice(event_id, lang.to_string()).await? {
            return Ok(n);
        }
    }
    store
        .current_notice(event_id, event.default_lang)
        .await?
        .ok_or(RegisterError::Invalid(BadInput::NoticeMissing))
}

/// The current notice of each language the event offers, the event's default language
/// first (a page without the attendee's language shows that one): as the kiosk, `/me`
/// and the organiser's forms show it and send its version back, and as the settings
/// page previews it.
pub async fn current_all(
    store: &Store,
    event_id: EventId,
    languages: &[String],
) -> Result<Vec<NoticeText>, StoreError> {
    let default_lang = store.event_by_id(event_id).await?.default_lang;
    let mut ordered: Vec<&String> = languages.iter().filter(|l| **l == default_lang).collect();
    ordered.extend(languages.iter().filter(|l| **l != default_lang));
    let mut out = Vec::new();
    for lang in ordered {
        if let Some(n) = store.current_notice(event_id, lang.clone()).await? {
            out.push(NoticeText {
                version: n.reference(),
                lang: n.lang,
                text: n.text,
            });
        }
    }
    Ok(out)
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

    /// Issue 15 point 4: the notice states exactly the periods the purge applies, in
    /// both languages. The second case is settings saved before photos had a period of
    /// their own (photos 500 > attendee data 400): the purge deletes photos with the
    /// attendee data, so the notice must say 400 for them too.
    #[test]
    fn the_notice_states_the_periods_the_purge_applies() {
        use crate::domain::retention::due;
        let end = time::macros::date!(2027 - 03 - 10);
        for (attendee, photo, archive) in [(365, 90, 0), (400, 500, 0), (30, 10, 1000)] {
            let s = EventSettings {
                retention_days: attendee,
                photo_retention_days: photo,
                archive_days: archive,
                archive_purpose: "History".into(),
                ..Default::default()
            };
            let d = due(end, s.periods());
            let kept = |first_gone: time::Date| (first_gone - end).whole_days() - 1;
            let mut applied = vec![kept(d.attendees), kept(d.photos)];
            applied.extend(d.archive.map(kept));
            for (locale, word) in [(Locale::en, "days"), (Locale::lv, "dienas")] {
                let text = render("E", &s, locale);
                let stated: Vec<i64> = text
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .windows(2)
                    .filter(|w| w[1].starts_with(word))
                    .filter_map(|w| w[0].parse().ok())
                    .collect();
                assert_eq!(stated, applied, "{locale:?} notice vs purge:\n{text}");
            }
        }
    }

    /// The one notice rule (issue 13; requirement 4): the requested language when the
    /// event offers it and has a notice in it, else the default language's notice.
    #[tokio::test]
    async fn one_rule_picks_the_notice_a_decision_records() {
        let (s, ev, actor) = crate::domain::store::test_support::store_with_event().await;
        let missing = for_lang(&s, ev, Some("lv")).await;
        assert!(
            matches!(
                missing,
                Err(RegisterError::Invalid(BadInput::NoticeMissing))
            ),
            "no notice yet: {missing:?}"
        );
        let both = EventSettings::default();
        assert_eq!(both.languages, vec!["lv".to_string(), "en".to_string()]);
        s.save_event_settings(
            actor.clone(),
            ev,
            both.clone(),
            vec![("lv".into(), "LV".into()), ("en".into(), "EN".into())],
        )
        .await
        .unwrap();
        let text = |r: Result<NoticeVersion, RegisterError>| r.unwrap().text;
        assert_eq!(text(for_lang(&s, ev, Some("en")).await), "EN");
        assert_eq!(text(for_lang(&s, ev, Some("lv")).await), "LV");
        assert_eq!(text(for_lang(&s, ev, None).await), "LV", "default language");
        assert_eq!(
            text(for_lang(&s, ev, Some("de")).await),
            "LV",
            "not offered"
        );
        // English no longer offered: its old notice is not recorded any more.
        let lv_only = EventSettings {
            languages: vec!["lv".into()],
            ..both.clone()
        };
        s.save_event_settings(actor.clone(), ev, lv_only, vec![("lv".into(), "LV".into())])
            .await
            .unwrap();
        assert_eq!(text(for_lang(&s, ev, Some("en")).await), "LV");
        // Offered but without a notice of its own: the default language's.
        let (s2, ev2, actor2) = crate::domain::store::test_support::store_with_event().await;
        s2.save_event_settings(actor2, ev2, both, vec![("lv".into(), "LV2".into())])
            .await
            .unwrap();
        assert_eq!(text(for_lang(&s2, ev2, Some("en")).await), "LV2");
    }
}
