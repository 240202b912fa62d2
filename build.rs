//! Rebuilds the binary when the embedded default theme or the message catalogue changes
//! (include_dir cannot tell cargo).
fn main() {
    println!("cargo:rerun-if-changed=templates");
    println!("cargo:rerun-if-changed=theme");
    println!("cargo:rerun-if-changed=locales");
}
