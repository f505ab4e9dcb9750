//! The catalogue of reply codes: its model, its checks against RFC 959's digit rules, the
//! standard catalogue built in, and the generated enum.

pub(crate) mod expand;
pub(crate) mod model;
pub(crate) mod standard;
pub(crate) mod validate;
