//! Integration, conformance and compile-fail tests of the ftp-codes workspace; the tests are
//! under `tests/`. Nothing here is published.

// The README's examples run as doc tests here, where every transport feature and tokio are at
// hand, so that the README stays true to the code.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;
