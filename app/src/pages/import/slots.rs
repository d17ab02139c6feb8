//! The column mapping's slots: the person fields and the full name.

use crate::types::{ColumnMapping, Field};

/// Which mapping slot a select edits.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Slot {
    Field(Field),
    FullName,
}

pub(super) fn slot_get(m: &ColumnMapping, s: Slot) -> Option<usize> {
    match s {
        Slot::FullName => m.full_name,
        Slot::Field(Field::FirstName) => m.first_name,
        Slot::Field(Field::LastName) => m.last_name,
        Slot::Field(Field::Organisation) => m.organisation,
        Slot::Field(Field::RoleTitle) => m.role_title,
        Slot::Field(Field::Email) => m.email,
        Slot::Field(Field::Phone) => m.phone,
    }
}

pub(super) fn slot_set(m: &mut ColumnMapping, s: Slot, v: Option<usize>) {
    let slot = match s {
        Slot::FullName => &mut m.full_name,
        Slot::Field(Field::FirstName) => &mut m.first_name,
        Slot::Field(Field::LastName) => &mut m.last_name,
        Slot::Field(Field::Organisation) => &mut m.organisation,
        Slot::Field(Field::RoleTitle) => &mut m.role_title,
        Slot::Field(Field::Email) => &mut m.email,
        Slot::Field(Field::Phone) => &mut m.phone,
    };
    *slot = v;
}

/// The slots in the order the mapping shows them.
pub(super) const SLOTS: [Slot; 7] = [
    Slot::Field(Field::FirstName),
    Slot::Field(Field::LastName),
    Slot::FullName,
    Slot::Field(Field::Organisation),
    Slot::Field(Field::RoleTitle),
    Slot::Field(Field::Email),
    Slot::Field(Field::Phone),
];
