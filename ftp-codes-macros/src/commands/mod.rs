//! The catalogue of commands: its model, its checks against a reply catalogue, the standard
//! catalogue built in, and the generated enum.

pub(crate) mod expand;
pub(crate) mod model;
pub(crate) mod standard;
pub(crate) mod validate;
