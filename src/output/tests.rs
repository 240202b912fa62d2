use super::*;

fn file(path: &str, text: &str) -> OutputFile {
    OutputFile::new(path, text.as_bytes().to_vec())
}

/// A file written into a staging folder before the end.
fn passed(path: &str) -> Passed {
    Passed {
        path: path.to_owned(),
        size: 4,
    }
}

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn refuses_root_sources_and_foreign_folders() {
    let root = tempfile::tempdir().unwrap();
    fs::create_dir_all(root.path().join("content")).unwrap();
    fs::create_dir_all(root.path().join("docs")).unwrap();
    fs::write(root.path().join("docs/notes.txt"), "mine").unwrap();
    assert!(check_output_dir(root.path(), root.path()).is_err());
    assert!(check_output_dir(root.path(), &root.path().join("content/out")).is_err());
    assert!(check_output_dir(root.path(), &root.path().join("docs")).is_err());
    assert!(check_output_dir(root.path(), &root.path().join("public")).is_ok());
}

#[cfg(unix)]
#[test]
fn a_new_folder_under_a_link_into_the_sources_is_refused() {
    let root = tempfile::tempdir().unwrap();
    fs::create_dir_all(root.path().join("content")).unwrap();
    fs::create_dir_all(root.path().join("p")).unwrap();
    std::os::unix::fs::symlink(root.path().join("content"), root.path().join("p/link")).unwrap();
    let problem = check_output_dir(root.path(), &root.path().join("p/link/new")).unwrap_err();
    assert!(
        problem
            .message
            .english()
            .contains("inside the project's `content/`"),
        "{}",
        problem.message.english()
    );
    // With `..` after the link, which the system applies to the link's target.
    let dotted = root.path().join("p/link/new/../x");
    assert!(check_output_dir(root.path(), &dotted).is_err());
}

#[test]
fn a_swap_replaces_the_previous_output_whole_and_leaves_only_the_lock() {
    let root = tempfile::tempdir().unwrap();
    let output = root.path().join("public");
    write_site(&output, &[file("a/old.html", "old")]).unwrap();
    let written = write_site(&output, &[file("new.html", "new")]).unwrap();
    assert!(written.warnings.is_empty() && !written.in_place && written.kept == 0);
    assert!(!output.join("a/old.html").exists());
    assert_eq!(fs::read(output.join("new.html")).unwrap(), b"new");
    assert!(check_output_dir(root.path(), &output).is_ok());
    assert_eq!(names(root.path()), [".public.livret-lock", "public"]);
}

#[test]
fn files_a_person_adds_are_kept_and_never_overwritten() {
    let root = tempfile::tempdir().unwrap();
    let output = root.path().join("public");
    write_site(&output, &[file("index.html", "v1"), file("a/b.html", "v1")]).unwrap();
    fs::write(output.join(".htaccess"), "Options -Indexes").unwrap();
    fs::write(output.join("a/notes.txt"), "mine").unwrap();
    let written = write_site(&output, &[file("index.html", "v2")]).unwrap();
    assert_eq!(written.kept, 2);
    assert_eq!(
        fs::read(output.join(".htaccess")).unwrap(),
        b"Options -Indexes"
    );
    assert_eq!(fs::read(output.join("a/notes.txt")).unwrap(), b"mine");
    assert!(
        !output.join("a/b.html").exists(),
        "livret's own stale file is removed"
    );
    // A person's file where the site now has one: refused, nothing changed.
    let problem =
        write_site(&output, &[file("index.html", "v3"), file(".htaccess", "x")]).unwrap_err();
    assert_eq!(problem.site, SiteState::Unchanged);
    assert!(
        problem.problem.message.english().contains(".htaccess"),
        "{}",
        problem.problem.message.english()
    );
    assert_eq!(fs::read(output.join("index.html")).unwrap(), b"v2");
}

#[test]
fn a_site_left_aside_by_an_interrupted_swap_is_put_back_first() {
    let root = tempfile::tempdir().unwrap();
    let output = root.path().join("public");
    write_site(&output, &[file("index.html", "old")]).unwrap();
    // A build killed between its two renames: the old site aside, no output folder.
    let target = Target::new(&output);
    fs::rename(&output, target.sibling("old")).unwrap();
    // and a killed build's staging folder.
    fs::create_dir_all(root.path().join(".public.livret-new-x1y2z3/a")).unwrap();
    let warnings = recover(&output).unwrap();
    assert_eq!(warnings.warning_count(), 1);
    let warning = warnings.iter().next().unwrap();
    assert!(
        warning.message.english().contains("was put back"),
        "{}",
        warning.message.english()
    );
    assert_eq!(fs::read(output.join("index.html")).unwrap(), b"old");
    assert_eq!(names(root.path()), [".public.livret-lock", "public"]);
}

#[test]
fn serve_updates_write_the_changed_files_and_keep_a_persons_files() {
    let root = tempfile::tempdir().unwrap();
    let output = root.path().join("public");
    let kept = file("a/kept.html", "kept");
    let before = [
        kept.clone(),
        file("changed.html", "old"),
        file("gone.html", "gone"),
    ];
    write_site(&output, &before).unwrap();
    fs::write(output.join("robots.txt"), "mine").unwrap();
    // A file the update must not touch: were it rewritten, it would hold `kept` again.
    fs::write(output.join("a/kept.html"), "untouched").unwrap();
    let after = [
        kept,
        file("changed.html", "new"),
        file("b/added.html", "added"),
    ];
    update_site(&output, &before, &after).unwrap();
    assert_eq!(fs::read(output.join("a/kept.html")).unwrap(), b"untouched");
    assert_eq!(fs::read(output.join("changed.html")).unwrap(), b"new");
    assert_eq!(fs::read(output.join("b/added.html")).unwrap(), b"added");
    assert!(!output.join("gone.html").exists());
    assert_eq!(
        names(&output),
        [".livret-output", "a", "b", "changed.html", "robots.txt"]
    );
    // A page the site gains where the person has a file: refused, the file untouched.
    let clash = [file("robots.txt", "generated")];
    let problem = update_site(&output, &after, &clash).unwrap_err();
    assert!(
        problem.problem.message.english().contains("robots.txt"),
        "{}",
        problem.problem.message.english()
    );
    assert_eq!(fs::read(output.join("robots.txt")).unwrap(), b"mine");
}

#[test]
fn files_staged_as_they_are_made_are_published_with_the_rest_and_listed_in_the_marker() {
    let root = tempfile::tempdir().unwrap();
    let output = root.path().join("public");
    write_site(&output, &[file("old.html", "old")]).unwrap();
    let staging = Staging::open(&output).unwrap();
    let stage = staging.stage().expect("a staging folder");
    stage.write(&file("a/b/page.html", "page")).unwrap();
    assert_eq!(stage.read("a/b/page.html").unwrap(), b"page");
    // Until the swap, the published site is the previous one.
    assert_eq!(fs::read(output.join("old.html")).unwrap(), b"old");
    let written = staging
        .finish(&[file("style.css", "css")], &[passed("a/b/page.html")])
        .unwrap();
    assert!(!written.in_place);
    assert_eq!(fs::read(output.join("a/b/page.html")).unwrap(), b"page");
    assert_eq!(fs::read(output.join("style.css")).unwrap(), b"css");
    assert!(!output.join("old.html").exists());
    let marker = Manifest::read(&output);
    let listed: Vec<&str> = marker.files().collect();
    assert_eq!(listed, ["a/b/page.html", "style.css"]);
    assert_eq!(names(root.path()), [".public.livret-lock", "public"]);
}

#[test]
fn a_staging_given_up_leaves_the_previous_site_and_nothing_beside_it() {
    let root = tempfile::tempdir().unwrap();
    let output = root.path().join("public");
    write_site(&output, &[file("index.html", "old")]).unwrap();
    let staging = Staging::open(&output).unwrap();
    staging
        .stage()
        .unwrap()
        .write(&file("index.html", "new"))
        .unwrap();
    assert_eq!(names(root.path()).len(), 3, "{:?}", names(root.path()));
    drop(staging); // a build whose checks failed
    assert_eq!(fs::read(output.join("index.html")).unwrap(), b"old");
    assert_eq!(names(root.path()), [".public.livret-lock", "public"]);
}

#[test]
fn files_staged_are_read_back_to_be_placed_when_the_folder_cannot_be_swapped() {
    let staging = tempfile::tempdir().unwrap();
    fs::create_dir_all(staging.path().join("a")).unwrap();
    fs::write(staging.path().join("a/page.html"), "page").unwrap();
    let read = read_back(Some(&staging), &[passed("a/page.html")]).unwrap();
    assert_eq!(read, [file("a/page.html", "page")]);
    let missing = read_back(Some(&staging), &[passed("gone.html")]).unwrap_err();
    assert_eq!(missing.site, SiteState::Unchanged);
}

#[test]
fn an_output_folder_whose_parents_do_not_exist_yet_is_made_with_them() {
    let root = tempfile::tempdir().unwrap();
    let output = root.path().join("dist/v2/public");
    write_site(&output, &[file("index.html", "new")]).unwrap();
    assert_eq!(fs::read(output.join("index.html")).unwrap(), b"new");
    assert_eq!(
        names(&root.path().join("dist/v2")),
        [".public.livret-lock", "public"]
    );
}
