//! livret: a static-site generator for competency-certification handbooks.
//!
//! The pipeline, one module per stage: [`load`] reads `content/` into the [`model`]; [`check`]
//! verifies the cross-references; [`coverage`] derives what the mapping makes possible; [`render`] turns the model into files (HTML site, stylesheet);
//! [`output`] swaps them into the output folder atomically; [`serve`] wraps it all with a watcher and a
//! live-reload server. [`build`] runs the stages in order, [`scaffold`] holds `livret new`'s starter
//! handbook, and
//! [`diagnostic`] carries every problem to the user. The CLI (`main.rs`) sits on top.

// Errors are diagnostics carried on the cold path; boxing them would only add noise.
#![allow(clippy::result_large_err)]

pub mod build;
pub mod catalogue;
pub mod check;
pub mod coverage;
pub mod diagnostic;
pub mod load;
pub mod model;
pub mod output;
pub mod render;
pub mod scaffold;
pub mod schema;
pub mod serve;
