//! Who may change a photo's people, and when (issue 14, point 1; requirements 11, 14,
//! 22). The publish gate only holds if nobody but an organiser can unblock a photo:
//! photographers may add people and regions, remove only their own tags before any
//! review, and never move or drop a red person's region; nobody may change the people of
//! a photo while a request of someone in it is open; "no identifiable people" is only
//! for a photo nobody was ever tagged in. Decided here once, from the facts the store
//! reads; `act` asks before it changes anything.

use super::PhotoAccess;
use crate::domain::store::{PhotoRow, TagFacts, TagRow};
use crate::types::BadInput;

/// The facts of a tag already read with its photo.
pub fn facts(t: &TagRow) -> TagFacts {
    TagFacts {
        tag_id: t.id,
        tagged_by: t.tagged_by,
        red: t.consent == Some(crate::types::Consent::Red),
        has_region: t.region.is_some(),
        pending: t.removal_pending,
        blurred: t.blurred,
    }
}

/// A change to the people of a photo.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeopleChange {
    Untag {
        tag_id: i64,
    },
    /// Draw, move or clear the rectangle of a tagged person.
    Region {
        tag_id: i64,
    },
    /// Mark it as showing no identifiable people.
    MarkNoPeople,
    /// The organiser's review.
    Review,
}

/// `Ok` when `user` (with `access`) may make `change`; otherwise what stands in the way.
/// A tag id that is not the photo's is `Ok` here: the store answers 404 for it.
pub fn may_change(
    access: PhotoAccess,
    user: i64,
    photo: &PhotoRow,
    tags: &[TagFacts],
    change: PeopleChange,
) -> Result<(), BadInput> {
    let organiser = access == PhotoAccess::Manager;
    let tag = |id: i64| tags.iter().find(|t| t.tag_id == id);
    match change {
        PeopleChange::Untag { tag_id } => {
            let Some(t) = tag(tag_id) else { return Ok(()) };
            if t.pending {
                return Err(BadInput::PhotoHeldByRequest);
            }
            if !organiser && (t.tagged_by != user || photo.reviewed_at.is_some()) {
                return Err(BadInput::UntagNotAllowed);
            }
            Ok(())
        }
        PeopleChange::Region { tag_id } => {
            let Some(t) = tag(tag_id) else { return Ok(()) };
            if t.pending {
                return Err(BadInput::PhotoHeldByRequest);
            }
            if t.blurred || (!organiser && t.red && t.has_region) {
                return Err(BadInput::RegionLocked);
            }
            Ok(())
        }
        PeopleChange::MarkNoPeople => match photo.ever_tagged || !tags.is_empty() {
            true => Err(BadInput::NoPeopleAfterTags),
            false => Ok(()),
        },
        PeopleChange::Review => match tags.iter().any(|t| t.pending) {
            true => Err(BadInput::PhotoHeldByRequest),
            false => Ok(()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::PublicId;

    const ME: i64 = 7;
    const OTHER: i64 = 8;

    fn photo(reviewed: bool, ever_tagged: bool) -> PhotoRow {
        PhotoRow {
            archived: false,
            id: 1.into(),
            public_id: PublicId::from("p"),
            event_id: 1.into(),
            uploaded_by: ME,
            photographer: "p@x.lv".into(),
            format: "jpeg".into(),
            width: 10,
            height: 10,
            taken_at: None,
            uploaded_at: "t".into(),
            no_people: false,
            publish_blurred: false,
            original_name: None,
            camera_time: None,
            camera_serial: None,
            reviewed_by: reviewed.then(|| "o@x.lv".into()),
            reviewed_at: reviewed.then(|| "2026-12-07T10:00:00Z".into()),
            ever_tagged,
            held: false,
        }
    }

    fn tag(tagged_by: i64, red: bool, has_region: bool, pending: bool) -> TagFacts {
        TagFacts {
            tag_id: 3,
            tagged_by,
            red,
            has_region,
            pending,
            blurred: false,
        }
    }

    use PhotoAccess::{Manager, Uploader};

    /// Issue 14, point 1: the photographer's limits, each tried and refused.
    #[test]
    fn photographers_cannot_unblock_a_photo() {
        let untag = PeopleChange::Untag { tag_id: 3 };
        let region = PeopleChange::Region { tag_id: 3 };
        let fresh = photo(false, true);
        let reviewed = photo(true, true);
        // Their own tag, before any review: may remove it.
        assert_eq!(
            may_change(Uploader, ME, &fresh, &[tag(ME, true, false, false)], untag),
            Ok(())
        );
        // Someone else's tag (the organiser's), or after a review: refused.
        assert_eq!(
            may_change(
                Uploader,
                ME,
                &fresh,
                &[tag(OTHER, true, false, false)],
                untag
            ),
            Err(BadInput::UntagNotAllowed)
        );
        assert_eq!(
            may_change(
                Uploader,
                ME,
                &reviewed,
                &[tag(ME, false, false, false)],
                untag
            ),
            Err(BadInput::UntagNotAllowed)
        );
        // A red person's region: neither moved nor cleared; a green one's may be.
        assert_eq!(
            may_change(Uploader, ME, &fresh, &[tag(ME, true, true, false)], region),
            Err(BadInput::RegionLocked)
        );
        assert_eq!(
            may_change(Uploader, ME, &fresh, &[tag(ME, false, true, false)], region),
            Ok(())
        );
        // Adding a region to a red person who has none is adding, which is allowed.
        assert_eq!(
            may_change(Uploader, ME, &fresh, &[tag(ME, true, false, false)], region),
            Ok(())
        );
        // "No identifiable people" only for a photo never tagged.
        assert_eq!(
            may_change(Uploader, ME, &fresh, &[], PeopleChange::MarkNoPeople),
            Err(BadInput::NoPeopleAfterTags)
        );
        assert_eq!(
            may_change(
                Uploader,
                ME,
                &photo(false, false),
                &[],
                PeopleChange::MarkNoPeople
            ),
            Ok(())
        );
    }

    /// Issue 14, point 1: while a request of someone in the photo is open, nobody (the
    /// organiser included) changes its people or reviews it.
    #[test]
    fn an_open_request_freezes_the_photo_for_everyone() {
        let pending = [tag(ME, false, true, true)];
        let p = photo(false, true);
        for access in [Manager, Uploader] {
            for change in [
                PeopleChange::Untag { tag_id: 3 },
                PeopleChange::Region { tag_id: 3 },
                PeopleChange::Review,
            ] {
                assert_eq!(
                    may_change(access, ME, &p, &pending, change),
                    Err(BadInput::PhotoHeldByRequest),
                    "{access:?} {change:?}"
                );
            }
        }
        // Organisers otherwise may untag anyone and move any region.
        let red = [tag(OTHER, true, true, false)];
        assert_eq!(
            may_change(
                Manager,
                ME,
                &photo(true, true),
                &red,
                PeopleChange::Untag { tag_id: 3 }
            ),
            Ok(())
        );
        assert_eq!(
            may_change(Manager, ME, &p, &red, PeopleChange::Region { tag_id: 3 }),
            Ok(())
        );
        assert_eq!(
            may_change(Manager, ME, &p, &red, PeopleChange::Review),
            Ok(())
        );
    }
}
