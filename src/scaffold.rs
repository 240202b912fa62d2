//! `livret new`: the files of a small starter handbook in a language (the repository's
//! `scaffold/<language>/`, embedded), with the content files' schemas, which its YAML files name
//! for editors. The caller writes them; this module must not touch the disk.

use include_dir::{Dir, include_dir};

use crate::catalogue::Lang;
use crate::render::OutputFile;
use crate::schema::{self, SCHEMAS_DIR};

static SCAFFOLD: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/scaffold");

/// Every file of the starter handbook in `lang`, paths relative to the new project's folder.
pub fn files(lang: Lang) -> Vec<OutputFile> {
    let mut files = Vec::new();
    if let Some(dir) = SCAFFOLD.get_dir(lang.code()) {
        collect(dir, dir.path(), &mut files);
    }
    files.extend(
        schema::files(lang)
            .into_iter()
            .map(|file| OutputFile::new(format!("{SCHEMAS_DIR}/{}", file.path), file.bytes)),
    );
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

fn collect(dir: &Dir<'_>, base: &std::path::Path, files: &mut Vec<OutputFile>) {
    for file in dir.files() {
        let path = file.path().strip_prefix(base).unwrap_or(file.path());
        let path = path.to_string_lossy().replace('\\', "/");
        files.push(OutputFile::new(path, file.contents().to_vec()));
    }
    for sub in dir.dirs() {
        collect(sub, base, files);
    }
}
