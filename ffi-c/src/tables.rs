//! The MWS tables of the core: marketplaces and API sections, handed out
//! as pointers to static entries, with accessors for their fields.

use crate::boundary::{self, guard_or};
use crate::types::mws_str;
use core::ffi::c_char;
use mws_sign::{FORM_CONTENT_TYPE, Marketplace, Section};

/// An Amazon marketplace reachable through MWS: a static table entry (never
/// freed). Read it with `mws_marketplace_code`, `_id`, `_host`, `_region`.
#[derive(Clone, Copy, Debug)]
pub struct mws_marketplace {
    marketplace: Marketplace,
}

/// An MWS API section (`Orders`, `Feeds`...): a static table entry (never
/// freed). Read it with `mws_section_name`, `_path`, `_version`,
/// `_seller_parameter`; pass it to `mws_credentials_sign` in an `mws_call`.
#[derive(Clone, Copy, Debug)]
pub struct mws_section {
    pub(crate) section: Section,
}

/// The core's marketplace table, wrapped entry by entry at compile time.
static MARKETPLACES: [mws_marketplace; Marketplace::ALL.len()] = {
    let mut table = [mws_marketplace {
        marketplace: Marketplace::Us,
    }; Marketplace::ALL.len()];
    let mut i = 0;
    while i < table.len() {
        table[i] = mws_marketplace {
            marketplace: Marketplace::ALL[i],
        };
        i += 1;
    }
    table
};

/// The core's section table, wrapped entry by entry at compile time.
static SECTIONS: [mws_section; Section::ALL.len()] = {
    let mut table = [mws_section {
        section: Section::Orders,
    }; Section::ALL.len()];
    let mut i = 0;
    while i < table.len() {
        table[i] = mws_section {
            section: Section::ALL[i],
        };
        i += 1;
    }
    table
};

/// The static entry of a marketplace.
fn marketplace_entry(m: Marketplace) -> *const mws_marketplace {
    MARKETPLACES
        .iter()
        .find(|e| e.marketplace == m)
        .map_or(core::ptr::null(), core::ptr::from_ref)
}

/// The static entry of a section.
fn section_entry(s: Section) -> *const mws_section {
    SECTIONS
        .iter()
        .find(|e| e.section == s)
        .map_or(core::ptr::null(), core::ptr::from_ref)
}

/// The number of marketplaces (entries 0 to count - 1 of `mws_marketplace_get`).
#[unsafe(no_mangle)]
pub extern "C" fn mws_marketplace_count() -> usize {
    MARKETPLACES.len()
}

/// The marketplace at `index` in the spec's table order, or NULL past the end.
#[unsafe(no_mangle)]
pub extern "C" fn mws_marketplace_get(index: usize) -> *const mws_marketplace {
    MARKETPLACES
        .get(index)
        .map_or(core::ptr::null(), core::ptr::from_ref)
}

/// The marketplace with the two-letter country code `code` (ASCII case
/// ignored; `UK` is `GB`), or NULL when there is none (also for NULL with a
/// non-zero length, or text that is not UTF-8).
///
/// # Safety
/// `code` valid for `code_len` bytes (or NULL with 0).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mws_marketplace_from_code(
    code: *const c_char,
    code_len: usize,
) -> *const mws_marketplace {
    guard_or(core::ptr::null(), || {
        // SAFETY: the caller's contract, stated above.
        match unsafe { boundary::text(code, code_len) } {
            Ok(code) => Marketplace::from_code(code).map_or(core::ptr::null(), marketplace_entry),
            Err(_) => core::ptr::null(),
        }
    })
}

/// The marketplace whose `MarketplaceId` is `id` (exact), or NULL.
///
/// # Safety
/// `id` valid for `id_len` bytes (or NULL with 0).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mws_marketplace_from_id(
    id: *const c_char,
    id_len: usize,
) -> *const mws_marketplace {
    guard_or(core::ptr::null(), || {
        // SAFETY: the caller's contract, stated above.
        match unsafe { boundary::text(id, id_len) } {
            Ok(id) => Marketplace::from_id(id).map_or(core::ptr::null(), marketplace_entry),
            Err(_) => core::ptr::null(),
        }
    })
}

/// Reads one field of a marketplace entry; empty for NULL.
///
/// # Safety
/// `m` is NULL or an entry returned by this library.
unsafe fn marketplace_field(
    m: *const mws_marketplace,
    field: fn(Marketplace) -> &'static str,
) -> mws_str {
    guard_or(mws_str::EMPTY, || {
        // SAFETY: by this function's contract.
        match unsafe { m.as_ref() } {
            Some(e) => mws_str::from_static(field(e.marketplace)),
            None => mws_str::EMPTY,
        }
    })
}

/// The two-letter country code, e.g. `DE` (static); empty for NULL.
///
/// # Safety
/// `marketplace` is NULL or an entry returned by this library.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mws_marketplace_code(marketplace: *const mws_marketplace) -> mws_str {
    // SAFETY: forwarded contract.
    unsafe { marketplace_field(marketplace, Marketplace::code) }
}

/// The `MarketplaceId`, e.g. `A1PA6795UKMFR9` (static); empty for NULL.
///
/// # Safety
/// `marketplace` is NULL or an entry returned by this library.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mws_marketplace_id(marketplace: *const mws_marketplace) -> mws_str {
    // SAFETY: forwarded contract.
    unsafe { marketplace_field(marketplace, Marketplace::id) }
}

/// The MWS endpoint host, e.g. `mws-eu.amazonservices.com` (static);
/// empty for NULL.
///
/// # Safety
/// `marketplace` is NULL or an entry returned by this library.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mws_marketplace_host(marketplace: *const mws_marketplace) -> mws_str {
    // SAFETY: forwarded contract.
    unsafe { marketplace_field(marketplace, Marketplace::host) }
}

/// The region code: `NA`, `EU`, `FE` or `CN` (static); empty for NULL.
///
/// # Safety
/// `marketplace` is NULL or an entry returned by this library.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mws_marketplace_region(marketplace: *const mws_marketplace) -> mws_str {
    // SAFETY: forwarded contract.
    unsafe { marketplace_field(marketplace, |m| m.region().code()) }
}

/// The number of API sections (entries 0 to count - 1 of `mws_section_get`).
#[unsafe(no_mangle)]
pub extern "C" fn mws_section_count() -> usize {
    SECTIONS.len()
}

/// The section at `index` in the spec's table order, or NULL past the end.
#[unsafe(no_mangle)]
pub extern "C" fn mws_section_get(index: usize) -> *const mws_section {
    SECTIONS
        .get(index)
        .map_or(core::ptr::null(), core::ptr::from_ref)
}

/// The section named `name`, e.g. `Orders` (ASCII case ignored), or NULL
/// when there is none (also for NULL with a non-zero length, or text that
/// is not UTF-8).
///
/// # Safety
/// `name` valid for `name_len` bytes (or NULL with 0).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mws_section_from_name(
    name: *const c_char,
    name_len: usize,
) -> *const mws_section {
    guard_or(core::ptr::null(), || {
        // SAFETY: the caller's contract, stated above.
        match unsafe { boundary::text(name, name_len) } {
            Ok(name) => Section::from_name(name).map_or(core::ptr::null(), section_entry),
            Err(_) => core::ptr::null(),
        }
    })
}

/// Reads one field of a section entry; empty for NULL.
///
/// # Safety
/// `s` is NULL or an entry returned by this library.
unsafe fn section_field(s: *const mws_section, field: fn(Section) -> &'static str) -> mws_str {
    guard_or(mws_str::EMPTY, || {
        // SAFETY: by this function's contract.
        match unsafe { s.as_ref() } {
            Some(e) => mws_str::from_static(field(e.section)),
            None => mws_str::EMPTY,
        }
    })
}

/// The section's name, e.g. `Orders` (static); empty for NULL.
///
/// # Safety
/// `section` is NULL or an entry returned by this library.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mws_section_name(section: *const mws_section) -> mws_str {
    // SAFETY: forwarded contract.
    unsafe { section_field(section, Section::name) }
}

/// The request path, e.g. `/Orders/2013-09-01` (static); empty for NULL.
///
/// # Safety
/// `section` is NULL or an entry returned by this library.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mws_section_path(section: *const mws_section) -> mws_str {
    // SAFETY: forwarded contract.
    unsafe { section_field(section, Section::path) }
}

/// The `Version` parameter, e.g. `2013-09-01` (static); empty for NULL.
///
/// # Safety
/// `section` is NULL or an entry returned by this library.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mws_section_version(section: *const mws_section) -> mws_str {
    // SAFETY: forwarded contract.
    unsafe { section_field(section, Section::version) }
}

/// The name of the seller parameter: `Merchant` for Feeds and Reports,
/// `SellerId` everywhere else (static); empty for NULL.
///
/// # Safety
/// `section` is NULL or an entry returned by this library.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mws_section_seller_parameter(section: *const mws_section) -> mws_str {
    // SAFETY: forwarded contract.
    unsafe { section_field(section, Section::seller_parameter) }
}

/// The `Content-Type` of an MWS POST whose body is the signed query:
/// `application/x-www-form-urlencoded; charset=utf-8` (static).
#[unsafe(no_mangle)]
pub extern "C" fn mws_form_content_type() -> mws_str {
    mws_str::from_static(FORM_CONTENT_TYPE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_wrap_the_core_tables_in_order() {
        assert_eq!(mws_marketplace_count(), Marketplace::ALL.len());
        for (i, m) in Marketplace::ALL.iter().enumerate() {
            let entry = mws_marketplace_get(i);
            assert_eq!(entry, marketplace_entry(*m));
            // SAFETY: `entry` points into the static table.
            assert_eq!(unsafe { entry.as_ref() }.map(|e| e.marketplace), Some(*m));
        }
        assert!(mws_marketplace_get(Marketplace::ALL.len()).is_null());
        assert_eq!(mws_section_count(), Section::ALL.len());
        for (i, s) in Section::ALL.iter().enumerate() {
            assert_eq!(mws_section_get(i), section_entry(*s));
        }
        assert!(mws_section_get(Section::ALL.len()).is_null());
    }
}
