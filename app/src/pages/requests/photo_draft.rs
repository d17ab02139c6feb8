//! A photo card's decision as the organiser makes it: the choice, the reason, the blur
//! region, the confirmation step and what is missing; and saving it.

use super::ctx::{Area, Ctx};
use super::region_text::{percent, typed_region};
use crate::api::requests::decide_photo;
use crate::types::{DecisionInput, PhotoDecision, Region, RequestPhoto};
use leptos::prelude::*;

/// What is missing before the decision can be saved.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum LocalProblem {
    Reason,
    Region,
}

/// The decision being made on one photo of the request.
#[derive(Clone, Copy)]
pub(super) struct PhotoDraft {
    pub(super) choice: RwSignal<Option<PhotoDecision>>,
    pub(super) reason: RwSignal<String>,
    /// The region in percent, as typed or drawn; `touched` once the organiser changed it.
    pub(super) rx: RwSignal<String>,
    pub(super) ry: RwSignal<String>,
    pub(super) rw: RwSignal<String>,
    pub(super) rh: RwSignal<String>,
    pub(super) touched: RwSignal<bool>,
    pub(super) confirming: RwSignal<bool>,
    pub(super) problem: RwSignal<Option<LocalProblem>>,
}

impl PhotoDraft {
    /// Starts from the photo's saved decision.
    pub(super) fn new(init: Option<&RequestPhoto>) -> Self {
        let pct = |r: Option<Region>, f: fn(&Region) -> f32| {
            r.map(|r| percent(f(&r))).unwrap_or_default()
        };
        let existing = init.and_then(|p| p.region);
        Self {
            choice: RwSignal::new(init.and_then(|p| p.decision)),
            reason: RwSignal::new(init.map(|p| p.reason.clone()).unwrap_or_default()),
            rx: RwSignal::new(pct(existing, |r| r.x)),
            ry: RwSignal::new(pct(existing, |r| r.y)),
            rw: RwSignal::new(pct(existing, |r| r.w)),
            rh: RwSignal::new(pct(existing, |r| r.h)),
            touched: RwSignal::new(false),
            confirming: RwSignal::new(false),
            problem: RwSignal::new(None),
        }
    }

    fn drawn(self) -> Option<Region> {
        typed_region(self.rx, self.ry, self.rw, self.rh).filter(Region::is_valid)
    }

    /// Saves the decision, or asks for what is missing or for the confirmation first.
    pub(super) fn save(
        self,
        ctx: Ctx,
        item: i64,
        photo: Memo<Option<RequestPhoto>>,
        confirmed: bool,
    ) {
        let Self {
            choice,
            reason,
            touched,
            confirming,
            problem,
            ..
        } = self;
        let Some(d) = choice.get_untracked() else {
            return;
        };
        problem.set(None);
        let has_region = photo.with_untracked(|p| p.as_ref().is_some_and(|p| p.region.is_some()));
        let text = reason.get_untracked().trim().to_string();
        match d {
            PhotoDecision::Keep if text.is_empty() => {
                problem.set(Some(LocalProblem::Reason));
                return;
            }
            PhotoDecision::Blur if !has_region && self.drawn().is_none() => {
                problem.set(Some(LocalProblem::Region));
                return;
            }
            // Both are for good: the organiser confirms first (blur only the first time).
            PhotoDecision::Delete if !confirmed => {
                confirming.set(true);
                return;
            }
            PhotoDecision::Blur
                if !confirmed
                    && photo.with_untracked(|p| {
                        p.as_ref().and_then(|p| p.decision) != Some(PhotoDecision::Blur)
                    }) =>
            {
                confirming.set(true);
                return;
            }
            _ => {}
        }
        confirming.set(false);
        let region = if d == PhotoDecision::Blur && (touched.get_untracked() || !has_region) {
            self.drawn()
        } else {
            None
        };
        ctx.run(
            Area::Photo(item),
            decide_photo(
                ctx.request_id(),
                DecisionInput {
                    item,
                    decision: d,
                    reason: text,
                    region,
                },
            ),
        );
    }
}
