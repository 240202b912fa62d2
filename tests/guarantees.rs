//! What livret promises about the published folder and the files it reads (README « Guarantees »),
//! tried with the real binary: two writers at once, builds killed at any moment, an interrupted
//! swap, a person's files in the folder, output paths through links, pipes and links in the
//! content. Every run is bounded by `common::process::PROCESS_TIMEOUT`.

#[allow(dead_code)] // the helpers the other test files use
mod common;

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::fs;
use std::path::Path;
use std::thread;
use std::time::{Duration, Instant};

use common::process::{Output, livret, livret_with};
use common::tree;

/// A temporary project holding a copy of `content` (the handbook's, or a fixture's).
fn project(content: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    common::copy_tree(content, &dir.path().join("content"));
    dir
}

fn handbook() -> tempfile::TempDir {
    project(&common::root().join("content"))
}

/// The handbook with a page changed and one more: another site, as long to build and write, so
/// that two writers of the two overlap.
fn handbook_variant() -> tempfile::TempDir {
    let project = handbook();
    let pages = project.path().join("content/pages");
    let formation = pages.join("formation.md");
    let text = fs::read_to_string(&formation).unwrap();
    fs::write(&formation, format!("{text}\nUne phrase de plus.\n")).unwrap();
    fs::write(
        pages.join("annexe.md"),
        "---\ntitle: \"Annexe\"\norder: 99\n---\nUne page de plus.\n",
    )
    .unwrap();
    project
}

fn minimal() -> tempfile::TempDir {
    project(&common::root().join("tests/fixtures/minimal/content"))
}

fn build_args(root: &Path, output: &Path) -> Vec<OsString> {
    let mut args: Vec<OsString> = vec!["build".into(), "--root".into()];
    args.push(root.into());
    args.push("--output".into());
    args.push(output.into());
    args
}

fn build(root: &Path, output: &Path) -> Output {
    livret(build_args(root, output)).unwrap()
}

#[track_caller]
fn assert_built(run: &Output) {
    assert_eq!(run.code, Some(0), "build failed:\n{}", run.stderr);
}

/// What `root` builds to, file by file.
fn reference(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("site");
    assert_built(&build(root, &output));
    tree(&output)
}

/// The names beside the output folder other than itself and its lock: what writers left behind.
fn leftovers(output: &Path) -> Vec<String> {
    let name = output.file_name().unwrap().to_string_lossy().into_owned();
    let lock = format!(".{name}.livret-lock");
    fs::read_dir(output.parent().unwrap())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(&name) && *n != name && *n != lock)
        .collect()
}

/// Which reference the site in `output` is, or why it is neither.
fn which(output: &Path, references: &[&BTreeMap<String, Vec<u8>>]) -> usize {
    assert!(output.is_dir(), "no site at all in {}", output.display());
    let site = &tree(output);
    if let Some(found) = references.iter().position(|r| *r == site) {
        return found;
    }
    let diff: Vec<&String> = references[0]
        .keys()
        .chain(site.keys())
        .filter(|k| references[0].get(*k) != site.get(*k))
        .take(8)
        .collect();
    panic!(
        "the folder holds no complete site ({} files; first differences from the first: {diff:?})",
        site.len()
    );
}

#[test]
fn a_build_publishes_exactly_the_files_the_rendering_makes() {
    // Pages go to the staging folder as they are made, the other files at the end: together,
    // byte for byte what a rendering held whole in memory (`livret check`'s) makes.
    let root = handbook();
    let rendered: BTreeMap<String, Vec<u8>> = livret::build::check(root.path())
        .expect("the handbook checks")
        .output
        .into_iter()
        .map(|file| (file.path, file.bytes.to_vec()))
        .collect();
    let out = tempfile::tempdir().unwrap();
    let output = out.path().join("site");
    assert_built(&build(root.path(), &output));
    let mut published = tree(&output);
    let marker = published.remove(livret::output::MARKER).expect("a marker");
    assert_eq!(published.len(), rendered.len());
    for (path, bytes) in &rendered {
        assert!(published.get(path) == Some(bytes), "{path} differs");
    }
    let marker = String::from_utf8(marker).unwrap();
    let listed: Vec<&str> = marker
        .lines()
        .filter(|l| rendered.contains_key(*l))
        .collect();
    assert_eq!(listed.len(), rendered.len(), "the marker lists every file");
}

#[test]
fn a_verbose_build_lists_every_file_it_publishes_with_its_size() {
    let root = handbook();
    let out = tempfile::tempdir().unwrap();
    let output = out.path().join("site");
    let mut args = build_args(root.path(), &output);
    args.push("--verbose".into());
    let run = livret(&args).unwrap();
    assert_built(&run);
    let mut published = tree(&output);
    published.remove(livret::output::MARKER);
    // `  path (n bytes)`, one line per file.
    let listed: BTreeMap<String, usize> = run
        .stdout
        .lines()
        .filter_map(|line| line.strip_prefix("  ")?.strip_suffix(" bytes)"))
        .filter_map(|line| line.rsplit_once(" ("))
        .map(|(path, size)| (path.to_owned(), size.replace(',', "").parse().unwrap()))
        .collect();
    let sizes: BTreeMap<String, usize> = published
        .into_iter()
        .map(|(path, bytes)| (path, bytes.len()))
        .collect();
    assert_eq!(listed, sizes);
}

#[test]
fn two_builds_of_different_content_into_one_folder_leave_one_complete_site() {
    let (a, b) = (handbook(), handbook_variant());
    let (site_a, site_b) = (reference(a.path()), reference(b.path()));
    let out = tempfile::tempdir().unwrap();
    let output = out.path().join("public");
    let (mut both, mut refused) = (0, 0);
    for round in 0..20 {
        // Every other round, the second writer does not wait: it must then fail, and say why.
        let wait = if round % 2 == 1 { "0" } else { "10" };
        let args_a = build_args(a.path(), &output);
        let args_b = build_args(b.path(), &output);
        let first = thread::spawn(move || livret(args_a).unwrap());
        let second =
            thread::spawn(move || livret_with(args_b, &[("LIVRET_LOCK_WAIT", wait)]).unwrap());
        let (run_a, run_b) = (first.join().unwrap(), second.join().unwrap());
        let site = which(&output, &[&site_a, &site_b]);
        for run in [&run_a, &run_b] {
            match run.code {
                Some(0) => assert!(run.stdout.contains("livret: built"), "{}", run.stdout),
                Some(1) => {
                    assert!(run.stderr.contains("is writing"), "{}", run.stderr);
                    assert!(run.stderr.contains("nothing was written"), "{}", run.stderr);
                }
                other => panic!("exit {other:?}:\n{}", run.stderr),
            }
        }
        match (run_a.code, run_b.code) {
            (Some(0), Some(0)) => both += 1,
            (Some(0), _) => assert_eq!(site, 0, "round {round}: A alone succeeded"),
            (_, Some(0)) => assert_eq!(site, 1, "round {round}: B alone succeeded"),
            _ => panic!(
                "round {round}: both builds failed:\n{}\n{}",
                run_a.stderr, run_b.stderr
            ),
        }
        if run_a.code != run_b.code {
            refused += 1;
        }
        assert!(leftovers(&output).is_empty(), "{:?}", leftovers(&output));
    }
    eprintln!("20 rounds: {both} with both builds published in turn, {refused} with one refused");
}

/// Whether a writer is staging a site beside `output` (its pages go there as they are made).
fn staging(output: &Path) -> bool {
    leftovers(output).iter().any(|n| n.contains("livret-new"))
}

#[cfg(unix)]
#[test]
fn a_build_killed_at_any_moment_leaves_a_complete_site() {
    use std::process::{Command, Stdio};
    let (a, b) = (handbook(), minimal());
    let (site_a, site_b) = (reference(a.path()), reference(b.path()));
    let out = tempfile::tempdir().unwrap();
    let output = out.path().join("public");
    let start = |output: &Path| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_livret"))
            .env("LIVRET_LANG", "en")
            .args(build_args(a.path(), output))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // The dangerous moments are the writes and the swap: wait for the staging folder.
        let started = Instant::now();
        while !staging(output) && child.try_wait().unwrap().is_none() {
            assert!(
                started.elapsed() < common::process::PROCESS_TIMEOUT,
                "no write began"
            );
            thread::sleep(Duration::from_micros(100));
        }
        (child, Instant::now())
    };
    // How long the write takes, from the staging folder to the end.
    assert_built(&build(b.path(), &output));
    let (mut child, writing) = start(&output);
    child.wait().unwrap();
    let write_time = writing.elapsed();
    let kill_after = |delay: Duration| {
        assert_built(&build(b.path(), &output));
        let (mut child, writing) = start(&output);
        thread::sleep(delay.saturating_sub(writing.elapsed()));
        child.kill().unwrap(); // SIGKILL: no clean-up of any kind
        child.wait().unwrap();
        which(&output, &[&site_a, &site_b])
    };
    let mut outcomes = [0; 2];
    // From at once to past the end of the write, in even steps.
    let rounds = 24;
    for round in 0..rounds {
        outcomes[kill_after(write_time.mul_f64(1.5 * f64::from(round) / f64::from(rounds)))] += 1;
    }
    // On a machine slower than during the measure, later kills may all come before the swap:
    // wait longer until one comes after it, so that both sides of the swap are tried.
    let mut delay = write_time * 2;
    while outcomes[0] == 0 && delay < Duration::from_secs(10) {
        outcomes[kill_after(delay)] += 1;
        delay *= 2;
    }
    assert!(outcomes[0] > 0 && outcomes[1] > 0, "{outcomes:?}");
    let run = build(a.path(), &output);
    assert_built(&run);
    assert_eq!(tree(&output), site_a);
    assert!(leftovers(&output).is_empty(), "{:?}", leftovers(&output));
    eprintln!(
        "kills during a write of {write_time:?}: {} left the new site, {} the previous one",
        outcomes[0], outcomes[1]
    );
}

#[test]
fn a_site_left_aside_by_an_interrupted_build_is_put_back_even_by_a_failing_build() {
    let project = minimal();
    let out = tempfile::tempdir().unwrap();
    let output = out.path().join("public");
    assert_built(&build(project.path(), &output));
    let site = tree(&output);
    // What a build killed between the two renames of a swap leaves (where no atomic exchange exists).
    fs::rename(&output, out.path().join(".public.livret-old")).unwrap();
    fs::write(project.path().join("content/settings.yaml"), "title: [\n").unwrap();
    let run = build(project.path(), &output);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr.contains("its previous site was put back"),
        "{}",
        run.stderr
    );
    assert_eq!(tree(&output), site);
    assert!(leftovers(&output).is_empty(), "{:?}", leftovers(&output));
}

#[test]
fn a_writer_that_waits_in_vain_names_the_holder_and_changes_nothing() {
    let project = minimal();
    let out = tempfile::tempdir().unwrap();
    let output = out.path().join("public");
    assert_built(&build(project.path(), &output));
    let site = tree(&output);
    let lock = out.path().join(".public.livret-lock");
    let _held = livret::output::OutputLock::acquire(&lock, &output).unwrap();
    let run = livret_with(
        build_args(project.path(), &output),
        &[("LIVRET_LOCK_WAIT", "0.2")],
    )
    .unwrap();
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let holder = format!("process {}", std::process::id());
    assert!(run.stderr.contains(&holder), "{}", run.stderr);
    assert!(run.stderr.contains("nothing was written"), "{}", run.stderr);
    assert_eq!(tree(&output), site);
}

#[test]
fn files_a_person_adds_to_the_output_folder_are_kept() {
    let project = minimal();
    let output = project.path().join("public");
    assert_built(&build(project.path(), &output));
    fs::write(output.join(".htaccess"), "Options -Indexes\n").unwrap();
    let run = build(project.path(), &output);
    assert_built(&run);
    assert!(
        run.stdout.contains("kept 1 file livret did not make"),
        "{}",
        run.stdout
    );
    assert_eq!(
        fs::read_to_string(output.join(".htaccess")).unwrap(),
        "Options -Indexes\n"
    );
}

#[cfg(unix)]
#[test]
fn an_output_path_through_a_link_into_the_sources_is_refused() {
    let project = minimal();
    let root = project.path();
    fs::create_dir(root.join("p")).unwrap();
    std::os::unix::fs::symlink(root.join("content"), root.join("p/link")).unwrap();
    let before = tree(&root.join("content"));
    let run = build(root, &root.join("p/link/new"));
    // A refused `--output` is a usage error.
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("inside the project's `content/` folder"),
        "{}",
        run.stderr
    );
    assert_eq!(
        tree(&root.join("content")),
        before,
        "the build wrote into content/"
    );
}

/// A project whose `relative` file is replaced by what `make` puts at that path.
#[cfg(unix)]
fn with_special_file(relative: &str, make: impl FnOnce(&Path)) -> tempfile::TempDir {
    let project = minimal();
    let path = project.path().join(relative);
    fs::remove_file(&path).unwrap();
    make(&path);
    project
}

#[cfg(unix)]
#[test]
fn pipes_and_devices_are_refused_without_being_read() {
    use rustix::fs::{CWD, Mode, mkfifoat};
    let pipe = with_special_file("content/settings.yaml", |path| {
        mkfifoat(CWD, path, Mode::RUSR | Mode::WUSR).unwrap();
    });
    let zero = with_special_file("content/referentiel.yaml", |path| {
        std::os::unix::fs::symlink("/dev/zero", path).unwrap();
    });
    for (project, says) in [
        (&pipe, "not an ordinary file: it is a named pipe"),
        (&zero, "is a link to /dev/zero, outside the project"),
    ] {
        let run = livret([
            "check".as_ref(),
            "--root".as_ref(),
            project.path().as_os_str(),
        ]);
        let run = run.unwrap(); // within the process timeout: nothing waits on the pipe
        assert_eq!(run.code, Some(1), "{}", run.stderr);
        assert!(run.stderr.contains(says), "{}", run.stderr);
    }
}

#[cfg(unix)]
#[test]
fn links_leaving_the_project_looping_or_dangling_are_errors_that_never_show_the_target() {
    use std::os::unix::fs::symlink;
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.md");
    fs::write(&secret, "---\ntitle: Le mot de passe est hunter2\n---\n").unwrap();
    let project = minimal();
    let root = project.path();
    symlink(&secret, root.join("content/pages/lien.md")).unwrap();
    symlink("boucle.yaml", root.join("content/activities/boucle.yaml")).unwrap();
    symlink("absente.yaml", root.join("content/activities/perdue.yaml")).unwrap();
    // The theme is read once the content has loaded: its link is tried in a project of its own.
    let themed = minimal();
    fs::create_dir_all(themed.path().join("templates")).unwrap();
    symlink(&secret, themed.path().join("templates/page.html")).unwrap();
    let check = |root: &Path| {
        let run = livret(["check".as_ref(), "--root".as_ref(), root.as_os_str()]).unwrap();
        assert_eq!(run.code, Some(1), "{}", run.stderr);
        assert!(
            !run.stderr.contains("hunter2"),
            "the target's text is shown:\n{}",
            run.stderr
        );
        run.stderr
    };
    let (content, theme) = (check(root), check(themed.path()));
    for says in [
        "content/pages/lien.md is a link to",
        "outside the project",
        "content/activities/boucle.yaml is a symbolic link that loops",
        "content/activities/perdue.yaml is a link to absente.yaml, which does not exist",
    ] {
        assert!(content.contains(says), "{says:?} not in:\n{content}");
    }
    assert!(
        theme.contains("templates/page.html is a link to"),
        "{theme}"
    );
}

#[cfg(unix)]
#[test]
fn links_inside_the_project_are_followed() {
    let project = minimal();
    let root = project.path();
    let page = root.join("content/pages/presentation.md");
    fs::create_dir(root.join("shared")).unwrap();
    fs::rename(&page, root.join("shared/presentation.md")).unwrap();
    std::os::unix::fs::symlink("../../shared/presentation.md", &page).unwrap();
    let output = root.join("public");
    assert_built(&build(root, &output));
    let html = fs::read_to_string(output.join("presentation.html")).unwrap();
    assert!(
        html.contains("Règle d’obtention"),
        "the linked page was not built"
    );
}
