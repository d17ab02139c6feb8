//! The breach register (issue 17; requirement 20). `clock`: what a breach owes by its
//! risk and when each notification is due.

pub mod clock;
