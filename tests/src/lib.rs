//! Integration, conformance and compile-fail tests of the ftp-codes workspace; the tests are
//! under `tests/`. Nothing here is published.
