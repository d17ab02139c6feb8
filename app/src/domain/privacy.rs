//! An event's public privacy page, its venue signs and its invitation text (issue 15
//! points 5 and 6; requirements 18 and 21). All three say what the notice says, from the
//! same settings: the controller and contacts, purposes with their legal basis, the
//! periods (`EventSettings::periods`) and the days the purge applies them
//! (`retention::due_of`). Nothing personal is read, so nothing is audited.

use super::notice::locale_of;
use super::retention;
use super::store::StoreError;
use super::AppState;
use crate::i18n::*;
use crate::types::{
    DeletionDates, EventId, EventSummary, Invitation, InvitationText, PrivacyInfo, PublicId,
    SignsData,
};

/// The privacy page's absolute address; the signs' QR code holds exactly this.
pub fn privacy_url(public_url: &str, event: &PublicId) -> String {
    format!("{}/e/{}/privacy", public_url.trim_end_matches('/'), event)
}

/// The event's languages with its default language first, as the notice lists them.
fn ordered(default_lang: &str, languages: &[String]) -> Vec<String> {
    let mut out: Vec<String> = languages
        .iter()
        .filter(|l| *l == default_lang)
        .cloned()
        .collect();
    out.extend(languages.iter().filter(|l| *l != default_lang).cloned());
    if out.is_empty() {
        out.push(default_lang.to_string());
    }
    out
}

/// The public page of any event, by its public id: no sign-in (the page holds nothing
/// personal); `NotFound` for an unknown id.
pub async fn page(state: &AppState, public_id: PublicId) -> Result<PrivacyInfo, StoreError> {
    let (row, event) = state.store.event_by_public_id(public_id).await?;
    build(state, row, event).await
}

async fn build(
    state: &AppState,
    row: EventId,
    event: EventSummary,
) -> Result<PrivacyInfo, StoreError> {
    let clock = state.store.retention_clock(row).await?;
    let s = &clock.settings;
    let notices = super::notice::current_all(&state.store, row, &s.languages).await?;
    // Dates only for an event with a stated last day; an older event's clock falls back
    // to its last registration, which can still move.
    let dates = event
        .ends_on
        .as_ref()
        .and_then(|_| retention::due_of(&clock))
        .map(|(end, due)| DeletionDates {
            end: super::requests::iso(end),
            attendees: super::requests::iso(due.attendees),
            photos: super::requests::iso(due.photos),
            archive: due.archive.map(super::requests::iso),
        });
    Ok(PrivacyInfo {
        languages: ordered(&event.default_lang, &s.languages),
        notices,
        controller_name: s.controller_name.trim().to_string(),
        controller_address: s.controller_address.trim().to_string(),
        controller_email: s.controller_email.trim().to_string(),
        dpo_contact: s.dpo_contact.trim().to_string(),
        purposes: s.purposes.clone(),
        periods: s.periods(),
        archive_purpose: s.archive_purpose.trim().to_string(),
        dates,
        url: privacy_url(&state.public_url, &event.id),
        me_url: format!("{}/me", state.public_url.trim_end_matches('/')),
        event,
    })
}

/// What the venue signs of one of the organiser's events print, with the QR code of the
/// privacy page's address as SVG.
pub async fn signs(
    state: &AppState,
    row: EventId,
    event: EventSummary,
) -> Result<SignsData, StoreError> {
    let page = build(state, row, event).await?;
    let qr_svg = super::badges::qr_svg(&page.url);
    Ok(SignsData { info: page, qr_svg })
}

/// The invitation text of one of the organiser's events, in each of its languages.
pub async fn invitation(
    state: &AppState,
    row: EventId,
    event: EventSummary,
) -> Result<Invitation, StoreError> {
    let page = build(state, row, event).await?;
    Ok(Invitation {
        url: page.url.clone(),
        texts: invitation_texts(&page),
    })
}

fn invitation_texts(page: &PrivacyInfo) -> Vec<InvitationText> {
    page.languages
        .iter()
        .filter_map(|l| {
            locale_of(l).map(|locale| InvitationText {
                lang: l.clone(),
                text: invitation_text(page, locale),
            })
        })
        .collect()
}

/// The short notice seed 000 suggests for invitations and press releases ("photos and
/// video will be taken at the event"): purpose, controller, how to object and where to
/// read more (the privacy page).
pub fn invitation_text(p: &PrivacyInfo, locale: Locale) -> String {
    let not_set = || td_string!(locale, notice.not_set).to_string();
    let or_not_set = |v: &str| {
        let v = v.trim();
        if v.is_empty() {
            not_set()
        } else {
            v.to_string()
        }
    };
    let purposes = p
        .purposes
        .iter()
        .map(|x| x.purpose.trim())
        .filter(|x| !x.is_empty())
        .collect::<Vec<_>>()
        .join("; ");
    let contact = [&p.controller_email, &p.dpo_contact]
        .into_iter()
        .map(|c| c.trim())
        .find(|c| !c.is_empty())
        .unwrap_or_default();
    td_string!(
        locale,
        privacy.invite_text,
        event = p.event.name.trim(),
        purposes = or_not_set(&purposes),
        controller = or_not_set(&p.controller_name),
        contact = or_not_set(contact),
        url = p.url.as_str()
    )
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::store::{Actor, Store};
    use crate::types::{EventSettings, NewEvent, Purpose, Role};

    /// A store with one organiser and their event "Rīgas samits", Latvian first, ending
    /// on `ends_on`, with `settings` saved (as the settings page saves them).
    async fn summit(
        ends_on: Option<&str>,
        settings: EventSettings,
    ) -> (AppState, EventId, EventSummary) {
        let store = Store::open_in_memory().await.unwrap();
        let u = store
            .create_user(Actor::Cli, "o@x.lv".into(), "h".into(), Role::Organiser)
            .await
            .unwrap();
        let actor = Actor::User {
            id: u,
            role: Role::Organiser,
        };
        let new = NewEvent {
            name: "Rīgas samits".into(),
            starts_on: None,
            ends_on: ends_on.map(Into::into),
            venue: String::new(),
            default_lang: "lv".into(),
        };
        let (ev, event) = store
            .create_event(actor.clone(), u, "summit".into(), new)
            .await
            .unwrap();
        super::super::events::save_settings(&store, actor, ev, &event.name, settings)
            .await
            .unwrap();
        let state = AppState::new(store).with_public_url("https://lanyard.example.lv/");
        (state, ev, event)
    }

    #[test]
    fn the_default_language_comes_first() {
        let langs = vec!["lv".to_string(), "en".to_string()];
        assert_eq!(ordered("en", &langs), vec!["en", "lv"]);
        assert_eq!(ordered("lv", &langs), vec!["lv", "en"]);
        assert_eq!(ordered("lv", &[]), vec!["lv"]);
    }

    /// Issue 15 point 5: the invitation text names the event, purpose, controller, how
    /// to object and the privacy page, in each of the event's languages, default first.
    #[tokio::test]
    async fn the_invitation_names_purpose_controller_contact_and_the_page_in_each_language() {
        let settings = EventSettings {
            languages: vec!["en".into(), "lv".into()],
            controller_name: "Valsts kanceleja".into(),
            controller_email: "vk@mk.gov.lv".into(),
            purposes: vec![
                Purpose {
                    purpose: "Pasākuma fotogrāfijas".into(),
                    legal_basis: "Piekrišana".into(),
                },
                Purpose {
                    purpose: "Preses relīzes".into(),
                    legal_basis: "Leģitīmās intereses".into(),
                },
            ],
            ..Default::default()
        };
        let (state, ev, event) = summit(Some("2027-03-01"), settings).await;
        let inv = invitation(&state, ev, event.clone()).await.unwrap();
        let url = "https://lanyard.example.lv/e/summit/privacy";
        assert_eq!(inv.url, url);
        let langs: Vec<&str> = inv.texts.iter().map(|t| t.lang.as_str()).collect();
        assert_eq!(
            langs,
            vec!["lv", "en"],
            "the event's default language first"
        );
        for t in &inv.texts {
            for needle in [
                "Rīgas samits",
                "Pasākuma fotogrāfijas; Preses relīzes",
                "Valsts kanceleja",
                "vk@mk.gov.lv",
                url,
            ] {
                assert!(
                    t.text.contains(needle),
                    "{} lacks {needle:?}:\n{}",
                    t.lang,
                    t.text
                );
            }
        }
        assert!(inv.texts[0].text.contains("fotografēs un filmēs"));
        assert!(inv.texts[1]
            .text
            .contains("Photos and video will be taken at Rīgas samits"));
        // Nothing set: the text says so instead of leaving a blank; the DPO is the
        // contact when there is no controller e-mail.
        let bare = PrivacyInfo {
            controller_name: String::new(),
            controller_email: String::new(),
            dpo_contact: "dpo@example.lv".into(),
            purposes: Vec::new(),
            ..page(&state, event.id.clone()).await.unwrap()
        };
        let en = invitation_text(&bare, Locale::en);
        assert!(
            en.contains("Purpose: (not set)") && en.contains("dpo@example.lv"),
            "{en}"
        );
    }

    /// The page states the periods of the settings and the days the purge's own rule
    /// gives for the event's last day; without a stated last day, no dates.
    #[tokio::test]
    async fn the_page_states_the_periods_and_the_purges_days() {
        let settings = EventSettings {
            retention_days: 30,
            photo_retention_days: 10,
            archive_days: 20,
            archive_purpose: "Annual report".into(),
            ..Default::default()
        };
        let (state, _, event) = summit(Some("2027-03-01"), settings.clone()).await;
        let p = page(&state, event.id.clone()).await.unwrap();
        assert_eq!(p.periods, settings.periods());
        assert_eq!((p.periods.attendee_days, p.periods.photo_days), (30, 10));
        assert_eq!(p.archive_purpose, "Annual report");
        let langs: Vec<&str> = p.notices.iter().map(|n| n.lang.as_str()).collect();
        assert_eq!(langs, vec!["lv", "en"], "both notices, default first");
        assert_eq!(
            p.dates,
            Some(DeletionDates {
                end: "2027-03-01".into(),
                // 30 whole days after the last day: gone on the 31st.
                attendees: "2027-04-01".into(),
                photos: "2027-03-12".into(),
                archive: Some("2027-03-22".into()),
            })
        );
        assert_eq!(p.url, "https://lanyard.example.lv/e/summit/privacy");
        assert_eq!(p.me_url, "https://lanyard.example.lv/me");

        let (state, _, event) = summit(None, settings).await;
        let p = page(&state, event.id.clone()).await.unwrap();
        assert_eq!(p.dates, None, "no stated last day: no dates");
        let unknown = page(&state, PublicId::from("no-such-event")).await;
        assert!(matches!(unknown, Err(StoreError::NotFound)), "{unknown:?}");
    }

    /// The signs' QR code is the privacy page's address and nothing else.
    #[tokio::test]
    async fn the_signs_qr_holds_the_privacy_page_address() {
        let (state, ev, event) = summit(Some("2027-03-01"), EventSettings::default()).await;
        let s = signs(&state, ev, event).await.unwrap();
        assert!(s.qr_svg.starts_with("<?xml") || s.qr_svg.contains("<svg"));
        assert_eq!(s.qr_svg, super::super::badges::qr_svg(&s.info.url));
    }
}
