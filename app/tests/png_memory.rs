//! Issue 14, point 6: a PNG's ancillary chunks may not make the decoder allocate beyond
//! the pixel budget. A 1 MB upload carrying a 1 GiB iCCP profile used to raise the
//! server's peak memory from 43 to 571 MiB. This binary counts every allocation (its
//! own global allocator, one test, so nothing else runs meanwhile) and checks the peak
//! while the photo's preview and thumbnail are made.
//!
//! Needs the `test-fixtures` feature (on in `cargo test --workspace`; alone:
//! `cargo test -p app --features test-fixtures --test png_memory`).
#![cfg(feature = "test-fixtures")]

use app::domain::imaging::{self, fixtures, Limits};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

#[test]
fn a_huge_iccp_profile_is_never_inflated() {
    let (w, h) = (640, 480);
    let bomb = fixtures::png_with_iccp(w, h, 5, 1 << 30);
    let info = imaging::inspect(&bomb, &Limits::default()).unwrap();
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let out = imaging::renditions(&bomb, &info).expect("decoded within budget");
    let peak = PEAK.load(Ordering::Relaxed) - before;
    assert!(!out.preview.is_empty() && !out.thumb.is_empty());
    // The decoder's budget, a copy of the file, and the RGB work buffers of the
    // preview and thumbnail.
    let budget = imaging::png_budget(w, h) as usize + bomb.len() + (w * h * 3 * 4) as usize;
    assert!(
        peak <= budget,
        "decoding allocated {peak} bytes at the peak; the budget is {budget}"
    );
}
