//! The pages other than the site plan: comparing scenarios, residents and what each household
//! pays, the annual plan, projects and files, and the printable report.

pub mod annual;
pub mod compare;
pub mod my_share;
pub mod projects;
pub mod report;
pub mod residents;
